import compress from '@fastify/compress';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { constants } from 'node:zlib';

/**
 * Answers of 1 kB and more (long lists, exports, the OpenAPI document) travel brotli- or gzip-compressed, as
 * the client accepts. Brotli at quality 4: near gzip's speed, smaller than gzip; the console's assets come
 * compressed from the build instead (web-console.ts), so nothing here compresses them again.
 */
export async function compressAnswers(app: NestFastifyApplication): Promise<void> {
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}
