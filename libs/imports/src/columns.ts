import { DomainError } from '@unblock/domain';
import type { ImportFormat, ImportKind } from '@unblock/database';

/** The columns of each kind of import: required ones, optional ones, and groups of which exactly one is needed. */
export interface ImportColumns {
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /** Each group names columns of which the header must hold at least one (e.g. enterpriseUscc or enterpriseId). */
  readonly oneOf: readonly (readonly string[])[];
  /** Other headers that name a column, as people write them (`统一社会信用代码` for `uscc`). */
  readonly aliases?: Readonly<Record<string, readonly string[]>>;
}

export const IMPORT_COLUMNS: Record<ImportKind, ImportColumns> = {
  visits: {
    required: ['campaignId', 'visitedOn', 'kind'],
    optional: ['summary', 'clientRef'],
    oneOf: [['enterpriseUscc', 'enterpriseId']],
  },
  enterprises: {
    required: ['uscc', 'name', 'size'],
    optional: ['chain', 'chainId', 'chainRole', 'tags', 'contactName', 'contactPhone'],
    oneOf: [['region', 'regionCode']],
    aliases: {
      uscc: ['统一社会信用代码', '信用代码', 'Unified social credit code'],
      name: ['企业名称', '名称', 'Enterprise name'],
      region: ['地区', '所在地区', '地区名称'],
      regionCode: ['地区代码', '行政区划代码'],
      size: ['企业规模', '规模'],
      chain: ['产业链', '产业链名称', 'Industrial chain'],
      chainRole: ['链上角色', '产业链角色'],
      tags: ['标签', '企业标签'],
      contactName: ['联系人', 'Contact person'],
      contactPhone: ['联系电话', '联系人电话'],
    },
  },
  needs: {
    required: ['requestedAmount', 'purpose', 'term'],
    optional: ['campaign', 'campaignId', 'bottlenecks', 'note', 'source'],
    oneOf: [['enterpriseUscc', 'enterpriseName']],
    aliases: {
      enterpriseUscc: ['统一社会信用代码'],
      enterpriseName: ['企业名称'],
      campaign: ['专项行动'],
      requestedAmount: ['融资需求金额', '需求金额', '申请金额'],
      purpose: ['资金用途', '用途'],
      term: ['期限', '贷款期限'],
      bottlenecks: ['融资堵点', '堵点'],
      note: ['备注'],
      source: ['来源', '渠道'],
    },
  },
  loan_balances: {
    required: ['uscc', 'month', 'balance', 'mediumLongBalance'],
    optional: ['enterpriseName', 'note'],
    oneOf: [],
    aliases: {
      uscc: ['统一社会信用代码', '信用代码', 'Unified social credit code'],
      enterpriseName: ['企业名称', 'Enterprise name'],
      month: ['月份', '报送月份', 'Month'],
      balance: ['贷款余额(元)', '贷款余额（元）', '贷款余额', 'Balance (yuan)'],
      mediumLongBalance: [
        '其中中长期贷款余额(元)',
        '其中中长期贷款余额（元）',
        '其中：中长期贷款余额（元）',
        '中长期贷款余额(元)',
        '中长期贷款余额（元）',
        '中长期贷款余额',
        'Medium/long-term balance (yuan)',
      ],
      note: ['备注', 'Note'],
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
  for (const [name, aliases] of Object.entries(spec.aliases ?? {})) {
    for (const alias of aliases) known.set(canonical(alias), name);
  }
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
