import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@unblock/config';
import { CLAIM_IDEMPOTENCY_KEY, IDEMPOTENCY_KEY_OF_USER, TAKE_OVER_IDEMPOTENCY_KEY } from '@unblock/database';
import { DomainError } from '@unblock/domain';
import { RouteMetadata, StoredAnswer, type AuthenticatedRequest } from '@unblock/http';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,200}$/u;

const NOT_KEPT = 'unblock:idempotency-not-kept';

/**
 * A POST whose body or answer holds a secret (a password, a one-time password): its `Idempotency-Key` is
 * ignored, so neither is kept in `idempotency_keys` (its answer, nor a hash of its body).
 */
export const SecretsNotKept = (): MethodDecorator => SetMetadata(NOT_KEPT, true);

/** The request that claimed a key before, and its answer once completed. */
interface EarlierClaim {
  route: string;
  request_hash: string;
  status_code: number | null;
  response: unknown;
  completed_at: Date | null;
  /** Unanswered, its lease lapsed: the request that claimed it died. */
  lapsed: boolean;
}

/** The idempotency keys claimed by the requests now running, by request. */
@Injectable()
export class IdempotencyClaims {
  private readonly claims = new WeakMap<FastifyRequest, string>();

  claim(request: FastifyRequest, id: string): void {
    this.claims.set(request, id);
  }

  /** The id of the key the request claimed, if any; it is forgotten once asked for. */
  take(request: FastifyRequest): string | undefined {
    const id = this.claims.get(request);
    this.claims.delete(request);
    return id;
  }
}

/**
 * POSTs accept an `Idempotency-Key` header: the first request with a key runs and its answer is kept; a
 * retry with the same key (same user, same route, same body) answers that response again, with
 * `Idempotent-Replayed: true`, and writes nothing. The same key with another body is a 422; a retry
 * while the first is still running, a 409. A request that fails keeps nothing, so it may be retried.
 * A claim holds a lease (`IDEMPOTENCY_LEASE_MS`): a request whose API died before it kept its answer leaves
 * the key unanswered, and once the lease lapses a retry takes it over and runs. What the first committed
 * the retry then finds (a need by the intake key the key gives it, a visit by its `clientRef`), or the
 * domain answers what the first did (a case already claimed).
 *
 * The last of the global guards (it needs the actor): it claims the key, or throws the answer kept for
 * it. `WritePipeline` keeps the answer, or drops the claim of a request that failed, before it is sent.
 */
@Injectable()
export class IdempotencyGuard implements CanActivate {
  private readonly notKept: RouteMetadata<boolean>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly claims: IdempotencyClaims,
    private readonly config: AppConfig,
    reflector: Reflector,
  ) {
    this.notKept = new RouteMetadata(reflector, NOT_KEPT);
  }

  /** Synchronous (no promise for Nest to await) for every request without a key: nearly all of them. */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined || request.actor === undefined) return true;
    if (this.notKept.of(context) === true) return true;
    return this.claim(request, request.actor.userId, Array.isArray(header) ? header[0] : header);
  }

  private async claim(request: AuthenticatedRequest, userId: string, key: string | undefined): Promise<boolean> {
    if (key === undefined || !IDEMPOTENCY_KEY.test(key)) {
      throw DomainError.invalid('Idempotency-Key', 'must be 1-200 letters, digits, ".", "_", ":" or "-"');
    }
    const route = `POST ${request.url.split('?')[0] ?? ''}`;
    const requestHash = createHash('sha256')
      .update(JSON.stringify(request.body ?? null))
      .digest('hex');
    const [claimed] = await this.dataSource.query<{ id: string }[]>(CLAIM_IDEMPOTENCY_KEY, [
      userId,
      key,
      route,
      requestHash,
      this.config.idempotencyLeaseMs,
    ]);
    if (claimed !== undefined) {
      this.claims.claim(request, claimed.id);
      return true;
    }
    const [earlier] = await this.dataSource.query<EarlierClaim[]>(IDEMPOTENCY_KEY_OF_USER, [userId, key]);
    if (earlier === undefined) throw new Error(`the Idempotency-Key ${key} of user ${userId} was released meanwhile`);
    if (earlier.route !== route || earlier.request_hash !== requestHash) {
      throw new DomainError('unprocessable', 'this Idempotency-Key was used for another request', [
        { field: 'Idempotency-Key', message: 'was used before with another route or body' },
      ]);
    }
    if (earlier.completed_at === null || earlier.status_code === null) {
      const [taken] = earlier.lapsed
        ? await this.dataSource.query<{ id: string }[]>(TAKE_OVER_IDEMPOTENCY_KEY, [
            userId,
            key,
            this.config.idempotencyLeaseMs,
          ])
        : [];
      if (taken === undefined) {
        throw DomainError.conflict('a request with this Idempotency-Key is still running', 'Idempotency-Key');
      }
      this.claims.claim(request, taken.id);
      return true;
    }
    throw new StoredAnswer(earlier.status_code, earlier.response);
  }
}
