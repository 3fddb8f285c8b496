import type { EntityManager } from 'typeorm';
import { CASE_DAY } from './report-day-figures';
import { Params, type ReportQuery } from './report-filter';

/**
 * Sets of enterprises as bitmaps over dense ordinals (`report_enterprise_ordinals`), per campaign and day
 * and per campaign and month (`report_presence_sets`): the enterprises visited ('v'), financed ('l') or
 * with a need ('n', by its diagnosis day; per bank, the bank the need is at) in total ('t'), per bank ('b', over the ordinals of all enterprises) and per chain ('c', over the chain's own
 * ordinals, so a chain's bitmap is a few hundred bytes). The distinct enterprises of a period are the bits
 * set in the union of its whole months' bitmaps and its edge days' bitmaps: at most ~60 bitmaps of at most
 * 25 kB at province size, however many enterprises and visits.
 *
 * Bit i is byte i >> 3, bit i & 7 (least significant first); a bitmap ends at its highest set bit's byte,
 * so bitmaps of one space differ in length and a union pads the shorter ones with zeros.
 */
export type SetMeasure = 'v' | 'l' | 'n';
export type SetKind = 't' | 'b' | 'c';

/** Days per round of statements when sets are recomputed (as the day rollups). */
const DAYS_PER_CHUNK = 8;

const BITS = new Uint8Array(256).map((_, i) => {
  let n = 0;
  for (let v = i; v > 0; v >>= 1) n += v & 1;
  return n;
});

/** A bitmap with the given ordinals set. */
export function bitmapOf(ordinals: readonly number[]): Buffer {
  let max = -1;
  for (const o of ordinals) if (o > max) max = o;
  const bits = Buffer.alloc((max >> 3) + 1);
  for (const o of ordinals) bits[o >> 3] = (bits[o >> 3] ?? 0) | (1 << (o & 7));
  return bits;
}

/** The union of bitmaps of one space (a shorter one is zeros beyond its end). */
export function union(bitmaps: readonly Buffer[]): Buffer {
  let length = 0;
  for (const b of bitmaps) if (b.length > length) length = b.length;
  const out = Buffer.alloc(length);
  for (const b of bitmaps) for (let i = 0; i < b.length; i += 1) out[i] = (out[i] ?? 0) | (b[i] ?? 0);
  return out;
}

export function bitCount(bits: Buffer): number {
  let n = 0;
  for (const byte of bits) n += BITS[byte] ?? 0;
  return n;
}

const DAY_MS = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const utc = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/** The first day of the day's month. */
export function monthOf(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the next month. */
function nextMonth(day: string): string {
  const d = new Date(utc(monthOf(day)));
  return iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}

/**
 * The rows of a period: its whole months from the month bitmaps, the days before the first whole month and
 * after the last from the day bitmaps (an open end takes every month on that side).
 */
function periodCondition(from: string | undefined, to: string | undefined, p: Params): string {
  const firstWhole = from === undefined ? undefined : monthOf(from) === from ? from : nextMonth(from);
  const afterLastWhole =
    to === undefined ? undefined : nextMonth(to) === iso(utc(to) + DAY_MS) ? nextMonth(to) : monthOf(to);
  const days = ["s.grain = 'd'"];
  if (from !== undefined) days.push(`s.period >= ${p.add(from)}`);
  if (to !== undefined) days.push(`s.period <= ${p.add(to)}`);
  if (firstWhole !== undefined && afterLastWhole !== undefined && firstWhole >= afterLastWhole) {
    return `(${days.join(' AND ')})`; // no whole month: days only
  }
  const months = ["s.grain = 'm'"];
  const outside: string[] = [];
  if (firstWhole !== undefined) {
    const first = p.add(firstWhole);
    months.push(`s.period >= ${first}`);
    outside.push(`s.period < ${first}`);
  }
  if (afterLastWhole !== undefined) {
    const after = p.add(afterLastWhole);
    months.push(`s.period < ${after}`);
    outside.push(`s.period >= ${after}`);
  }
  if (outside.length === 0) return `(${months.join(' AND ')})`;
  return `((${months.join(' AND ')}) OR (${days.join(' AND ')} AND (${outside.join(' OR ')})))`;
}

/** Distinct enterprises of the query's campaign (or all) and period, per key of the kind (or one key). */
export async function presenceSetCounts(
  manager: EntityManager,
  selection: { measure: SetMeasure; kind: SetKind; query: ReportQuery; key?: string },
): Promise<Map<string, number>> {
  const p = new Params();
  const where = [`s.measure = ${p.add(selection.measure)}`, `s.kind = ${p.add(selection.kind)}`];
  if (selection.query.campaignId !== undefined) where.push(`s.campaign_id = ${p.add(selection.query.campaignId)}`);
  if (selection.key !== undefined) where.push(`s.key = ${p.add(selection.key)}`);
  where.push(periodCondition(selection.query.from, selection.query.to, p));
  const rows = await manager.query<{ key: string; bits: Buffer }[]>(
    `SELECT s.key, s.bits FROM report_presence_sets s WHERE ${where.join(' AND ')}`,
    p.values,
  );
  const byKey = new Map<string, Buffer[]>();
  for (const row of rows) {
    const bitmaps = byKey.get(row.key);
    if (bitmaps === undefined) byKey.set(row.key, [row.bits]);
    else bitmaps.push(row.bits);
  }
  return new Map([...byKey].map(([key, bitmaps]) => [key, bitCount(union(bitmaps))]));
}

/**
 * Recomputes the day bitmaps of some days of one campaign from the base tables, and the month bitmaps of
 * their months from the day bitmaps. Enterprises first seen get the next ordinals of their spaces.
 */
export async function refreshPresenceSets(manager: EntityManager, campaignId: string, days: string[]): Promise<void> {
  for (let i = 0; i < days.length; i += DAYS_PER_CHUNK) {
    await daySets(manager, campaignId, days.slice(i, i + DAYS_PER_CHUNK));
  }
  for (const month of [...new Set(days.map(monthOf))].sort()) await monthSets(manager, campaignId, month);
}

/** A day's visits, contracts and needs: enterprise, chain key and bank. */
const SOURCES = `
  visited AS MATERIALIZED (
    SELECT DISTINCT v.visited_on AS day, v.enterprise_id, coalesce(e.chain_id::text, '') AS chain,
           v.visitor_organization_id::text AS bank
      FROM visits v JOIN enterprises e ON e.id = v.enterprise_id
     WHERE v.campaign_id = $1 AND v.visited_on = ANY($2::date[])),
  financed AS MATERIALIZED (
    SELECT DISTINCT l.signed_on AS day, c.enterprise_id, coalesce(c.chain_id::text, '') AS chain, l.bank_id::text AS bank
      FROM loan_contracts l JOIN cases c ON c.id = l.case_id
     WHERE c.campaign_id = $1 AND l.signed_on = ANY($2::date[])),
  needed AS MATERIALIZED (
    SELECT DISTINCT ${CASE_DAY} AS day, c.enterprise_id, coalesce(c.chain_id::text, '') AS chain,
           c.assigned_bank_id::text AS bank
      FROM cases c
     WHERE c.campaign_id = $1 AND ${CASE_DAY} = ANY($2::date[]))`;

async function daySets(manager: EntityManager, campaignId: string, days: string[]): Promise<void> {
  const params = [campaignId, days];
  // The refresh holds its advisory lock: no other process allocates ordinals meanwhile.
  await manager.query(
    `WITH ${SOURCES},
     wanted AS (
       SELECT 't' AS space, enterprise_id FROM visited UNION SELECT 't', enterprise_id FROM financed
       UNION SELECT 't', enterprise_id FROM needed
       UNION SELECT 'c:' || chain, enterprise_id FROM visited UNION SELECT 'c:' || chain, enterprise_id FROM financed
       UNION SELECT 'c:' || chain, enterprise_id FROM needed),
     missing AS (
       SELECT w.space, w.enterprise_id FROM wanted w
        WHERE NOT EXISTS (SELECT 1 FROM report_enterprise_ordinals o
                           WHERE o.space = w.space AND o.enterprise_id = w.enterprise_id)),
     -- Once per space: inline, the max would run per inserted row and scan back over the statement's own rows.
     base AS MATERIALIZED (
       SELECT space, coalesce((SELECT max(o.ordinal) FROM report_enterprise_ordinals o WHERE o.space = m.space), -1) AS top
         FROM (SELECT DISTINCT space FROM missing) m)
     INSERT INTO report_enterprise_ordinals (space, enterprise_id, ordinal)
     SELECT m.space, m.enterprise_id, b.top + row_number() OVER (PARTITION BY m.space ORDER BY m.enterprise_id)
       FROM missing m JOIN base b ON b.space = m.space`,
    params,
  );
  const sets = await manager.query<
    { day: string; measure: SetMeasure; kind: SetKind; key: string; ordinals: number[] }[]
  >(
    `WITH ${SOURCES},
     sources AS (
       SELECT 'v' AS measure, day, enterprise_id, chain, bank FROM visited
       UNION ALL SELECT 'l', day, enterprise_id, chain, bank FROM financed
       UNION ALL SELECT 'n', day, enterprise_id, chain, bank FROM needed)
     SELECT s.day::text AS day, s.measure, 't' AS kind, '' AS key, array_agg(o.ordinal) AS ordinals
       FROM sources s JOIN report_enterprise_ordinals o ON o.space = 't' AND o.enterprise_id = s.enterprise_id
      GROUP BY s.day, s.measure
     UNION ALL
     SELECT s.day::text, s.measure, 'b', s.bank, array_agg(o.ordinal)
       FROM sources s JOIN report_enterprise_ordinals o ON o.space = 't' AND o.enterprise_id = s.enterprise_id
      WHERE s.bank IS NOT NULL GROUP BY s.day, s.measure, s.bank
     UNION ALL
     SELECT s.day::text, s.measure, 'c', s.chain, array_agg(o.ordinal)
       FROM sources s JOIN report_enterprise_ordinals o ON o.space = 'c:' || s.chain AND o.enterprise_id = s.enterprise_id
      GROUP BY s.day, s.measure, s.chain`,
    params,
  );
  await manager.query(
    `DELETE FROM report_presence_sets WHERE campaign_id = $1 AND grain = 'd' AND period = ANY($2::date[])`,
    params,
  );
  await insertSets(
    manager,
    campaignId,
    'd',
    sets.map((s) => ({ period: s.day, measure: s.measure, kind: s.kind, key: s.key, bits: bitmapOf(s.ordinals) })),
  );
}

async function monthSets(manager: EntityManager, campaignId: string, month: string): Promise<void> {
  const days = await manager.query<{ measure: SetMeasure; kind: SetKind; key: string; bits: Buffer }[]>(
    `SELECT measure, kind, key, bits FROM report_presence_sets
      WHERE campaign_id = $1 AND grain = 'd' AND period >= $2 AND period < $3`,
    [campaignId, month, nextMonth(month)],
  );
  const grouped = new Map<string, { measure: SetMeasure; kind: SetKind; key: string; bitmaps: Buffer[] }>();
  for (const d of days) {
    const id = `${d.measure}|${d.kind}|${d.key}`;
    const found = grouped.get(id) ?? { measure: d.measure, kind: d.kind, key: d.key, bitmaps: [] };
    found.bitmaps.push(d.bits);
    grouped.set(id, found);
  }
  await manager.query(`DELETE FROM report_presence_sets WHERE campaign_id = $1 AND grain = 'm' AND period = $2`, [
    campaignId,
    month,
  ]);
  await insertSets(
    manager,
    campaignId,
    'm',
    [...grouped.values()].map((g) => ({
      period: month,
      measure: g.measure,
      kind: g.kind,
      key: g.key,
      bits: union(g.bitmaps),
    })),
  );
}

async function insertSets(
  manager: EntityManager,
  campaignId: string,
  grain: 'd' | 'm',
  sets: { period: string; measure: SetMeasure; kind: SetKind; key: string; bits: Buffer }[],
): Promise<void> {
  for (let i = 0; i < sets.length; i += 500) {
    const batch = sets.slice(i, i + 500);
    await manager.query(
      `INSERT INTO report_presence_sets (campaign_id, measure, kind, key, grain, period, bits)
       SELECT $1, s.measure, s.kind, s.key, $2, s.period, s.bits
         FROM unnest($3::text[], $4::text[], $5::text[], $6::date[], $7::bytea[]) AS s(measure, kind, key, period, bits)`,
      [
        campaignId,
        grain,
        batch.map((s) => s.measure),
        batch.map((s) => s.kind),
        batch.map((s) => s.key),
        batch.map((s) => s.period),
        batch.map((s) => s.bits),
      ],
    );
  }
}
