import { VISIT_KINDS, type VisitKind } from '@unblock/domain';
import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity, inList } from './base.entity';
import { CampaignEntity } from './campaign.entity';
import { EnterpriseEntity } from './enterprise.entity';
import { UserEntity } from './user.entity';

@Entity('visits')
@Check('visits_kind_check', inList('kind', VISIT_KINDS))
@Index('visits_client_ref_per_visitor', ['visitorUserId', 'clientRef'], { unique: true })
@Index(['enterpriseId', 'visitedOn'])
@Index(['campaignId', 'visitedOn'])
// Report rollups (migration ReportRollups): a bank's distinct enterprises visited, from the index alone.
@Index('visits_by_visitor_org', { synchronize: false })
export class VisitEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  campaignId!: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'RESTRICT' })
  campaign?: CampaignEntity;

  @Column({ type: 'uuid' })
  enterpriseId!: string;

  @ManyToOne(() => EnterpriseEntity, { onDelete: 'RESTRICT' })
  enterprise?: EnterpriseEntity;

  @Column({ type: 'date' })
  visitedOn!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: VisitKind;

  @Column({ type: 'uuid' })
  visitorUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  visitorUser?: UserEntity;

  /** The visitor's organization (a bank's managers see their bank's visits). */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  visitorOrganizationId!: string | null;

  /** The enterprise's region, kept here for scoping and reports. */
  @Index()
  @Column({ type: 'varchar', length: 6 })
  regionCode!: string;

  @Column({ type: 'text', default: '' })
  summary!: string;

  /** The visitor's own id for this visit: a retry with the same one answers the first visit. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  clientRef!: string | null;
}
