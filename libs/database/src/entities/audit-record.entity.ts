import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from './base.entity';

/** Every write leaves one: who, when, what, from where. */
@Entity('audit_records')
@Index(['entity', 'entityId'])
export class AuditRecordEntity extends BaseEntity {
  @Index()
  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** E.g. `POST /api/v1/enterprises`. */
  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'varchar', length: 48 })
  entity!: string;

  @Column({ type: 'text', nullable: true })
  entityId!: string | null;

  @Column({ type: 'smallint' })
  status!: number;

  @Column({ type: 'text', nullable: true })
  ip!: string | null;

  @Column({ type: 'text', nullable: true })
  userAgent!: string | null;

  @Column({ type: 'text', nullable: true })
  requestId!: string | null;

  /** The enterprise link an action on an enterprise's own page came through (no user acts there). */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  enterpriseLinkId!: string | null;
}
