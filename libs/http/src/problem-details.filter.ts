import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { postgresErrorCode } from '@unblock/database';
import { DomainError, type DomainErrorCode } from '@unblock/domain';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { frameworkProblem } from './framework-errors';
import { PROBLEM_CONTENT_TYPE, problem, type ProblemDetails } from './problem-details';
import { REPLAYED_HEADER, StoredAnswer } from './stored-answer';

const DOMAIN_STATUS: Record<DomainErrorCode, [number, string]> = {
  not_found: [404, 'Not Found'],
  conflict: [409, 'Conflict'],
  invalid_input: [400, 'Bad Request'],
  unauthenticated: [401, 'Unauthorized'],
  forbidden: [403, 'Forbidden'],
  rate_limited: [429, 'Too Many Requests'],
  unprocessable: [422, 'Unprocessable Content'],
  unsupported_media_type: [415, 'Unsupported Media Type'],
  payload_too_large: [413, 'Content Too Large'],
  password_change_required: [403, 'Forbidden'],
};

/** Postgres errors that are the caller's, not ours. */
const POSTGRES_STATUS: Record<string, [number, string, string]> = {
  '23505': [409, 'Conflict', 'a record with the same unique value exists'],
  '23503': [409, 'Conflict', 'a referenced record does not exist or is still referenced'],
  '22P02': [400, 'Bad Request', 'a value has the wrong format'],
  '22003': [400, 'Bad Request', 'a number is out of range'],
  '22001': [400, 'Bad Request', 'a value is too long'],
  '22007': [400, 'Bad Request', 'a date or time has the wrong format'],
  '22008': [400, 'Bad Request', 'a date or time is out of range'],
  '40001': [409, 'Conflict', 'a concurrent change interfered; try again'],
  '40P01': [409, 'Conflict', 'a concurrent change interfered; try again'],
};

/** "Bad Request" from HttpStatus.BAD_REQUEST. */
function reasonPhrase(status: number): string {
  const name = HttpStatus[status] as string | undefined;
  if (name === undefined) return `HTTP ${status}`;
  return name
    .split('_')
    .map((word) => word.charAt(0) + word.slice(1).toLowerCase())
    .join(' ');
}

function slugOf(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/gu, '-');
}

/**
 * The one place that turns an error into an HTTP answer: RFC 9457 problem details (and a `StoredAnswer`
 * into the answer it keeps). Domain errors by code,
 * Postgres errors by SQLSTATE, HTTP exceptions by status; anything else is a 500 whose body holds an error
 * id and whose log holds the stack.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    if (error instanceof StoredAnswer) {
      void reply.status(error.statusCode).header(REPLAYED_HEADER, 'true').send(error.body);
      return;
    }
    const body = this.toProblem(error, request);
    if (body.status === 429) void reply.header('retry-after', '60');
    void reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
  }

  toProblem(error: unknown, request: FastifyRequest | undefined): ProblemDetails {
    if (error instanceof DomainError) {
      const [status, title] = DOMAIN_STATUS[error.code];
      return problem(status, error.code.replace(/_/gu, '-'), title, error.message, {
        ...(error.errors.length > 0 ? { errors: error.errors } : {}),
        ...error.extra,
      });
    }
    if (error instanceof ThrottlerException) {
      return problem(429, 'rate-limited', 'Too Many Requests', 'too many attempts; wait a minute and try again');
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      if (status === 500) return this.unexpected(error, request);
      const response = error.getResponse();
      const message = (response as { message?: unknown }).message;
      const detail = typeof response === 'string' ? response : typeof message === 'string' ? message : error.message;
      const title = reasonPhrase(status);
      const extra: Record<string, unknown> = {};
      if (status === 400 && /json/iu.test(detail)) extra['errors'] = [{ field: 'body', message: detail }];
      if (status === 503 && typeof response === 'object') extra['checks'] = response;
      return problem(status, slugOf(title), title, detail, extra);
    }
    const framework = frameworkProblem(error);
    if (framework !== undefined) return framework;
    const fastifyStatus = (error as { statusCode?: unknown } | null)?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      const detail = error instanceof Error ? error.message : 'bad request';
      const title = reasonPhrase(fastifyStatus);
      const extra = fastifyStatus === 400 ? { errors: [{ field: 'request', message: detail }] } : {};
      return problem(fastifyStatus, slugOf(title), title, detail, extra);
    }
    const code = postgresErrorCode(error);
    const mapped = code === undefined ? undefined : POSTGRES_STATUS[code];
    if (mapped) {
      const [status, title, detail] = mapped;
      return problem(status, slugOf(title), title, detail);
    }
    return this.unexpected(error, request);
  }

  private unexpected(error: unknown, request: FastifyRequest | undefined): ProblemDetails {
    const errorId = randomUUID();
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.logger.error({ errorId, requestId: request?.id, err: error }, stack);
    return problem(500, 'internal-error', 'Internal Server Error', 'an unexpected error occurred', { errorId });
  }
}
