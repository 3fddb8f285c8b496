import { OBLIGATIONS, type Obligation } from '@unblock/domain';
import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity, inList } from './base.entity';
import { CaseEntity } from './case.entity';

/**
 * One SLA obligation of a case (claim, first contact, decision, signing) with its deadline. Open until met
 * or cancelled (by a decline, a reassignment, a close); at most one open per case and obligation, but for
 * `repair`, one per repair task.
 */
@Entity('case_obligations')
@Check('case_obligations_obligation_check', inList('obligation', OBLIGATIONS))
@Index('case_obligations_one_open', ['caseId', 'obligation'], {
  unique: true,
  where: `"met_at" IS NULL AND "cancelled_at" IS NULL AND "obligation" <> 'repair'`,
})
@Index('case_obligations_open_due', ['dueAt'], { where: '"met_at" IS NULL AND "cancelled_at" IS NULL' })
@Index('case_obligations_open_remind', ['remindAt'], {
  where: '"met_at" IS NULL AND "cancelled_at" IS NULL AND "remind_at" IS NOT NULL',
})
export class CaseObligationEntity extends BaseEntity {
  @Index()
  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  case?: CaseEntity;

  @Column({ type: 'varchar', length: 16 })
  obligation!: Obligation;

  @Column({ type: 'timestamptz' })
  openedAt!: Date;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  /** When its reminder is due (one business day before the deadline, by default); null: none (already past). */
  @Column({ type: 'timestamptz', nullable: true })
  remindAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  metAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;
}
