import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problem, type ProblemDetails } from './problem-details';

/** What each of Fastify's (and its plugins') refusals of a request is about, as the field a problem names. */
const FIELD_OF_CODE: Readonly<Record<string, string>> = {
  FST_ERR_BAD_URL: 'path',
  FST_ERR_MAX_PARAM_LENGTH: 'path',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'content-type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'content-length',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'body',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'content-type',
  FST_PROTO_VIOLATION: 'file',
  FST_PARTS_LIMIT: 'file',
  FST_FILES_LIMIT: 'file',
  FST_FIELDS_LIMIT: 'file',
  FST_REQ_FILE_TOO_LARGE: 'file',
};

/** Details that do not echo the request's URL back (it can be kilobytes long). */
const DETAIL_OF_CODE: Readonly<Record<string, string>> = {
  FST_ERR_BAD_URL: 'the path is not valid percent-encoded UTF-8',
  FST_ERR_MAX_PARAM_LENGTH: 'a path parameter is too long',
};

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  411: 'Length Required',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  431: 'Request Header Fields Too Large',
};

function slugOf(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/gu, '-');
}

/**
 * A refusal by the framework itself (Fastify or a Fastify plugin: an error with a `FST_…` code and a 4xx
 * status) as problem details naming what it is about; undefined for any other error.
 */
export function frameworkProblem(error: unknown): ProblemDetails | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const { code, statusCode, message } = error as Partial<FastifyError>;
  if (typeof code !== 'string' || !code.startsWith('FST_')) return undefined;
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return undefined;
  const title = TITLES[statusCode] ?? `HTTP ${statusCode}`;
  const field = FIELD_OF_CODE[code] ?? 'request';
  const detail = DETAIL_OF_CODE[code] ?? (typeof message === 'string' && message !== '' ? message : title);
  return problem(statusCode, slugOf(title), title, detail, { errors: [{ field, message: detail }] });
}

/**
 * Fastify's `frameworkErrors` option: the errors met before a route is found (a URL that does not decode,
 * a path parameter past the router's length limit) answered as problem details like every other error.
 */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const body =
    frameworkProblem(error) ??
    problem(500, 'internal-error', 'Internal Server Error', 'an unexpected error occurred', { errorId: randomUUID() });
  void reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
}

/**
 * Fastify's `clientErrorHandler` option: a request Node's HTTP parser refused (headers past 16 KiB, a
 * malformed request line, a client too slow) answered on the socket as problem details, then closed.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, detail, field] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'the request was not received in time', 'request']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'the request line and headers exceed 16 KiB', 'headers']
        : [400, 'the request is not valid HTTP', 'request'];
  const title = STATUS_CODES[status] ?? `HTTP ${status}`;
  const body = JSON.stringify(problem(status, slugOf(title), title, detail, { errors: [{ field, message: detail }] }));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${title}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
