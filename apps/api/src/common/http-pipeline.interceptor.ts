import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { CsvInterceptor } from '@unblock/http';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { AuditInterceptor } from '../audit/audit.interceptor';
import { IdempotencyInterceptor } from './idempotency.interceptor';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The API's global interceptors as one: a read goes through the CSV/XLSX export; a write through the
 * idempotency check, which wraps the audit (a replayed answer writes no second audit record). Nest wraps
 * every global interceptor in an async resource and an observable of its own on every request; one
 * interceptor instead of three saves that work on every request.
 */
@Injectable()
export class HttpPipelineInterceptor implements NestInterceptor {
  constructor(
    private readonly idempotency: IdempotencyInterceptor,
    private readonly audit: AuditInterceptor,
    private readonly csv: CsvInterceptor,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (READS.has(request.method)) return this.csv.intercept(context, next);
    return this.idempotency.intercept(context, { handle: () => this.audit.intercept(context, next) });
  }
}
