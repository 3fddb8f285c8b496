import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@unblock/config';
import { mountReadFrom } from './reports/read-from';
import { answerClientError, answerFrameworkError, useJsonBodyParser } from '@unblock/http';
import type { Clock } from '@unblock/domain';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mountQueueBoard } from './admin/queue-board';
import { compressAnswers } from './compression';
import { AppModule } from './app.module';
import { API_PREFIX, WritePipeline } from './common/write-pipeline.service';
import { logRequests } from './logging';
import { observeRequests } from './metrics/http-metrics';
import { describeApi } from './openapi/openapi-document';
import { RAW_UPLOAD_TYPES } from './imports/imports.controller';
import { serveWebConsole } from './web-console';

/** Node's HTTP parser refuses a request line past its 16 KiB header limit before any route is found. */
const MAX_PATH_PARAM_LENGTH = 16 * 1024;

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/u;

/** A request id taken from `X-Request-Id` when it is sane, else a new uuid; logs and errors carry it. */
function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  request.headers['x-request-id'] = id;
  return id;
}

/**
 * The headers a middleware sets on every answer whatever the request (helmet's, with no per-request
 * values), worked out once by running it against a response that only records them.
 */
function headersOf(
  middleware: (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void,
): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  let finished = false;
  middleware({ headers: {} } as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error !== undefined) throw error instanceof Error ? error : new Error('the security headers failed');
    finished = true;
  });
  if (!finished) throw new Error('the security headers middleware did not finish at once');
  return headers;
}

/**
 * The headers of the JSON API's answers (under `/api/v1/`), after OWASP's REST Security Cheat Sheet: no
 * caching of answers that carry enterprises' and people's data, no rendering or framing of them as a
 * document, no reading them cross-origin, no sniffing. The rest of helmet's set (referrer policy, DNS
 * prefetch, download options, cross-domain policies, the XSS auditor, the opener policy, origin agent
 * clusters) concerns HTML documents, which link and load: the console and the docs pages get all of it.
 */
const API_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'cache-control': 'no-store',
  'content-security-policy': `default-src 'none'; frame-ancestors 'none'`,
  'cross-origin-resource-policy': 'same-origin',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
});

/** The API application, configured as it runs in production; the tests boot exactly this. */
export async function createApiApp(
  config: AppConfig,
  options: { logs?: boolean; clock?: Clock } = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    genReqId: requestIdOf,
    bodyLimit: 1024 * 1024,
    // `X-Forwarded-For` only from the proxies configured (TRUST_PROXY); else the connection's address.
    trustProxy: config.trustProxy.length > 0 ? [...config.trustProxy] : false,
    // No route runs Express-style middleware (pino-http's runs on none, see logging.ts): without middie,
    // no request walks an empty middleware chain.
    skipMiddie: true,
    // A path parameter of any length an HTTP request line can carry reaches its pipe (a 400 naming it);
    // what the router still refuses is answered as problem details.
    routerOptions: { maxParamLength: MAX_PATH_PARAM_LENGTH },
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options.clock), adapter, {
    bufferLogs: true,
    logger: options.logs === false ? false : undefined,
    // The JSON parser is ours (`useJsonBodyParser`, below); the API takes no form-encoded bodies.
    bodyParser: false,
  });
  if (options.logs !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  app.enableShutdownHooks();
  app.setGlobalPrefix('api/v1', { exclude: ['api/docs', 'api/docs-json'] });
  // Helmet's headers for documents are the same on every answer: worked out once, then set with the
  // request id.
  const documentHeaders = headersOf(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: [`'self'`],
          styleSrc: [`'self'`, `'unsafe-inline'`],
          imgSrc: [`'self'`, 'data:'],
          // The console, Swagger UI and Bull Board load scripts from files only.
          scriptSrc: [`'self'`],
          // Behind TLS in production; on a plain-HTTP LAN or localhost, upgrading would break every asset.
          upgradeInsecureRequests: config.production ? [] : null,
        },
      },
    }),
  );
  await compressAnswers(app);
  // Uploads stream: one file part of up to UPLOAD_MAX_BYTES, never buffered whole. A raw CSV or xlsx body is left
  // unread for the controller to stream (so the JSON body limit does not apply to it).
  await app.register(multipart, { limits: { files: 1, fields: 4, fileSize: config.uploads.maxBytes + 1, parts: 8 } });
  const fastify = app.getHttpAdapter().getInstance();
  useJsonBodyParser(fastify);
  fastify.addContentTypeParser(RAW_UPLOAD_TYPES, (_request, _payload, done) => done(null, undefined));
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply
      .headers(request.url.startsWith(API_PREFIX) ? API_HEADERS : documentHeaders)
      .header('x-request-id', request.id);
    done();
  });
  logRequests(fastify);
  observeRequests(fastify, config);
  app.get(WritePipeline).mount(fastify);
  if (config.reportsDatabaseUrl !== null) mountReadFrom(fastify);

  SwaggerModule.setup('api/docs', app, describeApi(app), { jsonDocumentUrl: 'api/docs-json' });
  await mountQueueBoard(app, config);
  await serveWebConsole(app);
  return app;
}
