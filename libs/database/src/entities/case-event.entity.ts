import { Column, Entity, Generated, Index, ManyToOne } from 'typeorm';
import { BaseEntity } from './base.entity';
import { CaseEntity } from './case.entity';

/** The append-only timeline and audit trail of a case. */
@Entity('case_events')
@Index(['caseId', 'seq'])
export class CaseEventEntity extends BaseEntity {
  /** Order of the timeline, also between events written in one transaction. */
  @Column({ type: 'bigint' })
  @Generated('increment')
  seq!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  case?: CaseEntity;

  @Column({ type: 'varchar', length: 48 })
  type!: string;

  /** Null for the system (the router, the SLA clock). */
  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data!: Record<string, unknown>;
}
