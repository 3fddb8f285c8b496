import { type OrganizationEntity } from '@unblock/database';
import { fromFen, toFen } from '@unblock/domain';
import type { EntityManager } from 'typeorm';
import { emptyTotals, share } from './campaign-figures';
import { funnelOf } from './funnel-figures';
import { Params, type ReportFilter } from './report-filter';
import type { BankFigures } from './report-figures.response';

/** A bank's figures before the enterprises' word and the loan outcomes are added. */
export type BankFiguresWithoutWord = Omit<BankFigures, 'feedback' | 'loanOutcomes'>;

/**
 * Each bank's figures read from the base tables, within `filter` (the caller's region and the query), whoever
 * holds the cases: the reference the bank rollups are checked against, and the answer when a region narrows them.
 */
export async function bankFiguresFromBaseTables(
  manager: EntityManager,
  filter: ReportFilter,
  banks: readonly OrganizationEntity[],
): Promise<BankFiguresWithoutWord[]> {
  const result: BankFiguresWithoutWord[] = [];
  for (const bank of banks) {
    const pc = new Params();
    const where = filter.cases(pc);
    const bankParam = pc.add(bank.id);
    const [row] = await manager.query<Record<string, string | null>[]>(
      `SELECT
         (SELECT count(*) FROM cases c WHERE ${where} AND c.assigned_bank_id = ${bankParam})::text AS assigned,
         (SELECT sum(c.intention_amount) FROM cases c WHERE ${where} AND c.assigned_bank_id = ${bankParam})::text AS intention,
         (SELECT count(*) FROM case_events e JOIN cases c ON c.id = e.case_id
           WHERE ${where} AND e.type = 'claimed' AND e.data->>'bankId' = ${bankParam}::text)::text AS claims,
         (SELECT count(*) FROM case_events e JOIN cases c ON c.id = e.case_id
           JOIN case_obligations o ON o.case_id = e.case_id AND o.obligation = 'claim' AND o.met_at = e.at
           WHERE ${where} AND e.type = 'claimed' AND e.data->>'bankId' = ${bankParam}::text
             AND o.met_at <= o.due_at)::text AS on_time,
         (SELECT count(*) FROM case_events e JOIN cases c ON c.id = e.case_id
           WHERE ${where} AND e.type = 'declined' AND e.data->>'byOrganizationId' = ${bankParam}::text)::text AS declines,
         (SELECT count(*) FROM escalations x JOIN cases c ON c.id = x.case_id
           WHERE ${where} AND x.bank_id = ${bankParam})::text AS escalations,
         (SELECT count(*) FROM cases c WHERE ${where} AND c.assigned_bank_id = ${bankParam}
             AND EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type = 'claimed'))::text AS reached_claimed,
         (SELECT count(*) FROM cases c WHERE ${where} AND c.assigned_bank_id = ${bankParam}
             AND EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type = 'approved'))::text AS reached_approved,
         (SELECT count(*) FROM cases c WHERE ${where} AND c.assigned_bank_id = ${bankParam}
             AND EXISTS (SELECT 1 FROM loan_contracts l WHERE l.case_id = c.id))::text AS reached_signed,
         (SELECT count(*) FROM cases c WHERE ${where} AND c.assigned_bank_id = ${bankParam}
             AND EXISTS (SELECT 1 FROM repair_tasks rt WHERE rt.case_id = c.id AND rt.status = 'repaired'))::text AS reached_repaired`,
      pc.values,
    );
    const pl = new Params();
    const loanWhere = filter.loans(pl);
    const [loans] = await manager.query<{ total: string | null; n: string }[]>(
      `SELECT sum(l.amount)::text AS total, count(*)::text AS n FROM loan_contracts l JOIN cases c ON c.id = l.case_id
        WHERE ${loanWhere} AND l.bank_id = ${pl.add(bank.id)}`,
      pl.values,
    );
    const pd = new Params();
    const declineWhere = filter.cases(pd);
    const declines = await manager.query<{ reason: string; n: string }[]>(
      `SELECT coalesce(e.data->>'reason', '') AS reason, count(*)::text AS n
         FROM case_events e JOIN cases c ON c.id = e.case_id
        WHERE ${declineWhere} AND e.type = 'declined' AND e.data->>'byOrganizationId' = ${pd.add(bank.id)}::text
        GROUP BY 1`,
      pd.values,
    );
    const claims = Number(row?.['claims'] ?? 0);
    const onTime = Number(row?.['on_time'] ?? 0);
    result.push({
      bankId: bank.id,
      bankName: bank.name,
      casesAssigned: Number(row?.['assigned'] ?? 0),
      claims,
      claimsOnTime: onTime,
      claimOnTimeRate: share(BigInt(onTime), BigInt(claims)),
      declines: Number(row?.['declines'] ?? 0),
      escalations: Number(row?.['escalations'] ?? 0),
      intentionAmount: fromFen(row?.['intention'] ? toFen(row['intention']) : 0n),
      signedAmount: fromFen(loans?.total ? toFen(loans.total) : 0n),
      signedCount: Number(loans?.n ?? 0),
      funnel: funnelOf({
        ...emptyTotals(),
        reachedClaimed: Number(row?.['reached_claimed'] ?? 0),
        reachedApproved: Number(row?.['reached_approved'] ?? 0),
        reachedSigned: Number(row?.['reached_signed'] ?? 0),
        reachedRepaired: Number(row?.['reached_repaired'] ?? 0),
        declines: declines.reduce((sum, d) => sum + Number(d.n), 0),
        declinesByReason: new Map(declines.map((d) => [d.reason, Number(d.n)])),
      }),
    });
  }
  return result;
}

/** The visits each organization's people made within the filter's region and query, by organization id. */
export async function bankVisitsFromBaseTables(
  manager: EntityManager,
  filter: ReportFilter,
): Promise<Map<string, number>> {
  const p = new Params();
  const rows = await manager.query<{ key: string; n: number }[]>(
    `SELECT v.visitor_organization_id::text AS key, count(*)::int AS n FROM visits v
      WHERE ${filter.visits(p)} AND v.visitor_organization_id IS NOT NULL GROUP BY 1`,
    p.values,
  );
  return new Map(rows.map((r) => [r.key, r.n]));
}
