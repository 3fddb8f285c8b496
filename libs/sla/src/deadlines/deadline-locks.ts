import {
  CaseEntity,
  CaseObligationEntity,
  LOCK_CASES_OF_OBLIGATIONS,
  LOCK_OBLIGATIONS,
  hydrate,
} from '@unblock/database';
import type { DeadlinePayload } from '@unblock/queue';
import type { DataSource, EntityManager } from 'typeorm';
import { caseStale, obligationStale, type Overdue } from './overdue';

/**
 * The obligations and their cases, locked in the one order every writer takes: the cases first, by id,
 * then the obligations, by id.
 */
export async function lockObligations(
  dataSource: DataSource,
  manager: EntityManager,
  obligationIds: readonly string[],
): Promise<{ cases: Map<string, CaseEntity>; obligations: Map<string, CaseObligationEntity> }> {
  const ids = [...obligationIds];
  const cases = await manager.query<Record<string, unknown>[]>(LOCK_CASES_OF_OBLIGATIONS, [ids]);
  const obligations = await manager.query<Record<string, unknown>[]>(LOCK_OBLIGATIONS, [ids]);
  return {
    cases: new Map(cases.map((row) => [String(row['id']), hydrate(dataSource, CaseEntity, row)])),
    obligations: new Map(obligations.map((row) => [String(row['id']), hydrate(dataSource, CaseObligationEntity, row)])),
  };
}

/**
 * One deadline job's obligation and case, locked, if the job still calls for work at the time `at` gives
 * (the deadline, its reminder, its level 2): else why not.
 */
export async function liveDeadline(
  dataSource: DataSource,
  manager: EntityManager,
  job: DeadlinePayload,
  now: Date,
  at: (overdue: Overdue) => Promise<Date>,
): Promise<({ live: true } & Overdue) | { live: false; skipped: string }> {
  const { cases, obligations } = await lockObligations(dataSource, manager, [job.obligationId]);
  const obligation = obligations.get(job.obligationId);
  const stale = obligationStale(obligation, job);
  if (stale !== null || !obligation) return { live: false, skipped: stale ?? 'obligation not found' };
  const c = cases.get(obligation.caseId);
  if (!c) return { live: false, skipped: 'case not found' };
  const held = caseStale(c, await at({ case: c, obligation }), now);
  if (held !== null) return { live: false, skipped: held };
  return { live: true, case: c, obligation };
}
