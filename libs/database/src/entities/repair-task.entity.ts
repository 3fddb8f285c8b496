import { REPAIR_TASK_STATUSES, type RepairTaskStatus } from '@unblock/domain';
import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity, inList } from './base.entity';
import { CaseObligationEntity } from './case-obligation.entity';
import { CaseEntity } from './case.entity';
import { OrganizationEntity } from './organization.entity';

/**
 * One repair of a second diagnosis (二次诊断): a supervisor gives a declined case's repairable cause to an
 * organization (a tax bureau, the credit reference centre, a guarantee fund) with a due date; a partner officer
 * of that organization closes it as repaired or not repairable. Its clock is a `repair` obligation of the case
 * (`obligationId`), which reminds, falls due and escalates like every other. A task still open when its case
 * leaves the second diagnosis is `cancelled`.
 */
@Entity('repair_tasks')
@Check('repair_tasks_status_check', inList('status', REPAIR_TASK_STATUSES))
@Index('repair_tasks_by_organization', ['organizationId', 'status', 'dueAt'])
export class RepairTaskEntity extends BaseEntity {
  @Index()
  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  case?: CaseEntity;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  organization?: OrganizationEntity;

  /** The task's clock: its `repair` obligation. */
  @Index({ unique: true })
  @Column({ type: 'uuid' })
  obligationId!: string;

  @ManyToOne(() => CaseObligationEntity, { onDelete: 'RESTRICT' })
  obligation?: CaseObligationEntity;

  /** The decline-reason code the bank gave, the cause being repaired. */
  @Column({ type: 'varchar', length: 48 })
  reasonCode!: string;

  /** The bank that declined, to which a repaired case goes back. */
  @Column({ type: 'uuid', nullable: true })
  declinedByOrganizationId!: string | null;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status!: RepairTaskStatus;

  /** The supervisor's words to the organization: what to repair. */
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid' })
  openedByUserId!: string;

  @Column({ type: 'timestamptz' })
  openedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  completedByUserId!: string | null;

  /** The organization's words on closing it. */
  @Column({ type: 'text', nullable: true })
  outcomeNote!: string | null;
}
