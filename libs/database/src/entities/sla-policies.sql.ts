/**
 * A campaign's SLA plan: its policy (or the default policy when it names none) and that policy's calendar.
 * `campaignId` is an SQL expression: a parameter, or a column of an enclosing query, which then reads the
 * plan in its own statement.
 */
function planJoin(campaignId: string, columns: string): string {
  return `SELECT ${columns}
            FROM (SELECT 1) AS one
            LEFT JOIN campaigns sc ON sc.id = ${campaignId}
            JOIN LATERAL (
              SELECT *, xmin AS row_version FROM sla_policies
               WHERE CASE WHEN sc.sla_policy_id IS NOT NULL THEN id = sc.sla_policy_id ELSE is_default END
               LIMIT 1) p ON true
            LEFT JOIN calendars cal ON cal.id = p.calendar_id`;
}

/** Which policy and calendar, at which row versions: a plan's stamp, unique to what it was read from. */
const STAMP = `concat_ws(':', p.id, p.row_version, cal.id, cal.xmin) AS stamp`;

/** The stamp of one campaign's plan (one row `stamp`; none when no policy applies). */
export function slaPlanStampSql(campaignId: string): string {
  return planJoin(campaignId, STAMP);
}

/** One campaign's plan: its durations, its calendar's days and its stamp (a `SlaPlanRow`; none: no policy). */
export function slaPlanSql(campaignId: string): string {
  return planJoin(
    campaignId,
    `p.screening, p.claim, p.first_contact, p.decision, p.signing, p.repair, p.remind_before, p.level_two_after,
     cal.id AS calendar_id, cal.holidays::text[] AS holidays, cal.workdays::text[] AS workdays, ${STAMP}`,
  );
}

export interface SlaPlanRow {
  screening: string;
  claim: string;
  first_contact: string;
  decision: string;
  signing: string;
  repair: string;
  remind_before: string;
  level_two_after: string;
  calendar_id: string | null;
  holidays: string[] | null;
  workdays: string[] | null;
  stamp: string;
}
