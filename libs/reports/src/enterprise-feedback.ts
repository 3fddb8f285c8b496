import type { Actor } from '@unblock/domain';
import type { EntityManager } from 'typeorm';
import { share } from './campaign-figures';
import { Params, ReportFilter, type ReportQuery } from './report-filter';

/** The enterprises' word on the cases of a bank or chain (from their own page). */
export class FeedbackFigures {
  /** Cases whose enterprise answered whether the bank contacted it. */
  contactAnswers!: number;
  contactsConfirmed!: number;
  /** contactsConfirmed / contactAnswers, 4 decimals; null without answers. */
  contactConfirmedShare!: string | null;
  /** Answers that the bank did not make contact. */
  disputes!: number;
  ratings!: number;
  /** The mean score 1–5, 2 decimals; null without ratings. */
  averageRating!: string | null;
}

interface FeedbackRow {
  key: string;
  answers: string;
  confirmed: string;
  disputes: string;
  ratings: string;
  average: string | null;
}

export const NO_FEEDBACK: FeedbackFigures = {
  contactAnswers: 0,
  contactsConfirmed: 0,
  contactConfirmedShare: null,
  disputes: 0,
  ratings: 0,
  averageRating: null,
};

/**
 * The enterprises' feedback on the cases the report's filters hold, per bank (the bank holding the case, or
 * its claimer's), per chain, or per region of that many leading digits of the case's region (a number). A
 * plain aggregate over `feedback` (one row per case that has any), not a rollup: feedback rows are few
 * beside visits and cases.
 */
export async function feedbackFigures(
  manager: EntityManager,
  actor: Actor,
  query: ReportQuery,
  by: 'bank' | 'chain' | number,
): Promise<Map<string, FeedbackFigures>> {
  const params = new Params();
  const where = new ReportFilter(actor, query).cases(params);
  const key =
    typeof by === 'number'
      ? `rpad(substr(c.region_code, 1, ${Math.trunc(by)}), 6, '0')`
      : by === 'chain'
        ? 'c.chain_id'
        : 'COALESCE(c.assigned_bank_id, u.organization_id)';
  const rows = await manager.query<FeedbackRow[]>(
    `SELECT ${key}::text AS key,
            count(f.contact_confirmed)::text AS answers,
            count(*) FILTER (WHERE f.contact_confirmed)::text AS confirmed,
            count(*) FILTER (WHERE NOT f.contact_confirmed)::text AS disputes,
            count(f.score)::text AS ratings,
            round(avg(f.score), 2)::text AS average
       FROM feedback f
       JOIN cases c ON c.id = f.case_id
       LEFT JOIN users u ON u.id = c.claimed_by_user_id
      WHERE ${where} AND ${key} IS NOT NULL
      GROUP BY 1`,
    params.values,
  );
  return new Map(
    rows.map((r) => [
      r.key,
      {
        contactAnswers: Number(r.answers),
        contactsConfirmed: Number(r.confirmed),
        contactConfirmedShare: share(BigInt(r.confirmed), BigInt(r.answers)),
        disputes: Number(r.disputes),
        ratings: Number(r.ratings),
        averageRating: r.average,
      },
    ]),
  );
}
