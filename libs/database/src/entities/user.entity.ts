import { ROLES, type Role } from '@unblock/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity, inList } from './base.entity';
import { OrganizationEntity } from './organization.entity';
import { RegionEntity } from './region.entity';

@Entity('users')
@Check('users_role_check', inList('role', ROLES))
@Check('users_email_lower_check', `"email" = lower("email")`)
@Check('users_scope_check', `"role" = 'admin' OR ("organization_id" IS NOT NULL AND "region_code" IS NOT NULL)`)
export class UserEntity extends BaseEntity {
  /** Stored in lower case; unique. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  /** Null only for an admin. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  organizationId!: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  organization?: OrganizationEntity;

  /** The region this user's reads are scoped to (with its descendants); null only for an admin. */
  @Column({ type: 'varchar', length: 6, nullable: true })
  regionCode!: string | null;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', referencedColumnName: 'code' })
  region?: RegionEntity;

  /** argon2id, PHC string format. */
  @Column({ type: 'text' })
  passwordHash!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  /**
   * Raised by every change that must end the user's sessions (deactivation; a new role, organization or
   * region; a password reset or change). Access tokens carry the version they were issued under; one of
   * an older version is refused.
   */
  @Column({ type: 'integer', default: 1 })
  sessionVersion!: number;

  /** Set by an admin's password reset: until the user picks a password, only that change is allowed. */
  @Column({ type: 'boolean', default: false })
  mustChangePassword!: boolean;
}
