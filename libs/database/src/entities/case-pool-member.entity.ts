import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity } from './base.entity';
import { CaseEntity } from './case.entity';
import { OrganizationEntity } from './organization.entity';

/** An organization that may claim a pooled case (tier 3), first come first served. */
@Entity('case_pool_members')
@Index(['caseId', 'organizationId'], { unique: true })
export class CasePoolMemberEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  case?: CaseEntity;

  @Index()
  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  organization?: OrganizationEntity;
}
