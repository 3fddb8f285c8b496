import { COPY_ENTERPRISES, INDUSTRIAL_CHAINS_BY_ID, REGION_CODES, USCCS_TAKEN } from '@unblock/database';
import {
  CHAIN_ROLES,
  ENTERPRISE_SIZES,
  ENTERPRISE_TAGS,
  isRegionCode,
  isValidUscc,
  normalizeUscc,
} from '@unblock/domain';
import type { PoolClient } from 'pg';
import type { ColumnIndex } from './columns';
import type { FileRecord } from './records';
import { UUID, cellReader, copyField, copyLines, type BatchOutcome, type ImportSink, type RowError } from './sink';

interface ParsedEnterprise {
  readonly row: number;
  readonly uscc: string;
  readonly name: string;
  readonly regionCode: string;
  readonly chainId: string | null;
  readonly chainRole: string | null;
  readonly size: string;
  readonly tags: readonly string[];
}

const SIZES = new Set<string>(ENTERPRISE_SIZES);
const ROLES = new Set<string>(CHAIN_ROLES);
const TAGS = new Set<string>(ENTERPRISE_TAGS);

/**
 * Enterprise rows, by the rules of `POST /enterprises`: a unified social credit code with a valid check
 * character and not used before (in the database or earlier in the file), a name, a known region, a chain
 * and its role together or neither, a size, known tags (separated by `;`, `,`, `|` or spaces).
 */
export class EnterpriseSink implements ImportSink<ParsedEnterprise, readonly ParsedEnterprise[]> {
  private regions: Set<string> | undefined;
  private readonly chains = new Map<string, boolean>();
  private readonly cell: (record: FileRecord, name: string) => string;

  constructor(columns: ColumnIndex) {
    this.cell = cellReader(columns);
  }

  /** Nothing to read ahead: a code must be checked against the batches written before it. */
  prepare(parsed: readonly ParsedEnterprise[]): Promise<readonly ParsedEnterprise[]> {
    return Promise.resolve(parsed);
  }

  async write(
    client: PoolClient,
    parsed: readonly ParsedEnterprise[],
    rejected: readonly RowError[],
  ): Promise<BatchOutcome> {
    if (this.regions === undefined) {
      const rows = await client.query<{ code: string }>(REGION_CODES);
      this.regions = new Set(rows.rows.map((r) => r.code));
    }
    const regions = this.regions;
    const errors = [...rejected];
    const unknownChains = [...new Set(parsed.flatMap((e) => (e.chainId === null ? [] : [e.chainId])))].filter(
      (id) => !this.chains.has(id),
    );
    if (unknownChains.length > 0) {
      const found = await client.query<{ id: string }>(INDUSTRIAL_CHAINS_BY_ID, [unknownChains]);
      for (const id of unknownChains) this.chains.set(id, false);
      for (const c of found.rows) this.chains.set(c.id, true);
    }
    const taken = new Set<string>();
    if (parsed.length > 0) {
      const found = await client.query<{ uscc: string }>(USCCS_TAKEN, [parsed.map((e) => e.uscc)]);
      for (const e of found.rows) taken.add(e.uscc);
    }
    const lines: string[] = [];
    for (const e of parsed) {
      if (!regions.has(e.regionCode)) {
        errors.push({ row: e.row, field: 'regionCode', reason: 'no region has this code' });
      } else if (e.chainId !== null && this.chains.get(e.chainId) !== true) {
        errors.push({ row: e.row, field: 'chainId', reason: 'no industrial chain has this id' });
      } else if (taken.has(e.uscc)) {
        errors.push({ row: e.row, field: 'uscc', reason: 'an enterprise with this unified social credit code exists' });
      } else {
        taken.add(e.uscc);
        // A line of COPY_ENTERPRISES: its columns, in its order.
        lines.push(
          [
            e.uscc,
            copyField(e.name),
            e.regionCode,
            copyField(e.chainId),
            copyField(e.chainRole),
            e.size,
            `{${e.tags.join(',')}}`,
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
    const regionCode = this.cell(record, 'regionCode');
    if (!isRegionCode(regionCode)) {
      return { row, field: 'regionCode', reason: 'must be a six-digit GB/T 2260 region code' };
    }
    const chainId = this.cell(record, 'chainId').toLowerCase();
    if (chainId !== '' && !UUID.test(chainId)) return { row, field: 'chainId', reason: 'must be a UUID' };
    const chainRole = this.cell(record, 'chainRole');
    if (chainRole !== '' && !ROLES.has(chainRole)) {
      return { row, field: 'chainRole', reason: `must be one of ${CHAIN_ROLES.join(', ')}` };
    }
    if (chainId !== '' && chainRole === '') return { row, field: 'chainRole', reason: 'is required with a chainId' };
    if (chainId === '' && chainRole !== '') return { row, field: 'chainId', reason: 'is required with a chainRole' };
    const size = this.cell(record, 'size');
    if (!SIZES.has(size)) return { row, field: 'size', reason: `must be one of ${ENTERPRISE_SIZES.join(', ')}` };
    const tags = [
      ...new Set(
        this.cell(record, 'tags')
          .split(/[;,|\s]+/u)
          .filter((t) => t !== ''),
      ),
    ];
    const unknown = tags.find((t) => !TAGS.has(t));
    if (unknown !== undefined) {
      return { row, field: 'tags', reason: `unknown tag "${unknown}": tags are ${ENTERPRISE_TAGS.join(', ')}` };
    }
    return {
      row,
      uscc,
      name,
      regionCode,
      chainId: chainId === '' ? null : chainId,
      chainRole: chainRole === '' ? null : chainRole,
      size,
      tags,
    };
  }
}
