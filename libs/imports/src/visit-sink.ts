import {
  CAMPAIGNS_BY_ID,
  CLIENT_REFS_TAKEN,
  COPY_VISITS,
  ENSURE_VISITS_MONTH,
  ENTERPRISES_BY_ID,
  ENTERPRISES_BY_USCC,
  MARK_VISIT_DAYS,
  uuidV7,
} from '@unblock/database';
import {
  VISIT_KINDS,
  canReadRegion,
  isValidUscc,
  isWithinRegion,
  normalizeUscc,
  type Actor,
  type VisitKind,
} from '@unblock/domain';
import type { PoolClient } from 'pg';
import type { ColumnIndex } from './columns';
import type { FileRecord } from './records';
import {
  UUID,
  cellReader,
  copyField,
  copyLines,
  isIsoDate,
  type BatchOutcome,
  type ImportSink,
  type ReadQuery,
  type RowError,
} from './sink';

interface Campaign {
  readonly regionCode: string;
  readonly kind: string;
  readonly startsOn: string;
  readonly endsOn: string;
}

interface Enterprise {
  readonly id: string;
  readonly regionCode: string;
}

/** A batch's rows that passed `parse`, and which of their client references were used before. */
interface PreparedVisits {
  readonly parsed: readonly ParsedVisit[];
  readonly taken: ReadonlySet<string>;
}

interface ParsedVisit {
  readonly row: number;
  readonly uscc: string | null;
  readonly enterpriseId: string | null;
  readonly campaignId: string;
  readonly visitedOn: string;
  readonly kind: VisitKind;
  readonly summary: string;
  readonly clientRef: string | null;
}

const KINDS = new Set<string>(VISIT_KINDS);
const CLIENT_REF = /^[A-Za-z0-9._:-]{1,100}$/u;
const MAX_SUMMARY = 4000;
const CACHE_LIMIT = 500_000;

/**
 * Visit rows, by the rules of `POST /visits`: the enterprise (by `enterpriseUscc` or `enterpriseId`) in the
 * uploader's region, a campaign covering it (a bank manager: a gm_visits campaign only), `visitedOn` within the
 * campaign and not in the future, a known kind. The uploader is the visitor; a `clientRef` used before by the
 * same visitor (or earlier in the file) rejects the row.
 */
export class VisitSink implements ImportSink<ParsedVisit, PreparedVisits> {
  private readonly campaigns = new Map<string, Campaign | null>();
  private readonly enterprisesByUscc = new Map<string, Enterprise | null>();
  private readonly enterprisesById = new Map<string, Enterprise | null>();
  private readonly cell: (record: FileRecord, name: string) => string;
  /** Codes as written in the file → normalized (null: not a valid code). */
  private readonly usccs = new Map<string, string | null>();
  /** The client references of the batch last written. */
  private written = new Set<string>();
  /** The months (YYYY-MM-01) whose partition of visits is known to exist. */
  private readonly months = new Set<string>();

  constructor(
    private readonly actor: Actor,
    columns: ColumnIndex,
    /** Today in Asia/Shanghai (YYYY-MM-DD): later visits are refused. */
    private readonly today: string,
  ) {
    this.cell = cellReader(columns);
  }

  /**
   * Which of the batch's client references the visitor used before, by the visits committed so far: read
   * while the previous batch is being written (so `write` adds that batch's references).
   */
  async prepare(parsed: readonly ParsedVisit[], read: ReadQuery): Promise<PreparedVisits> {
    const refs: string[] = [];
    for (const v of parsed) if (v.clientRef !== null) refs.push(v.clientRef);
    const taken = new Set<string>();
    if (refs.length > 0) {
      const rows = await read<{ client_ref: string }>(CLIENT_REFS_TAKEN, [this.actor.userId, refs]);
      for (const r of rows) taken.add(r.client_ref);
    }
    return { parsed, taken };
  }

  async write(
    client: PoolClient,
    { parsed, taken }: PreparedVisits,
    rejected: readonly RowError[],
  ): Promise<BatchOutcome> {
    const errors = [...rejected];
    await this.load(client, parsed);
    // The batch written before this one may not have committed when `prepare` read.
    const previous = this.written;
    this.written = new Set<string>();
    const lines: string[] = [];
    const months = new Set<string>();
    const days = new Set<string>();
    const organization = copyField(this.actor.organizationId);
    const visitor = this.actor.userId;
    for (const v of parsed) {
      const enterprise =
        v.uscc !== null ? this.enterprisesByUscc.get(v.uscc) : this.enterprisesById.get(v.enterpriseId ?? '');
      const field = v.uscc !== null ? 'enterpriseUscc' : 'enterpriseId';
      if (!enterprise || !canReadRegion(this.actor, enterprise.regionCode)) {
        errors.push({ row: v.row, field, reason: 'no enterprise in your region has this code' });
        continue;
      }
      const campaign = this.campaigns.get(v.campaignId);
      if (
        !campaign ||
        !(
          isWithinRegion(enterprise.regionCode, campaign.regionCode) ||
          isWithinRegion(campaign.regionCode, enterprise.regionCode)
        )
      ) {
        errors.push({ row: v.row, field: 'campaignId', reason: 'no campaign covering this enterprise has this id' });
        continue;
      }
      if (this.actor.role === 'bank_manager' && campaign.kind !== 'gm_visits') {
        errors.push({
          row: v.row,
          field: 'campaignId',
          reason: 'a bank manager records visits of a gm_visits campaign only',
        });
        continue;
      }
      if (v.visitedOn < campaign.startsOn || v.visitedOn > campaign.endsOn) {
        errors.push({
          row: v.row,
          field: 'visitedOn',
          reason: `must fall within the campaign (${campaign.startsOn} to ${campaign.endsOn})`,
        });
        continue;
      }
      if (v.clientRef !== null) {
        if (taken.has(v.clientRef) || previous.has(v.clientRef) || this.written.has(v.clientRef)) {
          errors.push({ row: v.row, field: 'clientRef', reason: 'you recorded a visit with this clientRef before' });
          continue;
        }
        this.written.add(v.clientRef);
      }
      months.add(`${v.visitedOn.slice(0, 8)}01`);
      days.add(`${v.campaignId} ${v.visitedOn}`);
      // A line of COPY_VISITS: its columns, in its order.
      lines.push(
        `${uuidV7()}\t${v.campaignId}\t${enterprise.id}\t${enterprise.regionCode}\t${v.visitedOn}\t${v.kind}\t${visitor}\t${organization}\t${copyField(v.summary)}\t${copyField(v.clientRef)}\n`,
      );
    }
    for (const month of months) {
      if (this.months.has(month)) continue;
      await client.query(ENSURE_VISITS_MONTH, [month]);
      this.months.add(month);
    }
    await copyLines(client, COPY_VISITS, lines);
    if (days.size > 0) {
      const pairs = [...days].map((d) => d.split(' '));
      await client.query(MARK_VISIT_DAYS, [pairs.map((p) => p[0]), pairs.map((p) => p[1])]);
    }
    errors.sort((a, b) => a.row - b.row);
    return { accepted: lines.length, errors };
  }

  parse(record: FileRecord): ParsedVisit | RowError {
    const row = record.row;
    const rawUscc = this.cell(record, 'enterpriseUscc');
    const enterpriseId = this.cell(record, 'enterpriseId').toLowerCase();
    let uscc: string | null = null;
    if (rawUscc !== '') {
      uscc = this.validUscc(rawUscc);
      if (uscc === null) {
        return {
          row,
          field: 'enterpriseUscc',
          reason: 'must be an 18-character unified social credit code with a valid check character',
        };
      }
    } else if (enterpriseId === '') {
      return { row, field: 'enterpriseUscc', reason: 'enterpriseUscc or enterpriseId is required' };
    } else if (!UUID.test(enterpriseId)) {
      return { row, field: 'enterpriseId', reason: 'must be a UUID' };
    }
    const campaignId = this.cell(record, 'campaignId').toLowerCase();
    if (!UUID.test(campaignId)) return { row, field: 'campaignId', reason: 'must be a UUID' };
    const visitedOn = this.cell(record, 'visitedOn');
    if (!isIsoDate(visitedOn)) return { row, field: 'visitedOn', reason: 'must be a date (YYYY-MM-DD)' };
    if (visitedOn > this.today) return { row, field: 'visitedOn', reason: 'must not be in the future' };
    const kind = this.cell(record, 'kind');
    if (!KINDS.has(kind)) return { row, field: 'kind', reason: `must be one of ${VISIT_KINDS.join(', ')}` };
    const summary = this.cell(record, 'summary');
    if (summary.length > MAX_SUMMARY) {
      return { row, field: 'summary', reason: `must be at most ${MAX_SUMMARY} characters` };
    }
    const clientRef = this.cell(record, 'clientRef');
    if (clientRef !== '' && !CLIENT_REF.test(clientRef)) {
      return { row, field: 'clientRef', reason: 'must be 1-100 letters, digits, ".", "_", ":" or "-"' };
    }
    return {
      row,
      uscc,
      enterpriseId: uscc === null ? enterpriseId : null,
      campaignId,
      visitedOn,
      kind: kind as VisitKind,
      summary,
      clientRef: clientRef === '' ? null : clientRef,
    };
  }

  /** A code as written in the file, normalized, or null when its check character is wrong (remembered). */
  private validUscc(raw: string): string | null {
    let known = this.usccs.get(raw);
    if (known === undefined) {
      if (this.usccs.size >= CACHE_LIMIT) this.usccs.clear();
      const uscc = normalizeUscc(raw);
      known = isValidUscc(uscc) ? uscc : null;
      this.usccs.set(raw, known);
    }
    return known;
  }

  /** Loads the enterprises and campaigns the batch names and the caches lack, in one query each. */
  private async load(client: PoolClient, parsed: readonly ParsedVisit[]): Promise<void> {
    if (this.enterprisesByUscc.size + this.enterprisesById.size > CACHE_LIMIT) {
      this.enterprisesByUscc.clear();
      this.enterprisesById.clear();
    }
    const usccs = new Set<string>();
    const ids = new Set<string>();
    const campaigns = new Set<string>();
    for (const v of parsed) {
      if (v.uscc !== null && !this.enterprisesByUscc.has(v.uscc)) usccs.add(v.uscc);
      if (v.enterpriseId !== null && !this.enterprisesById.has(v.enterpriseId)) ids.add(v.enterpriseId);
      if (!this.campaigns.has(v.campaignId)) campaigns.add(v.campaignId);
    }
    if (usccs.size > 0) {
      const found = await client.query<{ id: string; uscc: string; region_code: string }>(ENTERPRISES_BY_USCC, [
        [...usccs],
      ]);
      for (const uscc of usccs) this.enterprisesByUscc.set(uscc, null);
      for (const e of found.rows) this.enterprisesByUscc.set(e.uscc, { id: e.id, regionCode: e.region_code });
    }
    if (ids.size > 0) {
      const found = await client.query<{ id: string; region_code: string }>(ENTERPRISES_BY_ID, [[...ids]]);
      for (const id of ids) this.enterprisesById.set(id, null);
      for (const e of found.rows) this.enterprisesById.set(e.id, { id: e.id, regionCode: e.region_code });
    }
    if (campaigns.size > 0) {
      const found = await client.query<{
        id: string;
        region_code: string;
        kind: string;
        starts_on: string;
        ends_on: string;
      }>(CAMPAIGNS_BY_ID, [[...campaigns]]);
      for (const id of campaigns) this.campaigns.set(id, null);
      for (const c of found.rows) {
        this.campaigns.set(c.id, { regionCode: c.region_code, kind: c.kind, startsOn: c.starts_on, endsOn: c.ends_on });
      }
    }
  }
}
