import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from './base.entity';

/** A POST made with an `Idempotency-Key`: a retry with the same key answers the first response. */
@Entity('idempotency_keys')
@Index(['userId', 'key'], { unique: true })
export class IdempotencyKeyEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 200 })
  key!: string;

  /** `POST /api/v1/cases`: the same key on another route is another request. */
  @Column({ type: 'text' })
  route!: string;

  /** SHA-256 of the request body: the same key with another body is refused. */
  @Column({ type: 'char', length: 64 })
  requestHash!: string;

  @Column({ type: 'smallint', nullable: true })
  statusCode!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  response!: unknown;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  /** Until when the request that claimed the key holds it while it runs: then a retry may take it over. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  leaseExpiresAt!: Date;
}
