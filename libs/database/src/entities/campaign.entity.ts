import { CAMPAIGN_KINDS, SCREENING_MODES, type CampaignKind, type ScreeningMode } from '@unblock/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity, inList } from './base.entity';
import { RegionEntity } from './region.entity';
import { SlaPolicyEntity } from './sla-policy.entity';

@Entity('campaigns')
@Check('campaigns_kind_check', inList('kind', CAMPAIGN_KINDS))
@Check('campaigns_screening_check', inList('screening', SCREENING_MODES))
@Check('campaigns_dates_check', `"ends_on" >= "starts_on"`)
export class CampaignEntity extends BaseEntity {
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: CampaignKind;

  @Index()
  @Column({ type: 'varchar', length: 6 })
  regionCode!: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', referencedColumnName: 'code' })
  region?: RegionEntity;

  @Column({ type: 'date' })
  startsOn!: string;

  @Column({ type: 'date' })
  endsOn!: string;

  /** Null: the default SLA policy applies. */
  @Column({ type: 'uuid', nullable: true })
  slaPolicyId!: string | null;

  @ManyToOne(() => SlaPolicyEntity, { onDelete: 'RESTRICT' })
  slaPolicy?: SlaPolicyEntity;

  /** Visits the campaign aims at; null: no target. */
  @Column({ type: 'integer', nullable: true })
  targetVisits!: number | null;

  /** Needs the campaign aims to collect; null: no target. */
  @Column({ type: 'integer', nullable: true })
  targetNeeds!: number | null;

  /** The signed amount (yuan) the campaign aims at; null: no target. */
  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  targetSignedAmount!: string | null;

  /** `required`: new needs wait, `submitted`, for the task force's screening before they reach the banks. */
  @Column({ type: 'varchar', length: 16, default: 'none' })
  screening!: ScreeningMode;

  /** The shares (0–1, decimal strings) under which the daily bulletin lists a region or bank as lagging. */
  @Column({ type: 'jsonb', default: {} })
  laggardThresholds!: LaggardThresholds;
}

/** A campaign's laggard thresholds: claims on time, and recommended needs credited. */
export interface LaggardThresholds {
  readonly claimsOnTime?: string;
  readonly creditedRate?: string;
}
