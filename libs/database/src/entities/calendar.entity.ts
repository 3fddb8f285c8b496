import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from './base.entity';

/** Business days: weekends off, listed holidays off, listed adjusted working days on. */
@Entity('calendars')
export class CalendarEntity extends BaseEntity {
  @Index({ unique: true })
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: 'Asia/Shanghai' })
  timeZone!: string;

  /** ISO dates (YYYY-MM-DD) that are days off although they fall on a weekday. */
  @Column({ type: 'date', array: true, default: () => "'{}'" })
  holidays!: string[];

  /** ISO dates that are working days although they fall on a weekend (调休). */
  @Column({ type: 'date', array: true, default: () => "'{}'" })
  workdays!: string[];
}
