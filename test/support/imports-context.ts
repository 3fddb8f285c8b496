import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ConfigModule } from '@unblock/config';
import { DatabaseModule } from '@unblock/database';
import type { Clock } from '@unblock/domain';
import { ImportsWorkModule } from '@unblock/imports';
import { QueueModule } from '@unblock/queue';
import type { TestApi } from './test-api';

/** The worker's import services on the test API's database and Redis prefix; the tests run imports themselves. */
export async function importsContext(api: TestApi, clock: Clock): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(api.config, clock),
      DatabaseModule.forRoot('unblock-test-imports'),
      QueueModule.forRoot(),
      ImportsWorkModule,
    ],
  }).compile();
  await moduleRef.init();
  return moduleRef;
}

/** A multipart/form-data body with one file part. */
export function multipart(
  file: Buffer | string,
  filename: string,
  contentType = 'text/csv',
  field = 'file',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----unblock${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
        `Content-Type: ${contentType}\r\n\r\n`,
    ),
    typeof file === 'string' ? Buffer.from(file) : file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
