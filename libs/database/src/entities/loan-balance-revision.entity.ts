import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity } from './base.entity';
import { ImportEntity } from './import.entity';
import { LoanBalanceEntity } from './loan-balance.entity';
import { UserEntity } from './user.entity';

/** Every revision of a loan balance, append-only: its figures, the figures it replaced, who, when, from where. */
@Entity('loan_balance_revisions')
@Index(['loanBalanceId', 'revision'], { unique: true })
export class LoanBalanceRevisionEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  loanBalanceId!: string;

  @ManyToOne(() => LoanBalanceEntity, { onDelete: 'CASCADE' })
  loanBalance?: LoanBalanceEntity;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  balance!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  mediumLongBalance!: string;

  /** The figures this revision replaced (null on the first). */
  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  previousBalance!: string | null;

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  previousMediumLongBalance!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid' })
  reportedByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  reportedByUser?: UserEntity;

  @Column({ type: 'timestamptz', precision: 3 })
  reportedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  importId!: string | null;

  @ManyToOne(() => ImportEntity, { onDelete: 'SET NULL' })
  import?: ImportEntity;
}
