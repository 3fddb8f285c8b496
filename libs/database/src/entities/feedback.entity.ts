import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity } from './base.entity';
import { CaseEntity } from './case.entity';
import { EnterpriseLinkEntity } from './enterprise-link.entity';

/**
 * The enterprise's word on one case, given on its own page: whether the bank contacted it (once), and,
 * once the outcome is known, its rating 1–5 with a comment (once).
 */
@Entity('feedback')
@Check('feedback_score_check', `"score" IS NULL OR "score" BETWEEN 1 AND 5`)
export class FeedbackEntity extends BaseEntity {
  @Index({ unique: true })
  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  case?: CaseEntity;

  /** The link the enterprise last answered through. */
  @Column({ type: 'uuid' })
  linkId!: string;

  @ManyToOne(() => EnterpriseLinkEntity, { onDelete: 'RESTRICT' })
  link?: EnterpriseLinkEntity;

  @Column({ type: 'boolean', nullable: true })
  contactConfirmed!: boolean | null;

  @Column({ type: 'timestamptz', nullable: true })
  contactAnsweredAt!: Date | null;

  @Column({ type: 'smallint', nullable: true })
  score!: number | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  ratedAt!: Date | null;
}
