import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity } from './base.entity';
import { UserEntity } from './user.entity';

export const NOTIFICATION_KINDS = ['reminder', 'escalation', 'digest', 'bulletin', 'maturity'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** One message in a user's in-app inbox; written once per idempotency key. */
@Entity('notifications')
@Index(['userId', 'createdAt'])
export class NotificationEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 16 })
  kind!: NotificationKind;

  @Column({ type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data!: Record<string, unknown>;

  @Index({ unique: true })
  @Column({ type: 'text' })
  idempotencyKey!: string;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
