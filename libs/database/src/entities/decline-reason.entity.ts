import { REPAIRER_KINDS, type RepairerKind } from '@unblock/domain';
import { Check, Column, Entity, Index } from 'typeorm';
import { BaseEntity, inList } from './base.entity';

/**
 * A catalogue entry of why a bank declines, kept by admins: whether the cause can be repaired (a second
 * diagnosis), how, in plain words for the enterprise, and which kind of organization repairs it.
 */
@Entity('decline_reasons')
@Check('decline_reasons_repairer_kind_check', inList('repairer_kind', REPAIRER_KINDS))
@Check('decline_reasons_repairable_check', `"repairable" = ("repair_path" IS NOT NULL AND "repairer_kind" IS NOT NULL)`)
export class DeclineReasonEntity extends BaseEntity {
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 48 })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'boolean', default: false })
  repairable!: boolean;

  @Column({ type: 'text', nullable: true })
  repairPath!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  repairerKind!: RepairerKind | null;
}
