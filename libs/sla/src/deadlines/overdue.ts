import {
  CasePoolMemberEntity,
  OrganizationEntity,
  type CaseEntity,
  type CaseObligationEntity,
} from '@unblock/database';
import { CASE_WORDS, type Obligation, type RoutingTier } from '@unblock/domain';
import { supervisorsByRegion, type Notice, type Notifier } from '@unblock/notifications';
import type { DeadlinePayload } from '@unblock/queue';
import { In, type EntityManager } from 'typeorm';

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
  noBankLeft: 'no bank is left to claim the need: escalated to level 2',
  movedOn: 'escalated to level 1 and moved to the next tier',
  renewalKept: 'escalated to level 1; the renewal stays at the bank holding the loan, on a fresh claim clock',
  renewalUnclaimable: 'no bank may claim the renewal: escalated to level 2',
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

/**
 * A claim missed at a bank: the case moves to the next tier, or, a renewal, stays at its lender on a fresh
 * claim clock (from the pool, it goes to level 2 instead).
 */
export function movesOn(overdue: Overdue): boolean {
  return missedClaim(overdue) && overdue.case.routingTier !== 3;
}

/**
 * What a missed claim did, in words: moved on, kept at its lender (a renewal), or sent to level 2 (a pool
 * that missed it; or no bank left, the pool empty). `pooled`: the cases whose pool has a member.
 */
export function missedClaimOutcome({ case: c }: Overdue, pooled: ReadonlySet<string>): string {
  if (c.kind === 'renewal') return c.routingTier === 3 ? OUTCOMES.renewalUnclaimable : OUTCOMES.renewalKept;
  if (c.routingTier !== 3) return OUTCOMES.movedOn;
  return pooled.has(c.id) ? OUTCOMES.poolMissed : OUTCOMES.noBankLeft;
}

/**
 * A claim that no bank may make: the case waits at tier 3 for no bank, its pool empty (every bank declined,
 * or none is left; a declined renewal). `pooled`: the cases whose pool has a member.
 */
function unclaimable({ case: c, obligation }: Overdue, pooled: ReadonlySet<string>): boolean {
  return obligation.obligation === 'claim' && c.routingTier === 3 && c.assignedBankId === null && !pooled.has(c.id);
}

/** Of the `overdue` waiting at tier 3 for no bank, the cases whose pool has a member (one read). */
export async function pooledCases(manager: EntityManager, overdue: readonly Overdue[]): Promise<Set<string>> {
  const ids = [
    ...new Set(overdue.filter((o) => o.case.routingTier === 3 && o.case.assignedBankId === null).map((o) => o.case.id)),
  ];
  if (ids.length === 0) return new Set();
  const members = await manager.find(CasePoolMemberEntity, { where: { caseId: In(ids) }, select: ['caseId'] });
  return new Set(members.map((m) => m.caseId));
}

const WORDS = CASE_WORDS['zh-CN'];

/** The obligations a bank (or the pool) holds the case for: the others are the supervisors' or a partner's. */
const BANK_OBLIGATIONS: ReadonlySet<Obligation> = new Set(['claim', 'first_contact', 'decision', 'signing']);

interface MissedBy {
  bankName?: string;
  tier?: RoutingTier;
  /** No bank may claim the case: its pool is empty. */
  unclaimable?: true;
}

/**
 * Who missed an overdue obligation: the bank's name, and for a need its tier of "1+2+N" (a renewal's bank
 * is the lender, whatever the chain); the tier alone for the pool; `unclaimable` when no bank is left to
 * claim it. Nothing for an obligation no bank holds.
 */
function missedBy(overdue: Overdue, bankNames: ReadonlyMap<string, string>, pooled: ReadonlySet<string>): MissedBy {
  const { case: c, obligation } = overdue;
  if (!BANK_OBLIGATIONS.has(obligation.obligation)) return {};
  const bankName = c.assignedBankId === null ? undefined : bankNames.get(c.assignedBankId);
  const tier = c.kind === 'need' && c.routingTier !== null ? c.routingTier : undefined;
  if (unclaimable(overdue, pooled)) return tier === undefined ? { unclaimable: true } : { tier, unclaimable: true };
  if (bankName === undefined) return tier === 3 ? { tier } : {};
  return tier === undefined ? { bankName } : { bankName, tier };
}

/** `missedBy` in Chinese words: 郑州银行（主办行）, 成员机构池, or nothing. */
function missedByWords({ bankName, tier }: MissedBy): string {
  if (bankName === undefined) return tier === undefined ? '' : WORDS.tier[tier];
  return tier === undefined ? bankName : `${bankName}（${WORDS.tier[tier]}）`;
}

/** An escalation's title: who missed what, or, no bank left to claim it, that alone. */
function escalationTitle(overdue: Overdue, level: 1 | 2, by: MissedBy): string {
  const { case: c, obligation } = overdue;
  const what = by.unclaimable
    ? '已无银行可认领'
    : `${missedByWords(by)}${WORDS.obligation[obligation.obligation]}${level === 1 ? '超时' : '仍未完成'}`;
  return `${c.number}：${what}，${WORDS.escalationLevel[level]}`;
}

/**
 * The supervisors' notice of an escalation at a level (its title in Chinese; the console words it from its
 * data), naming the bank, or the pool, that missed the obligation, or that no bank is left to claim it
 * (`bankNames`: the banks' names by id; `pooled`: the cases whose pool has a member).
 */
export function escalationNotice(
  overdue: Overdue,
  level: 1 | 2,
  bankNames: ReadonlyMap<string, string>,
  pooled: ReadonlySet<string>,
): Notice {
  const { case: c, obligation } = overdue;
  const by = missedBy(overdue, bankNames, pooled);
  return {
    kind: 'escalation',
    caseId: c.id,
    title: escalationTitle(overdue, level, by),
    data: {
      level,
      obligation: obligation.obligation,
      dueAt: obligation.dueAt.toISOString(),
      bankId: c.assignedBankId,
      caseNumber: c.number,
      ...by,
    },
    key: `escalation.${obligation.id}.${level}`,
  };
}

/**
 * The escalations' notices to the supervisors whose region covers each case, in the caller's transaction:
 * one read of the supervisors, one of the banks' names and one of the pools, whatever their number.
 */
export async function notifyEscalations(
  manager: EntityManager,
  notifier: Notifier,
  overdue: readonly Overdue[],
  level: 1 | 2,
): Promise<void> {
  if (overdue.length === 0) return;
  const supervisors = await supervisorsByRegion(
    manager,
    overdue.map((o) => o.case.regionCode),
  );
  const bankIds = [...new Set(overdue.flatMap((o) => (o.case.assignedBankId === null ? [] : [o.case.assignedBankId])))];
  const banks =
    bankIds.length === 0
      ? []
      : await manager.find(OrganizationEntity, { where: { id: In(bankIds) }, select: ['id', 'name'] });
  const bankNames = new Map(banks.map((b) => [b.id, b.name]));
  const pooled = await pooledCases(manager, overdue);
  await notifier.notifyMany(
    manager,
    overdue.map((o) => ({
      userIds: supervisors.get(o.case.regionCode) ?? [],
      notice: escalationNotice(o, level, bankNames, pooled),
    })),
  );
}
