import {
  CASE_KINDS,
  CASE_PRIORITIES,
  CASE_SOURCES,
  CASE_STATUSES,
  PURPOSES,
  ROUTING_TIERS,
  TERMS,
  type Bottleneck,
  type CaseKind,
  type LoanRenewal,
  type CasePriority,
  type CaseSource,
  type CaseStatus,
  type Purpose,
  type RoutingTier,
  type Term,
} from '@unblock/domain';
import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity, inList } from './base.entity';
import { CampaignEntity } from './campaign.entity';
import { EnterpriseEntity } from './enterprise.entity';
import { LoanContractEntity } from './loan-contract.entity';
import { OrganizationEntity } from './organization.entity';
import { UserEntity } from './user.entity';
import { VisitEntity } from './visit.entity';

/** One diagnosed financing need of one enterprise. Money columns are numeric(18,2), strings in code. */
@Entity('cases')
@Check('cases_status_check', inList('status', CASE_STATUSES))
@Check('cases_purpose_check', inList('purpose', PURPOSES))
@Check('cases_term_check', inList('term', TERMS))
@Check('cases_source_check', inList('source', CASE_SOURCES))
@Check('cases_origin_visit_check', `("source" = 'visit') = ("origin_visit_id" IS NOT NULL)`)
@Check('cases_kind_check', inList('kind', CASE_KINDS))
// A renewal names the contract it renews and the renewal it asks for; a need names neither.
@Check(
  'cases_renewal_check',
  `("kind" = 'renewal') = ("renewal_of_contract_id" IS NOT NULL) AND ("kind" = 'renewal') = ("requested_renewal" IS NOT NULL)`,
)
@Check('cases_requested_renewal_check', `"requested_renewal" IN ('renewal', 'renewal_without_repayment')`)
@Check('cases_priority_check', inList('priority', CASE_PRIORITIES))
@Check('cases_routing_tier_check', `"routing_tier" IS NULL OR ${inList('routing_tier', ROUTING_TIERS)}`)
@Check('cases_requested_amount_check', `"requested_amount" > 0`)
@Check('cases_escalation_level_check', `"escalation_level" IN (0, 1, 2)`)
@Index(['assignedBankId', 'status', 'dueAt'])
@Index(['status', 'dueAt'])
// Report rollups (migration ReportRollups): a campaign's cases by their diagnosis day in Shanghai.
@Index('cases_by_campaign_day', { synchronize: false })
// A bank manager's queue in order (migration CaseQueueIndexes).
@Index('cases_bank_queue', { synchronize: false })
@Index('cases_pool_queue', { synchronize: false })
// A field officer's needs, from their visits (migration CasesByOriginVisit).
@Index('cases_by_origin_visit', { synchronize: false })
export class CaseEntity extends BaseEntity {
  /** Human number, e.g. C-2025-000123. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  number!: string;

  @Index()
  @Column({ type: 'uuid' })
  enterpriseId!: string;

  @ManyToOne(() => EnterpriseEntity, { onDelete: 'RESTRICT' })
  enterprise?: EnterpriseEntity;

  @Index()
  @Column({ type: 'uuid' })
  campaignId!: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'RESTRICT' })
  campaign?: CampaignEntity;

  /** A financing need, or the renewal (续贷) of a loan contract. */
  @Column({ type: 'varchar', length: 16, default: 'need' })
  kind!: CaseKind;

  /** The contract a renewal renews (at the bank that holds it); null for a need. */
  @Index({ where: '"renewal_of_contract_id" IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  renewalOfContractId!: string | null;

  @ManyToOne(() => LoanContractEntity, { onDelete: 'RESTRICT' })
  renewalOfContract?: LoanContractEntity;

  /** What a renewal asks for: `renewal`, or `renewal_without_repayment` (无还本续贷); null for a need. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  requestedRenewal!: Exclude<LoanRenewal, 'none'> | null;

  /**
   * A renewal's decision and signing are due no later than this: the end of the renewed loan's maturity date.
   * Null for a need.
   */
  @Column({ type: 'timestamptz', nullable: true })
  renewalDueBy!: Date | null;

  /** Where the need came from; a need found on a visit names it (`originVisitId`). */
  @Column({ type: 'varchar', length: 16, default: 'visit' })
  source!: CaseSource;

  @Column({ type: 'uuid', nullable: true })
  originVisitId!: string | null;

  /** The row key of a need imported from a 申报清单: the same row sent again adds nothing. */
  @Index('cases_intake_key', { unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  intakeKey!: string | null;

  /** The enterprise's region, kept here for scoping and reports. */
  @Index()
  @Column({ type: 'varchar', length: 6 })
  regionCode!: string;

  /** The enterprise's chain when the case was diagnosed (routing and reports). */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  chainId!: string | null;

  /** No foreign key: visits are partitioned and an archived month keeps its cases (the diagnosis checks the visit). */
  @ManyToOne(() => VisitEntity, { createForeignKeyConstraints: false })
  originVisit?: VisitEntity;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  requestedAmount!: string;

  @Column({ type: 'varchar', length: 24 })
  purpose!: Purpose;

  @Column({ type: 'varchar', length: 16 })
  term!: Term;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  bottlenecks!: Bottleneck[];

  @Column({ type: 'varchar', length: 8, default: 'normal' })
  priority!: CasePriority;

  @Column({ type: 'varchar', length: 16 })
  status!: CaseStatus;

  @Column({ type: 'smallint', nullable: true })
  routingTier!: RoutingTier | null;

  @Column({ type: 'uuid', nullable: true })
  assignedBankId!: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  assignedBank?: OrganizationEntity;

  @Column({ type: 'uuid', nullable: true })
  claimedByUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  claimedByUser?: UserEntity;

  /** The nearest open deadline. */
  @Column({ type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  intentionAmount!: string | null;

  @Column({ type: 'numeric', precision: 18, scale: 2, default: 0 })
  signedAmount!: string;

  @Column({ type: 'smallint', default: 0 })
  escalationLevel!: number;

  /** Organizations that declined the case; routing passes them by. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  declinedOrgIds!: string[];

  /** Set while the bank waits on the enterprise: every clock stands still. */
  @Column({ type: 'timestamptz', nullable: true })
  pausedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  resolution!: string | null;

  /** Optimistic lock: every transition checks it and adds one. */
  @Column({ type: 'integer', default: 1 })
  version!: number;
}
