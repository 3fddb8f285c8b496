import type { VisitKind } from '@unblock/domain';
import { Column, Entity, ManyToOne } from 'typeorm';
import { BaseEntity } from './base.entity';
import { CampaignEntity } from './campaign.entity';
import { EnterpriseEntity } from './enterprise.entity';
import { UserEntity } from './user.entity';

/**
 * Partitioned by month of `visitedOn` (migration PartitionVisits, docs/scale.md): the migrations alone keep its
 * schema (its partitions, its indexes, its check of `kind` in VISIT_KINDS), which TypeORM's schema builder
 * does not describe. The primary key is (id, visitedOn); ids are time-ordered (UUID v7).
 */
@Entity({ name: 'visits', synchronize: false })
export class VisitEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  campaignId!: string;

  @ManyToOne(() => CampaignEntity, { createForeignKeyConstraints: false })
  campaign?: CampaignEntity;

  @Column({ type: 'uuid' })
  enterpriseId!: string;

  @ManyToOne(() => EnterpriseEntity, { createForeignKeyConstraints: false })
  enterprise?: EnterpriseEntity;

  @Column({ type: 'date' })
  visitedOn!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: VisitKind;

  @Column({ type: 'uuid' })
  visitorUserId!: string;

  @ManyToOne(() => UserEntity, { createForeignKeyConstraints: false })
  visitorUser?: UserEntity;

  /** The visitor's organization (a bank's managers see their bank's visits). */
  @Column({ type: 'uuid', nullable: true })
  visitorOrganizationId!: string | null;

  /** The enterprise's region, kept here for scoping and reports. */
  @Column({ type: 'varchar', length: 6 })
  regionCode!: string;

  @Column({ type: 'text', default: '' })
  summary!: string;

  /**
   * The visitor's own id for this visit: a retry with the same one answers the first visit (unique per visitor
   * and day in the index; the writers look for it on every day first).
   */
  @Column({ type: 'varchar', length: 100, nullable: true, collation: 'C' })
  clientRef!: string | null;
}
