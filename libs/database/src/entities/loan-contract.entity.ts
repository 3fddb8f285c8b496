import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity } from './base.entity';
import { CaseEntity } from './case.entity';
import { OrganizationEntity } from './organization.entity';

/** A signed loan closing (part of) a need; several banks may each sign one for the same case. */
@Entity('loan_contracts')
@Index(['bankId', 'contractNo'], { unique: true })
// Report rollups (migration ReportRollups): a day's contracts.
@Index('loan_contracts_by_day', { synchronize: false })
@Check('loan_contracts_amount_check', `"amount" > 0`)
@Check('loan_contracts_term_check', `"term_months" > 0`)
export class LoanContractEntity extends BaseEntity {
  @Index()
  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  case?: CaseEntity;

  @Column({ type: 'uuid' })
  bankId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  bank?: OrganizationEntity;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount!: string;

  @Column({ type: 'numeric', precision: 6, scale: 3 })
  annualRatePct!: string;

  @Column({ type: 'integer' })
  termMonths!: number;

  @Column({ type: 'date' })
  signedOn!: string;

  @Column({ type: 'varchar', length: 64 })
  contractNo!: string;
}
