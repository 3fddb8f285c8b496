import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { AuthenticatedRequest } from '@unblock/http';
import type { FastifyReply } from 'fastify';
import { Observable, concatMap } from 'rxjs';
import { AuditWriter } from './audit-writer';

function entityIdOf(body: unknown): string | null {
  if (body === null || typeof body !== 'object') return null;
  const record = body as Record<string, unknown>;
  const user = record['user'] as Record<string, unknown> | undefined;
  const id = record['id'] ?? user?.['id'];
  return typeof id === 'string' ? id : null;
}

/** Every successful write leaves an audit record: who, when, what, from where (on the write routes: `interceptRoutes`). */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Audit');

  constructor(private readonly writer: AuditWriter) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      concatMap(async (body: unknown) => {
        const route = request.routeOptions.url ?? request.url;
        const entity = /^\/api\/v1\/([^/]+)/u.exec(route)?.[1] ?? 'unknown';
        const userAgent = request.headers['user-agent'];
        try {
          // Group commit: concurrent requests' records share one INSERT (see AuditWriter).
          await this.writer.write({
            actorUserId: request.actor?.userId ?? entityIdOfLogin(entity, body),
            at: new Date(),
            action: `${request.method} ${route}`,
            entity,
            entityId: entityIdOf(body) ?? (request.params as Record<string, string> | undefined)?.['id'] ?? null,
            status: reply.statusCode,
            ip: request.ip,
            userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 500) : null,
            requestId: String(request.id),
          });
        } catch (error: unknown) {
          this.logger.error({ err: error, requestId: request.id }, 'could not write the audit record');
          throw error;
        }
        return body;
      }),
    );
  }
}

function entityIdOfLogin(entity: string, body: unknown): string | null {
  return entity === 'auth' ? entityIdOf(body) : null;
}
