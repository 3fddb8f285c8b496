import { SCREENING_DECISIONS, type ScreeningDecision } from '@unblock/domain';
import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity, inList } from './base.entity';
import { CaseEntity } from './case.entity';

/**
 * The task force's check of a submitted need against the five criteria, each met or not with a note, and
 * its decision: recommend (推荐清单, routed by "1+2+N") or screen out. One per case.
 */
@Entity('screenings')
@Check('screenings_decision_check', inList('decision', SCREENING_DECISIONS))
export class ScreeningEntity extends BaseEntity {
  @Index({ unique: true })
  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  case?: CaseEntity;

  @Column({ type: 'boolean' })
  compliantOperation!: boolean;

  @Column({ type: 'text', nullable: true })
  compliantOperationNote!: string | null;

  @Column({ type: 'boolean' })
  fixedPremises!: boolean;

  @Column({ type: 'text', nullable: true })
  fixedPremisesNote!: string | null;

  @Column({ type: 'boolean' })
  genuineNeed!: boolean;

  @Column({ type: 'text', nullable: true })
  genuineNeedNote!: string | null;

  @Column({ type: 'boolean' })
  goodCredit!: boolean;

  @Column({ type: 'text', nullable: true })
  goodCreditNote!: string | null;

  @Column({ type: 'boolean' })
  lawfulPurpose!: boolean;

  @Column({ type: 'text', nullable: true })
  lawfulPurposeNote!: string | null;

  @Column({ type: 'varchar', length: 16 })
  decision!: ScreeningDecision;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid' })
  screenedByUserId!: string;

  @Column({ type: 'timestamptz' })
  screenedAt!: Date;
}
