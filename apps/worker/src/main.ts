import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '@unblock/config';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = AppConfig.fromProcessOrExit();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
}

void main();
