import {
  CHAIN_ROLES,
  ENTERPRISE_SIZES,
  type ChainRole,
  type EnterpriseSize,
  type EnterpriseTag,
} from '@unblock/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity, inList } from './base.entity';
import { IndustrialChainEntity } from './industrial-chain.entity';
import { RegionEntity } from './region.entity';

@Entity('enterprises')
// The chains' leaders (链主), which the per-chain reports count, from an index of them alone.
@Index('enterprises_chain_leaders', ['chainId'], { where: `"chain_role" = 'leader'` })
@Check('enterprises_size_check', inList('size', ENTERPRISE_SIZES))
@Check('enterprises_chain_role_check', `"chain_role" IS NULL OR ${inList('chain_role', CHAIN_ROLES)}`)
@Check('enterprises_chain_role_with_chain_check', `("chain_id" IS NULL) = ("chain_role" IS NULL)`)
export class EnterpriseEntity extends BaseEntity {
  /** Unified social credit code, normalized, validated per GB 32100-2015. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 18 })
  uscc!: string;

  @Column({ type: 'text' })
  name!: string;

  @Index()
  @Column({ type: 'varchar', length: 6 })
  regionCode!: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', referencedColumnName: 'code' })
  region?: RegionEntity;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  chainId!: string | null;

  @ManyToOne(() => IndustrialChainEntity, { onDelete: 'RESTRICT' })
  chain?: IndustrialChainEntity;

  @Column({ type: 'varchar', length: 16, nullable: true })
  chainRole!: ChainRole | null;

  @Column({ type: 'varchar', length: 8 })
  size!: EnterpriseSize;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: EnterpriseTag[];

  /** The contact person (personal data: shown only to those who work its cases). */
  @Column({ type: 'text', nullable: true })
  contactName!: string | null;

  /** A Chinese mobile (13812345678) or landline (0635-8231234) number, as typed less spaces. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  contactPhone!: string | null;
}
