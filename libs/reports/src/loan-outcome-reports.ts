import type { Actor } from '@unblock/domain';
import type { EntityManager } from 'typeorm';
import { loanOutcomeContracts, loanOutcomeRollup, loanOutcomesFrom, type LoanOutcomeFigures } from './loan-outcomes';
import { ReportFilter, type ReportQuery } from './report-filter';

/** What a report's loan outcomes are read from, as the reports service decided for its other figures. */
export interface LoanOutcomeSource {
  readonly manager: EntityManager;
  readonly actor: Actor;
  readonly query: ReportQuery;
  /** The chain, bank and total rollups answer as they are (no region leaves anything out). */
  readonly rollups: boolean;
  /** The reader's region ranges, where the region rollup may answer; null: the base tables only. */
  readonly regions: readonly (readonly [string, string])[] | null;
}

/** The summary's loan outcomes: the day totals, the region rollup within regions, the bank's, or the contracts. */
export async function summaryLoanOutcomes(source: LoanOutcomeSource): Promise<LoanOutcomeFigures> {
  const { manager, actor, query, rollups, regions } = source;
  if (actor.role !== 'bank_manager' && regions !== null) {
    const selection = rollups ? { kind: 't' as const, query } : { kind: 'r' as const, query, regions };
    return (await loanOutcomeRollup(manager, selection, false)).get('') ?? loanOutcomesFrom(undefined);
  }
  if (rollups && actor.organizationId !== null) {
    const totals = await loanOutcomeRollup(manager, { kind: 'b', query, key: actor.organizationId }, false);
    return totals.get('') ?? loanOutcomesFrom(undefined);
  }
  const filter = new ReportFilter(actor, query);
  return loanOutcomeContracts(manager, (p) => filter.loans(p));
}

/** Each chain's loan outcomes: the chain rollup, else (a narrow region, a bank's share) the contracts. */
export async function chainLoanOutcomes(
  source: LoanOutcomeSource,
  chainIds: readonly string[],
): Promise<Map<string, LoanOutcomeFigures>> {
  const { manager, actor, query } = source;
  if (source.rollups && actor.role !== 'bank_manager') return loanOutcomeRollup(manager, { kind: 'c', query }, true);
  const filter = new ReportFilter(actor, query);
  const outcomes = new Map<string, LoanOutcomeFigures>();
  for (const id of chainIds) {
    outcomes.set(id, await loanOutcomeContracts(manager, (p) => `${filter.loans(p)} AND c.chain_id = ${p.add(id)}`));
  }
  return outcomes;
}

/** Each bank's loan outcomes: the bank rollup, else the contracts within the reader's region and filters. */
export async function bankLoanOutcomes(
  source: LoanOutcomeSource,
  bankIds: readonly string[],
): Promise<Map<string, LoanOutcomeFigures>> {
  const { manager, actor, query } = source;
  if (source.rollups) return loanOutcomeRollup(manager, { kind: 'b', query }, true);
  // As the bank figures: whoever holds the cases.
  const filter = new ReportFilter({ ...actor, role: actor.role === 'bank_manager' ? 'supervisor' : actor.role }, query);
  const outcomes = new Map<string, LoanOutcomeFigures>();
  for (const id of bankIds) {
    outcomes.set(id, await loanOutcomeContracts(manager, (p) => `${filter.loans(p)} AND l.bank_id = ${p.add(id)}`));
  }
  return outcomes;
}
