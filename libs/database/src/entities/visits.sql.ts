import { SqlParams } from '../sql-params';
import { auditRecordsInsert, type AuditStamp } from './audit-records.sql';
import type { Statement } from './cases.sql';

/** An earlier visit of the same enterprise within this many days warns `recent_visit`. */
export const RECENT_VISIT_DAYS = 14;

/**
 * What a new visit is checked against, in one row: the enterprise ($1) and the campaign ($2) as they are
 * now (their columns null when they do not exist).
 */
export const VISIT_SCOPE = `SELECT e.id AS enterprise_id, e.region_code AS enterprise_region, c.id AS campaign_id,
       c.region_code AS campaign_region, c.kind AS campaign_kind,
       c.starts_on::text AS starts_on, c.ends_on::text AS ends_on
  FROM (SELECT 1) AS one
  LEFT JOIN enterprises e ON e.id = $1
  LEFT JOIN campaigns c ON c.id = $2`;

/** A new visit's values, and the enterprise's and campaign's as they were checked. */
export interface VisitInsert {
  readonly campaignId: string;
  readonly enterpriseId: string;
  readonly regionCode: string;
  readonly visitedOn: string;
  readonly kind: string;
  readonly visitorUserId: string;
  readonly visitorOrganizationId: string | null;
  readonly summary: string;
  readonly clientRef: string | null;
  readonly campaignRegion: string;
  readonly campaignKind: string;
  readonly startsOn: string;
  readonly endsOn: string;
}

/**
 * One statement: the INSERT of a visit, made only while the enterprise and the campaign are still as checked
 * (`scope_ok`), answering the new row and whether the enterprise was visited recently (`recent`), its day
 * marked stale for the report rollups, and its audit record. With a `clientRef`, only when the visitor has no visit with it on any day, and ON CONFLICT DO
 * NOTHING (a concurrent retry of the same day: the unique index is per visitor, reference and day, since visits
 * are partitioned by day); without one nothing can conflict (a null reference is unique), and a plain INSERT
 * skips the speculative insertion that ON CONFLICT costs.
 */
/** A visit with a client reference: written only when the visitor has not used it, on any day. */
const CLIENT_REF_FREE = `AND NOT EXISTS (SELECT 1 FROM visits r WHERE r.visitor_user_id = CAST($6 AS uuid) AND r.client_ref = CAST($9 AS varchar))
      ON CONFLICT DO NOTHING`;

export function recordVisitStatement(visit: VisitInsert, audit?: AuditStamp): Statement {
  const params = new SqlParams([
    visit.campaignId,
    visit.enterpriseId,
    visit.regionCode,
    visit.visitedOn,
    visit.kind,
    visit.visitorUserId,
    visit.visitorOrganizationId,
    visit.summary,
    visit.clientRef,
    visit.campaignRegion,
    visit.campaignKind,
    visit.startsOn,
    visit.endsOn,
  ]);
  const audited = audit === undefined ? '' : `, audited AS (${auditRecordsInsert(audit, 'made', 201, params.add)})`;
  const text = `WITH still AS (
      SELECT EXISTS (SELECT 1 FROM enterprises WHERE id = $2 AND region_code = $3)
         AND EXISTS (SELECT 1 FROM campaigns WHERE id = $1 AND region_code = $10 AND kind = $11
                        AND starts_on = CAST($12 AS date) AND ends_on = CAST($13 AS date)) AS ok)
    , made AS (
      INSERT INTO visits (campaign_id, enterprise_id, region_code, visited_on, kind, visitor_user_id,
                          visitor_organization_id, summary, client_ref)
      SELECT $1, $2, $3, CAST($4 AS date), $5, $6, $7, $8, $9 FROM still WHERE still.ok
      ${visit.clientRef === null ? '' : CLIENT_REF_FREE}
      RETURNING *, EXISTS (
        SELECT 1 FROM visits v
         WHERE v.enterprise_id = $2 AND v.id <> visits.id
           AND v.visited_on BETWEEN (CAST($4 AS date) - ${RECENT_VISIT_DAYS}) AND CAST($4 AS date)) AS recent)
    , marked AS (INSERT INTO report_dirty_days (campaign_id, day) SELECT campaign_id, visited_on FROM made)
    ${audited}
    SELECT made.*, still.ok AS scope_ok FROM still LEFT JOIN made ON true`;
  return { text, values: params.values };
}

/**
 * Visits imported from a file: COPY's text format, one line per visit with these columns in this order,
 * tab-separated: id (a time-ordered `uuidV7`), campaign_id, enterprise_id, region_code, visited_on, kind,
 * visitor_user_id, visitor_organization_id, summary, client_ref.
 */
export const COPY_VISITS = `COPY visits (id, campaign_id, enterprise_id, region_code, visited_on, kind, visitor_user_id, visitor_organization_id, summary, client_ref) FROM STDIN`;

/**
 * Marks the days of visits just written stale for the report rollups: $1 campaign ids, $2 days, pairwise (in
 * the transaction that wrote them; visits have no trigger, which would make COPY into partitions row by row).
 */
export const MARK_VISIT_DAYS = `INSERT INTO report_dirty_days (campaign_id, day)
  SELECT * FROM unnest($1::uuid[], $2::date[])`;

/** Makes the partition of the month of $1 unless it exists (moving that month's visits out of the default one). */
export const ENSURE_VISITS_MONTH = `SELECT visits_ensure_month(CAST($1 AS date)) AS partition`;

/** Detaches the partition of the month of $1 into the `archive` schema; answers its name, or null when none. */
export const ARCHIVE_VISITS_MONTH = `SELECT visits_archive_month(CAST($1 AS date)) AS archived`;

/**
 * Which of the client references $2 the visitor $1 has used, on any day: each month's partition walks its
 * `(visitor_user_id, client_ref, visited_on)` index once for the whole sorted list (an index scan with an array
 * condition), which costs about half of a probe per reference and month (a lateral join's rescans).
 */
export const CLIENT_REFS_TAKEN = `SELECT client_ref FROM visits
  WHERE visitor_user_id = $1 AND client_ref = ANY(CAST($2 AS varchar[]))`;
