import { readScope, regionCodeRange, type Actor } from '@unblock/domain';
import type { EntityManager } from 'typeorm';
import { Params, type ReportQuery } from './report-filter';

/** The second diagnoses (二次诊断) of a campaign: repair tasks opened, their outcomes, and what came of them. */
export class RepairFigures {
  /** Repair tasks opened (on the days asked, by when they were opened). */
  opened!: number;
  repaired!: number;
  notRepairable!: number;
  /** Still open now, and of those past their due date. */
  open!: number;
  overdue!: number;
  /** Cases that came back repaired and then had a loan signed: how many, and their signed amount (yuan). */
  signedAfterRepair!: number;
  signedAmountAfterRepair!: string;
}

/**
 * The repair figures of the cases the reader may see, read from the repair tasks themselves: one row per
 * repairable decline repaired or not, far fewer than the visits the rollups exist for. A bank manager reads
 * those of the declines of their own bank.
 */
export async function repairFigures(
  manager: EntityManager,
  actor: Actor,
  query: ReportQuery,
  now: Date,
): Promise<RepairFigures> {
  const p = new Params();
  const where: string[] = [];
  if (query.campaignId !== undefined) where.push(`c.campaign_id = ${p.add(query.campaignId)}`);
  for (const code of [readScope(actor), query.regionCode]) {
    if (code === null || code === undefined) continue;
    const [low, high] = regionCodeRange(code);
    where.push(`c.region_code BETWEEN ${p.add(low)} AND ${p.add(high)}`);
  }
  if (actor.role === 'bank_manager') {
    where.push(`rt.declined_by_organization_id = ${p.add(actor.organizationId)}::uuid`);
  }
  if (query.from !== undefined) {
    where.push(`(rt.opened_at AT TIME ZONE 'Asia/Shanghai')::date >= ${p.add(query.from)}::date`);
  }
  if (query.to !== undefined) {
    where.push(`(rt.opened_at AT TIME ZONE 'Asia/Shanghai')::date <= ${p.add(query.to)}::date`);
  }
  const at = p.add(now);
  const [row] = await manager.query<Record<string, string>[]>(
    `WITH tasks AS (
       SELECT rt.case_id, rt.status, rt.due_at, c.status AS case_status, c.signed_amount,
              o.met_at IS NULL AND o.cancelled_at IS NULL AS running
         FROM repair_tasks rt JOIN cases c ON c.id = rt.case_id JOIN case_obligations o ON o.id = rt.obligation_id
        ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}),
     signed AS (SELECT DISTINCT case_id, signed_amount FROM tasks WHERE status = 'repaired' AND case_status = 'loan_signed')
     SELECT count(*)::text AS opened,
            count(*) FILTER (WHERE status = 'repaired')::text AS repaired,
            count(*) FILTER (WHERE status = 'not_repairable')::text AS not_repairable,
            count(*) FILTER (WHERE status = 'open' AND running)::text AS open,
            count(*) FILTER (WHERE status = 'open' AND running AND due_at < ${at}::timestamptz)::text AS overdue,
            (SELECT count(*) FROM signed)::text AS signed,
            (SELECT COALESCE(sum(signed_amount), 0)::numeric(18,2)::text FROM signed) AS signed_amount
       FROM tasks`,
    p.values,
  );
  return {
    opened: Number(row?.['opened'] ?? 0),
    repaired: Number(row?.['repaired'] ?? 0),
    notRepairable: Number(row?.['not_repairable'] ?? 0),
    open: Number(row?.['open'] ?? 0),
    overdue: Number(row?.['overdue'] ?? 0),
    signedAfterRepair: Number(row?.['signed'] ?? 0),
    signedAmountAfterRepair: row?.['signed_amount'] ?? '0.00',
  };
}
