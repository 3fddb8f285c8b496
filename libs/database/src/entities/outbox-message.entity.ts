import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from './base.entity';

/**
 * A job to enqueue, written in the same transaction as the state change that calls for it. The relay
 * adds it to BullMQ after commit, with a deterministic job id, and marks it sent.
 */
@Entity('outbox')
@Index('outbox_unsent', ['runAt'], { where: '"sent_at" IS NULL' })
export class OutboxMessageEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 48 })
  type!: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ type: 'timestamptz' })
  runAt!: Date;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: Record<string, unknown>;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
