import type { CaseEntity, CaseObligationEntity } from '@unblock/database';
import { CASE_WORDS } from '@unblock/domain';
import type { Notice } from '@unblock/notifications';
import type { DeadlinePayload } from '@unblock/queue';

/** An overdue obligation of a case. */
export interface Overdue {
  readonly case: CaseEntity;
  readonly obligation: CaseObligationEntity;
}

/** A deadline job whose obligation is still open and due, in a batch: its index there, the case and obligation. */
export type Live = Overdue & { readonly index: number; readonly job: DeadlinePayload };

/** What a deadline did, in words (the jobs' results). */
export const OUTCOMES = {
  escalated: 'escalated to level 1',
  poolMissed: 'pool missed its claim deadline: escalated to level 2',
  movedOn: 'escalated to level 1 and moved to the next tier',
  escalatedAlready: 'escalated already',
} as const;

/** Why a job's obligation no longer calls for it (null: it still does). */
export function obligationStale(
  obligation: CaseObligationEntity | null | undefined,
  job: DeadlinePayload,
): string | null {
  if (!obligation) return 'obligation not found';
  if (obligation.metAt !== null) return 'obligation met';
  if (obligation.cancelledAt !== null) return 'obligation cancelled';
  if (obligation.dueAt.getTime() !== Date.parse(job.dueAt)) return 'deadline moved';
  return null;
}

/** Why the case holds the job back (null: it runs now): not due yet at `at`, paused, closed or signed. */
export function caseStale(c: CaseEntity, at: Date, now: Date): string | null {
  if (at.getTime() > now.getTime()) return 'not due yet';
  if (c.pausedAt !== null) return 'case paused';
  if (c.status === 'closed' || c.status === 'loan_signed' || c.status === 'screened_out') return `case ${c.status}`;
  return null;
}

/**
 * A claim missed while the case waits at a bank or in a pool: the case moves on (the obligation is
 * cancelled) or, from the pool, goes to level 2 at once, so its escalation needs no level-2 message.
 */
export function missedClaim({ case: c, obligation }: Overdue): boolean {
  return obligation.obligation === 'claim' && c.status === 'assigned';
}

/** A claim missed at a bank: the case moves to the next tier (from the pool, it goes to level 2 instead). */
export function movesOn(overdue: Overdue): boolean {
  return missedClaim(overdue) && overdue.case.routingTier !== 3;
}

const WORDS = CASE_WORDS['zh-CN'];

/** The supervisors' notice of an escalation at a level (its title in Chinese; the console words it from its data). */
export function escalationNotice({ case: c, obligation }: Overdue, level: 1 | 2): Notice {
  return {
    kind: 'escalation',
    caseId: c.id,
    title: `${c.number}：${WORDS.obligation[obligation.obligation]}${level === 1 ? '超时' : '仍未完成'}，${WORDS.escalationLevel[level]}`,
    data: {
      level,
      obligation: obligation.obligation,
      dueAt: obligation.dueAt.toISOString(),
      bankId: c.assignedBankId,
      caseNumber: c.number,
    },
    key: `escalation.${obligation.id}.${level}`,
  };
}
