import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from './base.entity';

@Entity('regions')
export class RegionEntity extends BaseEntity {
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 6 })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Index()
  @Column({ type: 'varchar', length: 6, nullable: true })
  parentCode!: string | null;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_code', referencedColumnName: 'code' })
  parent?: RegionEntity;
}
