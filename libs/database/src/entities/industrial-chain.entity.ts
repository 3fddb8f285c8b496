import { Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne } from 'typeorm';
import { BaseEntity } from './base.entity';
import { OrganizationEntity } from './organization.entity';
import { RegionEntity } from './region.entity';

/** A chain of the "1+2+N" model: one lead bank, one deputy lead bank, N member institutions. */
@Entity('industrial_chains')
@Index(['regionCode', 'name'], { unique: true })
export class IndustrialChainEntity extends BaseEntity {
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'varchar', length: 6 })
  regionCode!: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', referencedColumnName: 'code' })
  region?: RegionEntity;

  @Index()
  @Column({ type: 'uuid' })
  leadBankId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  leadBank?: OrganizationEntity;

  @Index()
  @Column({ type: 'uuid' })
  deputyBankId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  deputyBank?: OrganizationEntity;

  @ManyToMany(() => OrganizationEntity)
  @JoinTable({
    name: 'industrial_chain_members',
    joinColumn: { name: 'chain_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'organization_id', referencedColumnName: 'id' },
  })
  members?: OrganizationEntity[];
}
