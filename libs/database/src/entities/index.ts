import { AuditRecordEntity } from './audit-record.entity';
import { CalendarEntity } from './calendar.entity';
import { CampaignEntity } from './campaign.entity';
import { CaseEventEntity } from './case-event.entity';
import { CaseObligationEntity } from './case-obligation.entity';
import { CasePoolMemberEntity } from './case-pool-member.entity';
import { CaseEntity } from './case.entity';
import { EnterpriseLinkEntity } from './enterprise-link.entity';
import { DeclineReasonEntity } from './decline-reason.entity';
import { EnterpriseEntity } from './enterprise.entity';
import { BulletinEntity } from './bulletin.entity';
import { EscalationEntity } from './escalation.entity';
import { FeedbackEntity } from './feedback.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { ImportChunkEntity, ImportEntity, ImportErrorEntity } from './import.entity';
import { IndustrialChainEntity } from './industrial-chain.entity';
import { LoanBalanceRevisionEntity } from './loan-balance-revision.entity';
import { LoanBalanceEntity } from './loan-balance.entity';
import { LoanContractEntity } from './loan-contract.entity';
import { MaturityReminderEntity } from './maturity-reminder.entity';
import { NotificationEntity } from './notification.entity';
import { OrganizationEntity } from './organization.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { RegionEntity } from './region.entity';
import { RepairTaskEntity } from './repair-task.entity';
import { ScreeningEntity } from './screening.entity';
import { SlaPolicyEntity } from './sla-policy.entity';
import { UserEntity } from './user.entity';
import { VisitEntity } from './visit.entity';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';

export {
  AuditRecordEntity,
  BulletinEntity,
  CalendarEntity,
  CampaignEntity,
  CaseEntity,
  CaseEventEntity,
  CaseObligationEntity,
  CasePoolMemberEntity,
  DeclineReasonEntity,
  EnterpriseEntity,
  EnterpriseLinkEntity,
  EscalationEntity,
  FeedbackEntity,
  IdempotencyKeyEntity,
  ImportChunkEntity,
  ImportEntity,
  ImportErrorEntity,
  IndustrialChainEntity,
  LoanBalanceEntity,
  LoanBalanceRevisionEntity,
  LoanContractEntity,
  MaturityReminderEntity,
  NotificationEntity,
  OrganizationEntity,
  OutboxMessageEntity,
  RefreshTokenEntity,
  RegionEntity,
  ScreeningEntity,
  RepairTaskEntity,
  SlaPolicyEntity,
  UserEntity,
  VisitEntity,
  WebhookDeliveryEntity,
};
export { BaseEntity } from './base.entity';
export type { LaggardThresholds } from './campaign.entity';
export {
  IMPORT_FORMATS,
  IMPORT_KINDS,
  IMPORT_STATUSES,
  type ImportFormat,
  type ImportKind,
  type ImportStatus,
} from './import.entity';
export { MATURITY_REMINDER_MARKS, type MaturityReminderMark } from './maturity-reminder.entity';
export { NOTIFICATION_KINDS, type NotificationKind } from './notification.entity';
export { WEBHOOK_STATUSES, type WebhookStatus } from './webhook-delivery.entity';

export const ENTITIES = [
  AuditRecordEntity,
  BulletinEntity,
  CalendarEntity,
  CampaignEntity,
  CaseEntity,
  CaseEventEntity,
  CaseObligationEntity,
  CasePoolMemberEntity,
  DeclineReasonEntity,
  EnterpriseEntity,
  EnterpriseLinkEntity,
  EscalationEntity,
  FeedbackEntity,
  IdempotencyKeyEntity,
  ImportChunkEntity,
  ImportEntity,
  ImportErrorEntity,
  IndustrialChainEntity,
  LoanBalanceEntity,
  LoanBalanceRevisionEntity,
  LoanContractEntity,
  MaturityReminderEntity,
  NotificationEntity,
  OrganizationEntity,
  OutboxMessageEntity,
  RefreshTokenEntity,
  RegionEntity,
  ScreeningEntity,
  RepairTaskEntity,
  SlaPolicyEntity,
  UserEntity,
  VisitEntity,
  WebhookDeliveryEntity,
];
