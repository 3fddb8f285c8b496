import { createHash } from 'node:crypto';
import type { DiagnoseCaseUseCase } from '@unblock/cases';
import { CAMPAIGNS_BY_ID, CAMPAIGNS_BY_NAME, ENTERPRISES_BY_NAME, ENTERPRISES_BY_USCC } from '@unblock/database';
import {
  BOTTLENECKS,
  DomainError,
  PURPOSES,
  TERMS,
  canReadRegion,
  fromFen,
  isValidUscc,
  isWithinRegion,
  normalizeUscc,
  parseAmountText,
  type Actor,
  type Bottleneck,
  type Purpose,
  type Term,
} from '@unblock/domain';
import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import type { ColumnIndex } from './columns';
import type { FileRecord } from './file-record';
import { UUID, cellReader, type BatchOutcome, type ImportSink, type RowError } from './sink';

/** The sources a 申报清单 row may name: a phone call or the list itself (the default). */
type ListSource = 'phone' | 'list';

interface ParsedNeed {
  readonly row: number;
  readonly uscc: string | null;
  readonly enterpriseName: string | null;
  /** The campaign by id (a column, or the import's own), or by name. */
  readonly campaignId: string | null;
  readonly campaignName: string | null;
  readonly requestedAmount: string;
  readonly purpose: Purpose;
  readonly term: Term;
  readonly bottlenecks: readonly Bottleneck[];
  readonly note: string;
  readonly source: ListSource;
}

interface Place {
  readonly id: string;
  readonly regionCode: string;
}

/** The words a 申报清单 writes for each code, besides the code itself (as the console's zh-CN catalogue says them). */
const PURPOSE_WORDS: Readonly<Record<string, Purpose>> = {
  流动资金: 'working_capital',
  设备更新: 'equipment_upgrade',
  扩大产能: 'capacity_expansion',
  技术研发: 'technology_rd',
  贸易融资: 'trade_finance',
  绿色转型: 'green_transition',
  其他: 'other',
};
const TERM_WORDS: Readonly<Record<string, Term>> = {
  短期: 'short',
  '短期（一年以内）': 'short',
  中长期: 'medium_long',
};
const BOTTLENECK_WORDS: Readonly<Record<string, Bottleneck>> = {
  抵押物不足: 'collateral_shortage',
  信用记录薄弱: 'weak_credit_history',
  融资成本高: 'high_financing_cost',
  信息不对称: 'information_asymmetry',
  审批慢: 'slow_approval',
  缺少担保: 'guarantee_missing',
  不了解政策: 'policy_awareness',
  其他: 'other',
};
const SOURCE_WORDS: Readonly<Record<string, ListSource>> = {
  phone: 'phone',
  list: 'list',
  电话: 'phone',
  清单: 'list',
};

const MAX_NOTE = 4000;
const MAX_NAME = 200;

function word<T extends string>(value: string, codes: readonly T[], words: Readonly<Record<string, T>>): T | null {
  if ((codes as readonly string[]).includes(value)) return value as T;
  return words[value] ?? null;
}

/** The row key of a need: the same need in a file sent again finds its case and adds nothing. */
function intakeKey(campaignId: string, enterpriseId: string, need: ParsedNeed): string {
  const fields = [
    campaignId,
    enterpriseId,
    need.source,
    need.requestedAmount,
    need.purpose,
    need.term,
    [...need.bottlenecks].sort().join(','),
    need.note,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/**
 * Rows of a 申报清单, by the rules of `POST /cases` with source `phone` or `list`: the enterprise by its code
 * (统一社会信用代码) or its name (企业名称), in the uploader's region; the campaign by name (专项行动), by id,
 * or the import's own; an amount as people write it ("800万"); purpose, term and bottlenecks by code or in
 * Chinese. Each row becomes a case through `DiagnoseCaseUseCase` (numbered, routed, its SLA clock started),
 * in the batch's transaction; a row whose key an earlier case carries is already there and adds nothing.
 */
export class NeedSink implements ImportSink<ParsedNeed, readonly ParsedNeed[]> {
  private readonly cell: (record: FileRecord, name: string) => string;

  constructor(
    private readonly actor: Actor,
    columns: ColumnIndex,
    private readonly diagnose: DiagnoseCaseUseCase,
    /** The batch's transaction, on the runner's connection. */
    private readonly manager: EntityManager,
    /** The campaign the upload named for every row that names none. */
    private readonly campaignId: string | null,
  ) {
    this.cell = cellReader(columns);
  }

  prepare(parsed: readonly ParsedNeed[]): Promise<readonly ParsedNeed[]> {
    return Promise.resolve(parsed);
  }

  parse(record: FileRecord): ParsedNeed | RowError {
    const row = record.row;
    const rawUscc = this.cell(record, 'enterpriseUscc');
    const name = this.cell(record, 'enterpriseName');
    let uscc: string | null = null;
    if (rawUscc !== '') {
      uscc = normalizeUscc(rawUscc);
      if (!isValidUscc(uscc)) {
        return {
          row,
          field: 'enterpriseUscc',
          reason: 'must be an 18-character unified social credit code with a valid check character',
        };
      }
    } else if (name === '') {
      return {
        row,
        field: 'enterpriseUscc',
        reason: 'enterpriseUscc (统一社会信用代码) or enterpriseName (企业名称) is required',
      };
    } else if (name.length > MAX_NAME) {
      return { row, field: 'enterpriseName', reason: `must be at most ${MAX_NAME} characters` };
    }
    const campaignName = this.cell(record, 'campaign');
    const campaignId = this.cell(record, 'campaignId').toLowerCase();
    if (campaignId !== '' && !UUID.test(campaignId)) return { row, field: 'campaignId', reason: 'must be a UUID' };
    if (campaignName === '' && campaignId === '' && this.campaignId === null) {
      return { row, field: 'campaign', reason: 'name the campaign (专项行动) in the row or with the upload' };
    }
    const amount = parseAmountText(this.cell(record, 'requestedAmount'));
    if (!amount.ok || amount.fen <= 0n) {
      return { row, field: 'requestedAmount', reason: 'must be a positive amount in yuan, e.g. 8000000 or 800万' };
    }
    if (amount.fen >= 10n ** 18n) return { row, field: 'requestedAmount', reason: 'is too large' };
    const purpose = word(this.cell(record, 'purpose'), PURPOSES, PURPOSE_WORDS);
    if (purpose === null) return { row, field: 'purpose', reason: `must be one of ${PURPOSES.join(', ')}` };
    const term = word(this.cell(record, 'term'), TERMS, TERM_WORDS);
    if (term === null) return { row, field: 'term', reason: `must be one of ${TERMS.join(', ')} (短期, 中长期)` };
    const bottlenecks: Bottleneck[] = [];
    for (const piece of this.cell(record, 'bottlenecks').split(/[;；,，、|]+/u)) {
      const text = piece.trim();
      if (text === '') continue;
      const found = word(text, BOTTLENECKS, BOTTLENECK_WORDS);
      if (found === null)
        return { row, field: 'bottlenecks', reason: `"${text}" is not one of ${BOTTLENECKS.join(', ')}` };
      if (!bottlenecks.includes(found)) bottlenecks.push(found);
    }
    if (bottlenecks.length === 0) bottlenecks.push('other');
    const note = this.cell(record, 'note');
    if (note.length > MAX_NOTE) return { row, field: 'note', reason: `must be at most ${MAX_NOTE} characters` };
    const rawSource = this.cell(record, 'source');
    const source = rawSource === '' ? 'list' : SOURCE_WORDS[rawSource.toLowerCase()];
    if (source === undefined) return { row, field: 'source', reason: 'must be phone (电话) or list (清单)' };
    return {
      row,
      uscc,
      enterpriseName: uscc === null ? name : null,
      campaignId: campaignId !== '' ? campaignId : campaignName === '' ? this.campaignId : null,
      campaignName: campaignId === '' && campaignName !== '' ? campaignName : null,
      requestedAmount: fromFen(amount.fen),
      purpose,
      term,
      bottlenecks,
      note,
      source,
    };
  }

  async write(client: PoolClient, parsed: readonly ParsedNeed[], rejected: readonly RowError[]): Promise<BatchOutcome> {
    const errors = [...rejected];
    const places = await this.load(client, parsed);
    let accepted = 0;
    for (const need of parsed) {
      const enterpriseField = need.uscc !== null ? 'enterpriseUscc' : 'enterpriseName';
      const candidates =
        need.uscc !== null ? places.byUscc.get(need.uscc) : places.byName.get(need.enterpriseName ?? '');
      const visible = (candidates ?? []).filter((e) => canReadRegion(this.actor, e.regionCode));
      if (visible.length !== 1) {
        errors.push({
          row: need.row,
          field: enterpriseField,
          reason:
            visible.length === 0
              ? 'no enterprise in your region has this code or name'
              : 'more than one enterprise in your region has this name: give its unified social credit code',
        });
        continue;
      }
      const enterprise = visible[0];
      const covers = (c: Place): boolean =>
        isWithinRegion(enterprise.regionCode, c.regionCode) || isWithinRegion(c.regionCode, enterprise.regionCode);
      const campaignField = need.campaignName !== null ? 'campaign' : 'campaignId';
      const campaigns = (
        need.campaignName !== null
          ? (places.campaignsByName.get(need.campaignName) ?? [])
          : [places.campaignsById.get(need.campaignId ?? '')].filter((c): c is Place => c !== undefined)
      ).filter(covers);
      if (campaigns.length !== 1) {
        errors.push({
          row: need.row,
          field: campaignField,
          reason:
            campaigns.length === 0
              ? 'no campaign covering this enterprise has this name or id'
              : 'more than one campaign covering this enterprise has this name',
        });
        continue;
      }
      const campaign = campaigns[0];
      const failed = await this.create(client, need, enterprise.id, campaign.id, {
        enterpriseId: enterpriseField,
        campaignId: campaignField,
      });
      if (failed === null) accepted += 1;
      else errors.push(failed);
    }
    errors.sort((a, b) => a.row - b.row);
    return { accepted, errors };
  }

  /** One need, in a savepoint: a row the use case refuses is a row error, and the batch goes on. */
  private async create(
    client: PoolClient,
    need: ParsedNeed,
    enterpriseId: string,
    campaignId: string,
    /** The file's column of each field the use case may name. */
    columnOf: Readonly<Record<string, string>>,
  ): Promise<RowError | null> {
    await client.query('SAVEPOINT need_row');
    try {
      await this.diagnose.createIn(this.manager, {
        actor: this.actor,
        source: need.source,
        enterpriseId,
        campaignId,
        requestedAmount: need.requestedAmount,
        purpose: need.purpose,
        term: need.term,
        bottlenecks: need.bottlenecks,
        note: need.note === '' ? undefined : need.note,
        intakeKey: intakeKey(campaignId, enterpriseId, need),
      });
      await client.query('RELEASE SAVEPOINT need_row');
      return null;
    } catch (error: unknown) {
      if (!(error instanceof DomainError)) throw error;
      await client.query('ROLLBACK TO SAVEPOINT need_row');
      const field = error.errors[0]?.field ?? 'row';
      return { row: need.row, field: columnOf[field] ?? field, reason: error.errors[0]?.message ?? error.message };
    }
  }

  /** The enterprises and campaigns the batch names, in one query each. */
  private async load(
    client: PoolClient,
    parsed: readonly ParsedNeed[],
  ): Promise<{
    byUscc: Map<string, Place[]>;
    byName: Map<string, Place[]>;
    campaignsById: Map<string, Place>;
    campaignsByName: Map<string, Place[]>;
  }> {
    const usccs = new Set<string>();
    const names = new Set<string>();
    const campaignIds = new Set<string>();
    const campaignNames = new Set<string>();
    for (const n of parsed) {
      if (n.uscc !== null) usccs.add(n.uscc);
      if (n.enterpriseName !== null) names.add(n.enterpriseName);
      if (n.campaignId !== null) campaignIds.add(n.campaignId);
      if (n.campaignName !== null) campaignNames.add(n.campaignName);
    }
    const group = (rows: { key: string; id: string; region_code: string }[]): Map<string, Place[]> => {
      const out = new Map<string, Place[]>();
      for (const r of rows) out.set(r.key, [...(out.get(r.key) ?? []), { id: r.id, regionCode: r.region_code }]);
      return out;
    };
    type Row = { id: string; region_code: string; uscc?: string; name?: string };
    const read = async (sql: string, values: Set<string>): Promise<Row[]> =>
      values.size === 0 ? [] : (await client.query<Row>(sql, [[...values]])).rows;
    // One connection: the reads go one after the other.
    const byUscc = await read(ENTERPRISES_BY_USCC, usccs);
    const byName = await read(ENTERPRISES_BY_NAME, names);
    const byId = await read(CAMPAIGNS_BY_ID, campaignIds);
    const campaignsByName = await read(CAMPAIGNS_BY_NAME, campaignNames);
    return {
      byUscc: group(byUscc.map((r) => ({ ...r, key: r.uscc ?? '' }))),
      byName: group(byName.map((r) => ({ ...r, key: r.name ?? '' }))),
      campaignsById: new Map(byId.map((r) => [r.id, { id: r.id, regionCode: r.region_code }])),
      campaignsByName: group(campaignsByName.map((r) => ({ ...r, key: r.name ?? '' }))),
    };
  }
}
