import { Module } from '@nestjs/common';
import { CasesModule } from '@unblock/cases';
import { NotificationsModule } from '@unblock/notifications';
import { EscalateDeadlinesUseCase } from './deadlines/escalate-deadlines.use-case';
import { FollowUpEscalationsUseCase } from './deadlines/follow-up-escalations.use-case';
import { OpenLevelTwoUseCase } from './deadlines/open-level-two.use-case';
import { SendReminderUseCase } from './deadlines/send-reminder.use-case';
import { SendMaturityRemindersUseCase } from './maturities/send-maturity-reminders.use-case';
import { EscalationQueries } from './escalation.queries';
import { SlaSettings } from './sla-settings.service';
import { Sweeper } from './sweeper.service';

/** What the API reads and writes of the SLA: escalations, calendars and policies. */
@Module({
  providers: [EscalationQueries, SlaSettings],
  exports: [EscalationQueries, SlaSettings],
})
export class SlaReadModule {}

const DEADLINES = [
  EscalateDeadlinesUseCase,
  FollowUpEscalationsUseCase,
  OpenLevelTwoUseCase,
  SendReminderUseCase,
  SendMaturityRemindersUseCase,
];

/** What the worker runs of the SLA: the deadlines' use cases and the sweeper. Needs the queues. */
@Module({
  imports: [CasesModule, NotificationsModule],
  providers: [...DEADLINES, Sweeper],
  exports: [...DEADLINES, Sweeper, NotificationsModule],
})
export class SlaWorkModule {}
