import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IdempotencyKeyEntity } from '@unblock/database';
import { DomainError } from '@unblock/domain';
import type { AuthenticatedRequest } from '@unblock/http';
import type { FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { Observable, catchError, concatMap, from, of, switchMap } from 'rxjs';
import { DataSource } from 'typeorm';

const KEY = /^[A-Za-z0-9._:-]{1,200}$/u;

/**
 * POSTs accept an `Idempotency-Key` header: the first request with a key runs and its answer is kept; a
 * retry with the same key (same user, same route, same body) answers that response again, with
 * `Idempotent-Replayed: true`, and writes nothing. The same key with another body is a 422; a retry
 * while the first is still running, a 409. A request that fails keeps nothing, so it may be retried.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined || request.actor === undefined) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (key === undefined || !KEY.test(key)) {
      throw DomainError.invalid('Idempotency-Key', 'must be 1-200 letters, digits, ".", "_", ":" or "-"');
    }
    const userId = request.actor.userId;
    const route = `POST ${request.url.split('?')[0] ?? ''}`;
    const requestHash = createHash('sha256')
      .update(JSON.stringify(request.body ?? null))
      .digest('hex');
    const repository = this.dataSource.getRepository(IdempotencyKeyEntity);

    return from(
      repository
        .createQueryBuilder()
        .insert()
        .values({ userId, key, route, requestHash, statusCode: null, completedAt: null })
        .orIgnore()
        .returning(['id'])
        .execute(),
    ).pipe(
      switchMap((inserted) => {
        const id = (inserted.raw as { id: string }[])[0]?.id;
        if (id !== undefined) {
          return next.handle().pipe(
            concatMap(async (body: unknown) => {
              await this.dataSource.query(
                `UPDATE idempotency_keys SET status_code = $2, response = $3, completed_at = now() WHERE id = $1`,
                [id, reply.statusCode, JSON.stringify(body ?? null)],
              );
              return body;
            }),
            catchError(async (error: unknown) => {
              await repository.delete({ id });
              throw error;
            }),
          );
        }
        return from(repository.findOneByOrFail({ userId, key })).pipe(
          switchMap((earlier) => {
            if (earlier.route !== route || earlier.requestHash !== requestHash) {
              throw new DomainError('unprocessable', 'this Idempotency-Key was used for another request', [
                { field: 'Idempotency-Key', message: 'was used before with another route or body' },
              ]);
            }
            if (earlier.completedAt === null || earlier.statusCode === null) {
              throw DomainError.conflict('a request with this Idempotency-Key is still running', 'Idempotency-Key');
            }
            void reply.status(earlier.statusCode).header('idempotent-replayed', 'true');
            return of(earlier.response);
          }),
        );
      }),
    );
  }
}
