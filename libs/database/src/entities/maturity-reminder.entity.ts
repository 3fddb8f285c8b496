import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity } from './base.entity';
import { LoanContractEntity } from './loan-contract.entity';

/** The marks before a contract's maturity at which its bank is reminded, in business days. */
export const MATURITY_REMINDER_MARKS = [30, 15, 5] as const;
export type MaturityReminderMark = (typeof MATURITY_REMINDER_MARKS)[number];

/** A maturity reminder sent to the bank holding a contract: one per contract and mark, never twice. */
@Entity('maturity_reminders')
@Index(['contractId', 'daysBefore'], { unique: true })
@Check('maturity_reminders_days_before_check', `"days_before" IN (30, 15, 5)`)
export class MaturityReminderEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  contractId!: string;

  @ManyToOne(() => LoanContractEntity, { onDelete: 'CASCADE' })
  contract?: LoanContractEntity;

  /** The mark reached: 30, 15 or 5 business days before maturity. */
  @Column({ type: 'smallint' })
  daysBefore!: MaturityReminderMark;

  /** The maturity date the reminder was about. */
  @Column({ type: 'date' })
  maturesOn!: string;

  @Column({ type: 'timestamptz' })
  sentAt!: Date;
}
