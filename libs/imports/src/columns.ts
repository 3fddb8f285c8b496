import { DomainError } from '@unblock/domain';
import type { ImportFormat, ImportKind } from '@unblock/database';

/** The columns of each kind of import: required ones, optional ones, and groups of which exactly one is needed. */
export interface ImportColumns {
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /** Each group names columns of which the header must hold at least one (e.g. enterpriseUscc or enterpriseId). */
  readonly oneOf: readonly (readonly string[])[];
  /** Other headers people write for a column (a 申报清单's Chinese headers): header → column. */
  readonly aliases?: Readonly<Record<string, string>>;
}

export const IMPORT_COLUMNS: Record<ImportKind, ImportColumns> = {
  visits: {
    required: ['campaignId', 'visitedOn', 'kind'],
    optional: ['summary', 'clientRef'],
    oneOf: [['enterpriseUscc', 'enterpriseId']],
  },
  enterprises: {
    required: ['uscc', 'name', 'regionCode', 'size'],
    optional: ['chainId', 'chainRole', 'tags'],
    oneOf: [],
  },
  needs: {
    required: ['requestedAmount', 'purpose', 'term'],
    optional: ['campaign', 'campaignId', 'bottlenecks', 'note', 'source'],
    oneOf: [['enterpriseUscc', 'enterpriseName']],
    aliases: {
      统一社会信用代码: 'enterpriseUscc',
      企业名称: 'enterpriseName',
      专项行动: 'campaign',
      融资需求金额: 'requestedAmount',
      需求金额: 'requestedAmount',
      申请金额: 'requestedAmount',
      资金用途: 'purpose',
      用途: 'purpose',
      期限: 'term',
      贷款期限: 'term',
      融资堵点: 'bottlenecks',
      堵点: 'bottlenecks',
      备注: 'note',
      来源: 'source',
      渠道: 'source',
    },
  },
};

/** `enterprise_uscc`, `Enterprise USCC` and `enterpriseUscc` name the same column. */
function canonical(name: string): string {
  return name
    .replace(/^\uFEFF/u, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/gu, '');
}

/** Where each known column sits in the file's header: column name → index. */
export type ColumnIndex = ReadonlyMap<string, number>;

/**
 * Checks a header row against the kind's columns: every required column present, one of each group, no
 * unknown or repeated column. Bad headers are the caller's mistake: a 400 naming the columns.
 */
export function checkHeader(kind: ImportKind, header: readonly string[]): ColumnIndex {
  const spec = IMPORT_COLUMNS[kind];
  const known = new Map<string, string>();
  for (const name of [...spec.required, ...spec.optional, ...spec.oneOf.flat()]) known.set(canonical(name), name);
  for (const [alias, name] of Object.entries(spec.aliases ?? {})) known.set(canonical(alias), name);
  const index = new Map<string, number>();
  const problems: { field: string; message: string }[] = [];
  header.forEach((cell, i) => {
    const key = canonical(cell);
    if (key === '' && i === header.length - 1) return; // a trailing separator
    const name = known.get(key);
    if (name === undefined) problems.push({ field: `header.${cell}`, message: `unknown column "${cell}"` });
    else if (index.has(name)) problems.push({ field: `header.${name}`, message: `column ${name} appears twice` });
    else index.set(name, i);
  });
  for (const name of spec.required) {
    if (!index.has(name)) problems.push({ field: `header.${name}`, message: `the required column ${name} is missing` });
  }
  for (const group of spec.oneOf) {
    if (!group.some((name) => index.has(name))) {
      problems.push({
        field: `header.${group.join('|')}`,
        message: `one of the columns ${group.join(', ')} is needed`,
      });
    }
  }
  if (problems.length > 0) {
    const expected = [...spec.required, ...spec.oneOf.map((g) => g.join('|')), ...spec.optional.map((o) => `[${o}]`)];
    throw new DomainError(
      'invalid_input',
      `the file's first row must name the columns: ${expected.join(', ')}`,
      problems,
    );
  }
  return index;
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The format of an upload, from its first bytes: a zip (PK\x03\x04) is an xlsx workbook, valid UTF-8 text
 * without NUL bytes is CSV; anything else (a PDF, a legacy .xls, an image) is refused with a 415.
 */
export function sniffFormat(head: Buffer, declared: { filename?: string; mediaType?: string }): ImportFormat {
  const name = (declared.filename ?? '').toLowerCase();
  const media = (declared.mediaType ?? '').toLowerCase();
  const unsupported = (why: string): DomainError =>
    new DomainError('unsupported_media_type', `file: ${why}; upload a CSV (UTF-8) or an .xlsx workbook`, [
      { field: 'file', message: why },
    ]);
  if (/\.(xls|pdf|doc|docx|zip|json)$/u.test(name)) throw unsupported(`a ${name.split('.').pop() ?? ''} file`);
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) {
    if (name !== '' && !name.endsWith('.xlsx')) throw unsupported('a zip archive that is not an .xlsx workbook');
    return 'xlsx';
  }
  if (media.includes('spreadsheetml') || name.endsWith('.xlsx')) throw unsupported('not a valid .xlsx workbook');
  if (head.includes(0)) throw unsupported('binary content');
  // A multi-byte character may be cut at the end of the sample: a streaming decode leaves it pending.
  if (!isUtf8(head)) throw unsupported('text that is not UTF-8');
  return 'csv';
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
