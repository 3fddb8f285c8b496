import {
  ESCALATION_STATUSES,
  OBLIGATIONS,
  type EscalationLevel,
  type EscalationStatus,
  type Obligation,
} from '@unblock/domain';
import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity, inList } from './base.entity';
import { CaseObligationEntity } from './case-obligation.entity';
import { CaseEntity } from './case.entity';

/** An overdue obligation on a supervisor's queue. */
@Entity('escalations')
@Check('escalations_obligation_check', inList('obligation', OBLIGATIONS))
@Check('escalations_status_check', inList('status', ESCALATION_STATUSES))
@Check('escalations_level_check', `"level" IN (1, 2)`)
@Index(['status', 'openedAt'])
@Index('escalations_one_per_level', ['obligationId', 'level'], { unique: true })
@Index('escalations_follow_up', ['openedAt'], { where: '"followed_up_at" IS NULL' })
export class EscalationEntity extends BaseEntity {
  @Index()
  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  case?: CaseEntity;

  /** The overdue obligation; one escalation per obligation and level. */
  @Column({ type: 'uuid' })
  obligationId!: string;

  @ManyToOne(() => CaseObligationEntity, { onDelete: 'RESTRICT' })
  obligationRecord?: CaseObligationEntity;

  /** The deadline that was missed. */
  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  /** Where the case was when it escalated, for the supervisors' filters. */
  @Column({ type: 'uuid', nullable: true })
  bankId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  chainId!: string | null;

  @Index()
  @Column({ type: 'varchar', length: 6 })
  regionCode!: string;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acknowledgedByUserId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  obligation!: Obligation;

  @Column({ type: 'smallint' })
  level!: EscalationLevel;

  /**
   * When what follows a deadline's escalation was done: the supervisors' notices, a level-2 message, a
   * pool's level 2, a missed claim's move to the next tier. Null while it waits (`SlaHandlers.followUp`).
   */
  @Column({ type: 'timestamptz', nullable: true, default: () => 'now()' })
  followedUpAt!: Date | null;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status!: EscalationStatus;

  @Column({ type: 'timestamptz' })
  openedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  resolution!: string | null;
}
