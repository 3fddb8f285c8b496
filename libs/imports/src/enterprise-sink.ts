import {
  COPY_ENTERPRISES,
  INDUSTRIAL_CHAINS_BY_ID,
  INDUSTRIAL_CHAINS_BY_NAME,
  REGION_CODES,
  USCCS_TAKEN,
} from '@unblock/database';
import {
  CHAIN_ROLES,
  CHINESE_PHONE_PATTERN,
  ENTERPRISE_SIZES,
  ENTERPRISE_TAGS,
  isRegionCode,
  isValidUscc,
  normalizePhone,
  normalizeUscc,
  regionCodeRange,
} from '@unblock/domain';
import type { PoolClient } from 'pg';
import type { ColumnIndex } from './columns';
import type { FileRecord } from './records';
import { UUID, cellReader, copyField, copyLines, type BatchOutcome, type ImportSink, type RowError } from './sink';

/** A chain as a row writes it: by id (`chainId`, or a UUID in `chain`) or by name (`chain`). */
type ChainRef = { readonly id: string; readonly column: string } | { readonly name: string; readonly column: string };

interface ParsedEnterprise {
  readonly row: number;
  readonly uscc: string;
  readonly name: string;
  /** A six-digit code or a region's name, as written, and the column it was written in. */
  readonly region: string;
  readonly regionColumn: 'region' | 'regionCode';
  readonly chain: ChainRef | null;
  readonly chainRole: string | null;
  readonly size: string;
  readonly tags: readonly string[];
  readonly contactName: string | null;
  readonly contactPhone: string | null;
}

interface ChainRow {
  readonly id: string;
  readonly region_code: string;
}

/** The words people write for each code (the console's own labels), besides the code itself. */
const SIZE_WORDS: Record<string, (typeof ENTERPRISE_SIZES)[number]> = {
  微型: 'micro',
  微型企业: 'micro',
  小型: 'small',
  小型企业: 'small',
  中型: 'medium',
  中型企业: 'medium',
  大型: 'large',
  大型企业: 'large',
};
const ROLE_WORDS: Record<string, (typeof CHAIN_ROLES)[number]> = {
  链主: 'leader',
  链主企业: 'leader',
  上游: 'upstream',
  下游: 'downstream',
  成员: 'member',
};
const TAG_WORDS: Record<string, (typeof ENTERPRISE_TAGS)[number]> = {
  专精特新: 'specialized_sme',
  高新技术: 'high_tech',
  高新技术企业: 'high_tech',
  清洁能源: 'clean_energy',
  外贸: 'foreign_trade',
  外贸企业: 'foreign_trade',
};

/** A code of `codes`, written as the code or as one of its words; undefined when it is neither. */
function codeOf<C extends string>(text: string, codes: readonly C[], words: Record<string, C>): C | undefined {
  return (codes as readonly string[]).includes(text) ? (text as C) : words[text];
}

/**
 * Enterprise rows, by the rules of `POST /enterprises`: a unified social credit code with a valid check
 * character and not used before (in the database or earlier in the file), a name, a region (by name or
 * six-digit code), a chain (by name, or id) and its role together or neither, a size, known tags
 * (separated by `;`, `,`, `、`, `|` or spaces), and optionally the contact person and phone. Sizes, roles and
 * tags are taken as codes or as the console's Chinese words (`中型`, `链主`, `专精特新`).
 */
export class EnterpriseSink implements ImportSink<ParsedEnterprise, readonly ParsedEnterprise[]> {
  private regionCodes: Set<string> | undefined;
  /** Region name → the codes of the regions so named. */
  private regionsByName: Map<string, string[]> | undefined;
  private readonly chainIds = new Map<string, boolean>();
  private readonly chainsByName = new Map<string, ChainRow[]>();
  private readonly cell: (record: FileRecord, name: string) => string;

  constructor(columns: ColumnIndex) {
    this.cell = cellReader(columns);
  }

  /** Nothing to read ahead: a code must be checked against the batches written before it. */
  prepare(parsed: readonly ParsedEnterprise[]): Promise<readonly ParsedEnterprise[]> {
    return Promise.resolve(parsed);
  }

  private async readReferences(client: PoolClient, parsed: readonly ParsedEnterprise[]): Promise<void> {
    if (this.regionCodes === undefined || this.regionsByName === undefined) {
      const rows = await client.query<{ code: string; name: string }>(REGION_CODES);
      this.regionCodes = new Set(rows.rows.map((r) => r.code));
      this.regionsByName = new Map();
      for (const r of rows.rows) this.regionsByName.set(r.name, [...(this.regionsByName.get(r.name) ?? []), r.code]);
    }
    const ids = new Set<string>();
    const names = new Set<string>();
    for (const e of parsed) {
      if (e.chain === null) continue;
      if ('id' in e.chain && !this.chainIds.has(e.chain.id)) ids.add(e.chain.id);
      if ('name' in e.chain && !this.chainsByName.has(e.chain.name)) names.add(e.chain.name);
    }
    if (ids.size > 0) {
      const found = await client.query<{ id: string }>(INDUSTRIAL_CHAINS_BY_ID, [[...ids]]);
      for (const id of ids) this.chainIds.set(id, false);
      for (const c of found.rows) this.chainIds.set(c.id, true);
    }
    if (names.size > 0) {
      const found = await client.query<ChainRow & { name: string }>(INDUSTRIAL_CHAINS_BY_NAME, [[...names]]);
      for (const name of names) this.chainsByName.set(name, []);
      for (const c of found.rows) this.chainsByName.get(c.name)?.push({ id: c.id, region_code: c.region_code });
    }
  }

  /** The region's code, or the row's error. */
  private regionOf(e: ParsedEnterprise): string | RowError {
    const field = e.regionColumn;
    if (isRegionCode(e.region)) {
      return this.regionCodes?.has(e.region) === true
        ? e.region
        : { row: e.row, field, reason: `no region has the code ${e.region}` };
    }
    const codes = this.regionsByName?.get(e.region) ?? [];
    if (codes.length === 1 && codes[0] !== undefined) return codes[0];
    return codes.length === 0
      ? { row: e.row, field, reason: `no region is named "${e.region}"` }
      : {
          row: e.row,
          field,
          reason: `${codes.length} regions are named "${e.region}" (${codes.join(', ')}): write its code`,
        };
  }

  /** The chain's id (null: none), or the row's error. A name shared by chains of several regions takes the one whose region holds the enterprise. */
  private chainOf(e: ParsedEnterprise, regionCode: string): string | null | RowError {
    const chain = e.chain;
    if (chain === null) return null;
    if ('id' in chain) {
      return this.chainIds.get(chain.id) === true
        ? chain.id
        : { row: e.row, field: chain.column, reason: 'no industrial chain has this id' };
    }
    const named = this.chainsByName.get(chain.name) ?? [];
    const holding = named.filter((c) => {
      const [low, high] = regionCodeRange(c.region_code);
      return regionCode >= low && regionCode <= high;
    });
    const pick = named.length === 1 ? named : holding;
    if (pick.length === 1 && pick[0] !== undefined) return pick[0].id;
    return named.length === 0
      ? { row: e.row, field: chain.column, reason: `no industrial chain is named "${chain.name}"` }
      : {
          row: e.row,
          field: chain.column,
          reason: `${named.length} industrial chains are named "${chain.name}", none of them alone in the enterprise's region`,
        };
  }

  async write(
    client: PoolClient,
    parsed: readonly ParsedEnterprise[],
    rejected: readonly RowError[],
  ): Promise<BatchOutcome> {
    await this.readReferences(client, parsed);
    const errors = [...rejected];
    const taken = new Set<string>();
    if (parsed.length > 0) {
      const found = await client.query<{ uscc: string }>(USCCS_TAKEN, [parsed.map((e) => e.uscc)]);
      for (const e of found.rows) taken.add(e.uscc);
    }
    const lines: string[] = [];
    for (const e of parsed) {
      const regionCode = this.regionOf(e);
      if (typeof regionCode !== 'string') {
        errors.push(regionCode);
        continue;
      }
      const chainId = this.chainOf(e, regionCode);
      if (chainId !== null && typeof chainId !== 'string') errors.push(chainId);
      else if (taken.has(e.uscc)) {
        errors.push({ row: e.row, field: 'uscc', reason: 'an enterprise with this unified social credit code exists' });
      } else {
        taken.add(e.uscc);
        // A line of COPY_ENTERPRISES: its columns, in its order.
        lines.push(
          [
            e.uscc,
            copyField(e.name),
            regionCode,
            copyField(chainId),
            copyField(e.chainRole),
            e.size,
            `{${e.tags.join(',')}}`,
            copyField(e.contactName),
            copyField(e.contactPhone),
          ].join('\t') + '\n',
        );
      }
    }
    await copyLines(client, COPY_ENTERPRISES, lines);
    errors.sort((a, b) => a.row - b.row);
    return { accepted: lines.length, errors };
  }

  parse(record: FileRecord): ParsedEnterprise | RowError {
    const row = record.row;
    const uscc = normalizeUscc(this.cell(record, 'uscc'));
    if (!isValidUscc(uscc)) {
      return {
        row,
        field: 'uscc',
        reason: 'must be an 18-character unified social credit code with a valid check character',
      };
    }
    const name = this.cell(record, 'name');
    if (name.length < 1 || name.length > 200) return { row, field: 'name', reason: 'must be 1-200 characters' };
    const regionName = this.cell(record, 'region');
    const regionColumn = regionName !== '' ? 'region' : 'regionCode';
    const region = regionName !== '' ? regionName : this.cell(record, 'regionCode');
    if (region === '') return { row, field: regionColumn, reason: 'is required: a region name or six-digit code' };
    if (regionColumn === 'regionCode' && !isRegionCode(region)) {
      return { row, field: 'regionCode', reason: 'must be a six-digit GB/T 2260 region code' };
    }
    const chain = this.chainRef(record);
    if (chain !== null && 'reason' in chain) return chain;
    const roleText = this.cell(record, 'chainRole');
    const chainRole = roleText === '' ? null : codeOf(roleText, CHAIN_ROLES, ROLE_WORDS);
    if (chainRole === undefined) {
      return { row, field: 'chainRole', reason: `must be one of ${CHAIN_ROLES.join(', ')} (链主, 上游, 下游, 成员)` };
    }
    if (chain !== null && chainRole === null) return { row, field: 'chainRole', reason: 'is required with a chain' };
    if (chain === null && chainRole !== null) return { row, field: 'chain', reason: 'is required with a chainRole' };
    const size = codeOf(this.cell(record, 'size'), ENTERPRISE_SIZES, SIZE_WORDS);
    if (size === undefined) {
      return { row, field: 'size', reason: `must be one of ${ENTERPRISE_SIZES.join(', ')} (微型, 小型, 中型, 大型)` };
    }
    const tags: string[] = [];
    for (const word of this.cell(record, 'tags').split(/[;；,，、|\s]+/u)) {
      if (word === '') continue;
      const tag = codeOf(word, ENTERPRISE_TAGS, TAG_WORDS);
      if (tag === undefined) {
        return { row, field: 'tags', reason: `unknown tag "${word}": tags are ${ENTERPRISE_TAGS.join(', ')}` };
      }
      if (!tags.includes(tag)) tags.push(tag);
    }
    const contactName = this.cell(record, 'contactName');
    if (contactName.length > 200) return { row, field: 'contactName', reason: 'must be at most 200 characters' };
    const phoneText = this.cell(record, 'contactPhone');
    const contactPhone = phoneText === '' ? null : normalizePhone(phoneText);
    if (contactPhone !== null && !CHINESE_PHONE_PATTERN.test(contactPhone)) {
      return { row, field: 'contactPhone', reason: 'must be a mobile (13812345678) or landline (0635-8231234) number' };
    }
    return {
      row,
      uscc,
      name,
      region,
      regionColumn,
      chain,
      chainRole,
      size,
      tags,
      contactName: contactName === '' ? null : contactName,
      contactPhone,
    };
  }

  /** The row's chain: a name (or UUID) in `chain`, else a UUID in `chainId`; null when neither. */
  private chainRef(record: FileRecord): ChainRef | RowError | null {
    const named = this.cell(record, 'chain');
    if (named !== '') {
      return UUID.test(named) ? { id: named.toLowerCase(), column: 'chain' } : { name: named, column: 'chain' };
    }
    const id = this.cell(record, 'chainId').toLowerCase();
    if (id === '') return null;
    return UUID.test(id) ? { id, column: 'chainId' } : { row: record.row, field: 'chainId', reason: 'must be a UUID' };
  }
}
