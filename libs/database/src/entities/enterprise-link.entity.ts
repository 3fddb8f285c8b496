import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity } from './base.entity';
import { EnterpriseEntity } from './enterprise.entity';
import { UserEntity } from './user.entity';

/**
 * An enterprise's access to its own page: a link holding a secret token, of which only the SHA-256 is
 * stored. It ends at `expiresAt`, or when revoked (a rotation revokes the old link as it makes the new one).
 */
@Entity('enterprise_links')
export class EnterpriseLinkEntity extends BaseEntity {
  @Index()
  @Column({ type: 'uuid' })
  enterpriseId!: string;

  @ManyToOne(() => EnterpriseEntity, { onDelete: 'RESTRICT' })
  enterprise?: EnterpriseEntity;

  @Index({ unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  /** The officer, supervisor or admin who made the link. */
  @Column({ type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  createdByUser?: UserEntity;
}
