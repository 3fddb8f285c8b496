import { ORGANIZATION_KINDS, type OrganizationKind } from '@unblock/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity, inList } from './base.entity';
import { RegionEntity } from './region.entity';

@Entity('organizations')
@Check('organizations_kind_check', inList('kind', ORGANIZATION_KINDS))
@Index(['kind', 'regionCode'])
export class OrganizationEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 32 })
  kind!: OrganizationKind;

  @Index({ unique: true })
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'varchar', length: 6 })
  regionCode!: string;

  /** Where notifications for this organization are POSTed, signed with HMAC-SHA256; null: none. */
  @Column({ type: 'text', nullable: true })
  webhookUrl!: string | null;

  @Column({ type: 'text', nullable: true })
  webhookSecret!: string | null;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', referencedColumnName: 'code' })
  region?: RegionEntity;
}
