import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@unblock/config';
import { DatabaseModule } from '@unblock/database';
import type { Clock } from '@unblock/domain';
import { ImportsWorkModule } from '@unblock/imports';
import { OutboxRelay, QueueModule } from '@unblock/queue';
import { BulletinsModule, ReportsModule } from '@unblock/reports';
import { SlaWorkModule } from '@unblock/sla';
import { LoggerModule } from 'nestjs-pino';
import { BulletinsJob } from './jobs/bulletins.job';
import { DeadlineJob } from './jobs/deadline.job';
import { FollowUpJob } from './jobs/follow-up.job';
import { HeartbeatJob } from './jobs/heartbeat.job';
import { ImportRunJob } from './jobs/import-run.job';
import { LevelTwoJob } from './jobs/level-two.job';
import { MaturityRemindersJob } from './jobs/maturity-reminders.job';
import { MorningDigestJob } from './jobs/morning-digest.job';
import { ReminderJob } from './jobs/reminder.job';
import { SweepJob } from './jobs/sweep.job';
import { WebhookJob } from './jobs/webhook.job';
import { ImportsHealLoop } from './loops/imports-heal.loop';
import { OutboxRelayLoop } from './loops/outbox-relay.loop';
import { RedisLossLoop } from './loops/redis-loss.loop';
import { WorkerMetricsServer } from './metrics/worker-metrics.server';
import { ReportsRefreshLoop } from './loops/reports-refresh.loop';
import { ImportsProcessor } from './processors/imports.processor';
import { NotificationsProcessor } from './processors/notifications.processor';
import { ReportsProcessor } from './processors/reports.processor';
import { SlaProcessor } from './processors/sla.processor';
import { SystemProcessor } from './processors/system.processor';
import { WorkerScheduling } from './scheduling/worker-scheduling';
import { WorkerBootstrapService } from './worker-bootstrap.service';

/** One class per job kind. */
export const JOBS = [
  BulletinsJob,
  DeadlineJob,
  FollowUpJob,
  HeartbeatJob,
  ImportRunJob,
  LevelTwoJob,
  MaturityRemindersJob,
  MorningDigestJob,
  ReminderJob,
  SweepJob,
  WebhookJob,
];

/** The worker: BullMQ processors, the outbox relay, the loops and the schedulers. No HTTP. */
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
        BulletinsModule,
        ImportsWorkModule,
      ],
      providers: [
        ...JOBS,
        WorkerScheduling,
        OutboxRelay,
        SystemProcessor,
        SlaProcessor,
        NotificationsProcessor,
        ImportsProcessor,
        ReportsProcessor,
        ImportsHealLoop,
        OutboxRelayLoop,
        ReportsRefreshLoop,
        WorkerBootstrapService,
        RedisLossLoop,
        WorkerMetricsServer,
      ],
    };
  }
}
