import type { AppConfig } from '@unblock/config';
import type { FastifyInstance } from 'fastify';
import { PinoLogger, type Params } from 'nestjs-pino';

/**
 * JSON logs, secrets redacted. No per-request child logger: a request is logged once, when its answer is
 * sent, with its request id (see `logRequests`); the lines logged while it runs name their request id
 * themselves.
 */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password', 'req.body.refreshToken'],
        censor: '[redacted]',
      },
    },
    // The pino-http middleware would make a child logger for every request: it runs on no route.
    forRoutes: [],
  };
}

/** One JSON line per request, at its end: request id, method, url, status and milliseconds. */
export function logRequests(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const logger = PinoLogger.root;
    if (logger.isLevelEnabled('info')) {
      logger.info(
        {
          requestId: request.id,
          // Not `req`/`res`: pino-http's serializers would read those as raw Node objects.
          method: request.method,
          url: request.url,
          statusCode: reply.statusCode,
          responseTime: Math.round(reply.elapsedTime),
        },
        'request completed',
      );
    }
    done();
  });
}
