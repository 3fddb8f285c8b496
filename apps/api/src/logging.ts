import type { AppConfig } from '@unblock/config';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';

/** JSON logs, one request id on every line of a request, secrets redacted. */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: (request: IncomingMessage) => String(request.headers['x-request-id'] ?? ''),
      customProps: (request: IncomingMessage) => ({ requestId: request.headers['x-request-id'] }),
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password', 'req.body.refreshToken'],
        censor: '[redacted]',
      },
      serializers: {
        req: (request: { id: unknown; method: unknown; url: unknown }) => ({
          id: request.id,
          method: request.method,
          url: request.url,
        }),
        res: (response: { statusCode: unknown }) => ({ statusCode: response.statusCode }),
      },
      quietReqLogger: true,
    },
  };
}
