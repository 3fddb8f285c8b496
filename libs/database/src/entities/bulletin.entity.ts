import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from './base.entity';
import { RegionEntity } from './region.entity';

/** A daily bulletin (日通报) of one region: written once per day reported on, its content kept as written. */
@Entity('bulletins')
@Index('IDX_bulletins_region_day', ['regionCode', 'day'], { unique: true })
export class BulletinEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 6 })
  regionCode!: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', referencedColumnName: 'code', foreignKeyConstraintName: 'FK_bulletins_region' })
  region?: RegionEntity;

  /** The day it reports on (YYYY-MM-DD, Asia/Shanghai): the day before the morning it is written. */
  @Column({ type: 'date' })
  day!: string;

  /** Everything its pages and files show: league tables, overdue and escalated cases, laggards. */
  @Column({ type: 'jsonb' })
  content!: object;
}
