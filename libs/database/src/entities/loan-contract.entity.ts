import {
  LOAN_RENEWALS,
  LOAN_SECURITIES,
  type LoanRenewal,
  type LoanSecurity,
  type PolicyInstrument,
} from '@unblock/domain';
import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity, inList } from './base.entity';
import { CaseEntity } from './case.entity';
import { OrganizationEntity } from './organization.entity';

/** A signed loan closing (part of) a need; several banks may each sign one for the same case. */
@Entity('loan_contracts')
@Index(['bankId', 'contractNo'], { unique: true })
// Report rollups (migration ReportRollups): a day's contracts.
@Index('loan_contracts_by_day', { synchronize: false })
@Check('loan_contracts_amount_check', `"amount" > 0`)
@Check('loan_contracts_term_check', `"term_months" > 0`)
@Check('loan_contracts_maturity_check', `"maturity_date" > "signed_on"`)
@Check('loan_contracts_security_check', inList('security', LOAN_SECURITIES))
@Check('loan_contracts_renewal_check', inList('renewal', LOAN_RENEWALS))
// A guaranteed loan names its guarantee institution and fee rate; no other loan does.
@Check(
  'loan_contracts_guarantee_check',
  `("security" IS NOT DISTINCT FROM 'guarantee') = ("guarantee_institution_id" IS NOT NULL) AND ("security" IS NOT DISTINCT FROM 'guarantee') = ("guarantee_fee_rate_pct" IS NOT NULL)`,
)
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

  /** When the loan falls due; null on contracts recorded before it was asked. */
  @Index({ where: '"maturity_date" IS NOT NULL' })
  @Column({ name: 'maturity_date', type: 'date', nullable: true })
  maturesOn!: string | null;

  /** The bank's word: the enterprise's first loan from any bank (首贷). */
  @Column({ type: 'boolean', default: false })
  firstLoanDeclared!: boolean;

  /**
   * What the reports count as a first loan: declared so, and no contract of the enterprise that Unblock knows
   * was signed on an earlier day. A contract recorded later but signed earlier turns it false.
   */
  @Column({ type: 'boolean', default: false })
  firstLoan!: boolean;

  /** Null on contracts recorded before it was asked. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  security!: LoanSecurity | null;

  /** The guarantee institution (an organization of kind guarantee_institution) of a guaranteed loan. */
  @Column({ type: 'uuid', nullable: true })
  guaranteeInstitutionId!: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  guaranteeInstitution?: OrganizationEntity;

  /** The guarantee fee rate in percent a year, of a guaranteed loan. */
  @Column({ type: 'numeric', precision: 6, scale: 3, nullable: true })
  guaranteeFeeRatePct!: string | null;

  @Column({ type: 'varchar', length: 32, default: 'none' })
  renewal!: LoanRenewal;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  policyInstruments!: PolicyInstrument[];
}
