import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PROBLEM_CONTENT_TYPE, REPLAYED_HEADER, problem, type AuthenticatedRequest } from '@unblock/http';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onSendAsyncHookHandler,
  preSerializationHookHandler,
} from 'fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { COMPLETE_IDEMPOTENCY_KEY, RELEASE_IDEMPOTENCY_KEY, type AuditStamp } from '@unblock/database';
import { AuditWriter } from '../audit/audit-writer';
import { IdempotencyClaims } from './idempotency.guard';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Where the JSON API's routes live. */
export const API_PREFIX = '/api/v1/';

/** A route's hooks of one kind, as a list (Fastify takes one or many). */
function hooks<T>(given: T | T[] | undefined): T[] {
  return given === undefined ? [] : Array.isArray(given) ? given : [given];
}

function entityIdOf(body: unknown): string | null {
  if (body === null || typeof body !== 'object') return null;
  const record = body as Record<string, unknown>;
  const user = record['user'] as Record<string, unknown> | undefined;
  const id = record['id'] ?? user?.['id'];
  return typeof id === 'string' ? id : null;
}

/**
 * What happens around every write of the API (POST, PUT, PATCH, DELETE under `/api/v1/`), as Fastify
 * hooks of the write routes rather than a Nest interceptor, which would wrap every request of its routes
 * in observables and async resources.
 * - Every successful write leaves an audit record (who, when, what, from where) before it is answered:
 *   written by the write's own statement when its handler says so (`stampOf`, `auditedWithWrite`), else
 *   committed here by `AuditWriter`, with the records of the writes running alongside (group commit).
 * - A request that claimed an `Idempotency-Key` (`IdempotencyGuard`) keeps its answer, after the audit
 *   record; one that failed drops its claim, so it can be retried. An answer sent again for a key
 *   writes no audit record.
 * If either write fails, the answer is a 500 (the request's own writes stand; a retry is told so by its
 * idempotency key).
 */
@Injectable()
export class WritePipeline {
  private readonly logger = new Logger('WritePipeline');
  /** Each write's answer as the handler returned it, before it is serialized. */
  private readonly bodies = new WeakMap<FastifyRequest, unknown>();
  /** The writes whose use case wrote their audit record with the write itself (see `stampOf`). */
  private readonly audited = new WeakSet<FastifyRequest>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
    private readonly claims: IdempotencyClaims,
  ) {}

  /**
   * Adds the hooks to the write routes only, as Fastify registers them (call it before the routes are
   * registered, i.e. before `app.init()`): reads pay nothing for them.
   */
  mount(fastify: FastifyInstance): void {
    const keepBody: preSerializationHookHandler = (request, _reply, payload, done) => {
      this.bodies.set(request, payload);
      done(null, payload);
    };
    const settle: onSendAsyncHookHandler = (request, reply, payload) => this.settle(request, reply, payload);
    fastify.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      if (!route.url.startsWith(API_PREFIX) || !methods.every((m) => WRITES.has(m))) return;
      route.preSerialization = [...hooks(route.preSerialization), keepBody];
      route.onSend = [...hooks(route.onSend), settle];
    });
  }

  private async settle(request: AuthenticatedRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
    const body = this.bodies.get(request);
    this.bodies.delete(request);
    const claim = this.claims.take(request);
    const auditedWithWrite = this.audited.delete(request);
    if (reply.getHeader(REPLAYED_HEADER) === 'true') return payload;
    try {
      if (reply.statusCode >= 400) {
        if (claim !== undefined) await this.dataSource.query(RELEASE_IDEMPOTENCY_KEY, [claim]);
        return payload;
      }
      if (!auditedWithWrite) await this.record(request, reply, body);
      if (claim !== undefined) {
        await this.dataSource.query(COMPLETE_IDEMPOTENCY_KEY, [claim, reply.statusCode, JSON.stringify(body ?? null)]);
      }
      return payload;
    } catch (error: unknown) {
      const errorId = randomUUID();
      this.logger.error({ err: error, errorId, requestId: request.id }, 'could not settle the write');
      const failed = problem(500, 'internal-error', 'Internal Server Error', 'an unexpected error occurred', {
        errorId,
      });
      void reply.status(500).header('content-type', PROBLEM_CONTENT_TYPE);
      return JSON.stringify(failed);
    }
  }

  /**
   * The audit stamp of a write, for a use case that writes its audit record in the statement of its own
   * write; the handler then calls `auditedWithWrite` and no second record is written.
   */
  stampOf(request: AuthenticatedRequest, body?: unknown): AuditStamp {
    const route = request.routeOptions.url ?? request.url;
    const entity = /^\/api\/v1\/([^/]+)/u.exec(route)?.[1] ?? 'unknown';
    const userAgent = request.headers['user-agent'];
    return {
      // A login is its user's own act.
      actorUserId: request.actor?.userId ?? (entity === 'auth' ? entityIdOf(body) : null),
      at: new Date(),
      action: `${request.method} ${route}`,
      entity,
      ip: request.ip,
      userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 500) : null,
      requestId: String(request.id),
    };
  }

  /** The write's use case wrote its audit record (from `stampOf`) with the write itself. */
  auditedWithWrite(request: FastifyRequest): void {
    this.audited.add(request);
  }

  private record(request: AuthenticatedRequest, reply: FastifyReply, body: unknown): Promise<void> {
    return this.audit.write({
      ...this.stampOf(request, body),
      entityId: entityIdOf(body) ?? (request.params as Record<string, string> | undefined)?.['id'] ?? null,
      status: reply.statusCode,
    });
  }
}
