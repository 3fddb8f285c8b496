import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity } from './base.entity';
import { CalendarEntity } from './calendar.entity';

/** Deadlines per obligation; each a business-day count ("3BD") or an ISO 8601 duration ("PT30S"). */
@Entity('sla_policies')
export class SlaPolicyEntity extends BaseEntity {
  @Index({ unique: true })
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'uuid' })
  calendarId!: string;

  @ManyToOne(() => CalendarEntity, { onDelete: 'RESTRICT' })
  calendar?: CalendarEntity;

  @Column({ type: 'varchar', length: 32, default: '3BD' })
  screening!: string;

  @Column({ type: 'varchar', length: 32, default: '3BD' })
  claim!: string;

  @Column({ type: 'varchar', length: 32, default: '2BD' })
  firstContact!: string;

  @Column({ type: 'varchar', length: 32, default: '15BD' })
  decision!: string;

  @Column({ type: 'varchar', length: 32, default: '10BD' })
  signing!: string;

  /** A repair task of a second diagnosis, when its supervisor names no due date. */
  @Column({ type: 'varchar', length: 32, default: '10BD' })
  repair!: string;

  @Column({ type: 'varchar', length: 32, default: '1BD' })
  remindBefore!: string;

  @Column({ type: 'varchar', length: 32, default: '3BD' })
  levelTwoAfter!: string;

  /** The policy a campaign without one takes; at most one is the default. */
  @Index('sla_policies_one_default', { unique: true, where: '"is_default"' })
  @Column({ type: 'boolean', default: false })
  isDefault!: boolean;
}
