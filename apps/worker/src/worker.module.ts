import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@unblock/config';
import { DatabaseModule } from '@unblock/database';
import { QueueModule } from '@unblock/queue';
import { LoggerModule } from 'nestjs-pino';
import { SystemProcessor } from './heartbeat.processor';
import { WorkerBootstrapService } from './worker-bootstrap.service';

/** The worker: BullMQ processors and, later, the outbox relay. No HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        DatabaseModule.forRoot('unblock-worker'),
        QueueModule.forRoot(),
      ],
      providers: [SystemProcessor, WorkerBootstrapService],
    };
  }
}
