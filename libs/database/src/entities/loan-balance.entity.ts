import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity } from './base.entity';
import { EnterpriseEntity } from './enterprise.entity';
import { ImportEntity } from './import.entity';
import { OrganizationEntity } from './organization.entity';
import { UserEntity } from './user.entity';

/**
 * A bank's reported loan balance to one enterprise at a month's end: the current figures, one row per bank,
 * enterprise and month. A later report of the same month is a correction: it replaces the figures, raises
 * `revision`, and every revision stays in `loan_balance_revisions`.
 */
@Entity('loan_balances')
@Index(['bankId', 'enterpriseId', 'month'], { unique: true })
@Index(['enterpriseId', 'month'])
@Check('loan_balances_month_check', `"month" = date_trunc('month', "month")::date`)
@Check('loan_balances_balance_check', `"balance" >= 0 AND "medium_long_balance" >= 0`)
@Check('loan_balances_medium_long_check', `"medium_long_balance" <= "balance"`)
export class LoanBalanceEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  bankId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  bank?: OrganizationEntity;

  @Column({ type: 'uuid' })
  enterpriseId!: string;

  @ManyToOne(() => EnterpriseEntity, { onDelete: 'RESTRICT' })
  enterprise?: EnterpriseEntity;

  /** The month's first day (the API writes it `2025-06`). */
  @Column({ type: 'date' })
  month!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  balance!: string;

  /** Of which medium- and long-term loans (中长期贷款). */
  @Column({ type: 'numeric', precision: 18, scale: 2 })
  mediumLongBalance!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** 1 for the first report, raised by each correction. */
  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'uuid' })
  reportedByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  reportedByUser?: UserEntity;

  @Column({ type: 'timestamptz', precision: 3 })
  reportedAt!: Date;

  /** The import that wrote the current figures, if one did. */
  @Column({ type: 'uuid', nullable: true })
  importId!: string | null;

  @ManyToOne(() => ImportEntity, { onDelete: 'SET NULL' })
  import?: ImportEntity;
}
