import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@unblock/config';
import { DatabaseModule } from '@unblock/database';
import { ImportsWorkModule } from '@unblock/imports';
import type { Clock } from '@unblock/domain';
import { QueueModule } from '@unblock/queue';
import { ReportsModule } from '@unblock/reports';
import { SlaWorkModule } from '@unblock/sla';
import { LoggerModule } from 'nestjs-pino';
import { SystemProcessor } from './heartbeat.processor';
import { ImportsHealLoop, ImportsProcessor } from './imports.processor';
import { NotificationsProcessor } from './notifications.processor';
import { OutboxRelayLoop } from './outbox-relay.loop';
import { ReportsRefreshLoop } from './reports-refresh.loop';
import { SlaProcessor } from './sla.processor';
import { WorkerBootstrapService } from './worker-bootstrap.service';

/** The worker: BullMQ processors, the outbox relay and the schedulers. No HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config, clock),
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        DatabaseModule.forRoot('unblock-worker'),
        QueueModule.forRoot(),
        SlaWorkModule,
        ReportsModule,
        ImportsWorkModule,
      ],
      providers: [
        SystemProcessor,
        SlaProcessor,
        NotificationsProcessor,
        ImportsProcessor,
        ImportsHealLoop,
        OutboxRelayLoop,
        ReportsRefreshLoop,
        WorkerBootstrapService,
      ],
    };
  }
}
