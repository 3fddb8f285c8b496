import { ENTERPRISES_BY_USCC, UPSERT_LOAN_BALANCES } from '@unblock/database';
import { balanceReportProblem, fromFen, isValidUscc, monthDay, normalizeUscc, parseAmountText } from '@unblock/domain';
import type { PoolClient } from 'pg';
import type { ColumnIndex } from './columns';
import type { FileRecord } from './file-record';
import { cellReader, type BatchOutcome, type ImportSink, type RowError } from './sink';

interface ParsedBalance {
  readonly row: number;
  readonly uscc: string;
  readonly month: string;
  readonly balance: string;
  readonly mediumLongBalance: string;
  readonly note: string | null;
}

const MAX_NOTE = 2000;

/** A month as people write it: `2025-06`, `2025/6`, `2025.06`, `2025年6月`, `202506`, or a day of it (a workbook's date). */
export function monthOfText(text: string): string | null {
  const match = /^(\d{4})(?:[-/.年]?)(\d{1,2})(?:月|[-/.]\d{1,2}日?)?$/u.exec(text.trim());
  if (!match) return null;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  return `${match[1]}-${String(month).padStart(2, '0')}`;
}

function amountOf(text: string, row: number, field: 'balance' | 'mediumLongBalance'): { fen: bigint } | RowError {
  const amount = parseAmountText(text);
  if (!amount.ok || amount.fen < 0n) {
    return { row, field, reason: 'must be an amount in yuan of at least zero, e.g. 8000000 or 800万' };
  }
  if (amount.fen >= 10n ** 18n) return { row, field, reason: 'is too large' };
  return amount;
}

/**
 * Rows of a balance report (贷款余额报送): the enterprise by 统一社会信用代码, the month (月份), the balance
 * (贷款余额(元)) and of it the medium/long-term part (其中中长期贷款余额(元)), for the uploader's bank, by
 * the rules of `POST /loan-balances`. A month already reported is corrected (its next revision, the import
 * named in its history); a key twice in one batch is refused on its later row.
 */
export class LoanBalanceSink implements ImportSink<ParsedBalance, readonly ParsedBalance[]> {
  private readonly cell: (record: FileRecord, name: string) => string;

  constructor(
    columns: ColumnIndex,
    private readonly bankId: string,
    private readonly userId: string,
    private readonly importId: string,
    private readonly now: Date,
    /** The uploader's day (Asia/Shanghai), `YYYY-MM-DD`. */
    private readonly today: string,
  ) {
    this.cell = cellReader(columns);
  }

  parse(record: FileRecord): ParsedBalance | RowError {
    const row = record.row;
    const uscc = normalizeUscc(this.cell(record, 'uscc'));
    if (!isValidUscc(uscc)) {
      return {
        row,
        field: 'uscc',
        reason: 'must be an 18-character unified social credit code with a valid check character',
      };
    }
    const month = monthOfText(this.cell(record, 'month'));
    if (month === null) return { row, field: 'month', reason: 'must be a month, e.g. 2025-06 or 2025年6月' };
    const balance = amountOf(this.cell(record, 'balance'), row, 'balance');
    if ('reason' in balance) return balance;
    const mediumLong = amountOf(this.cell(record, 'mediumLongBalance'), row, 'mediumLongBalance');
    if ('reason' in mediumLong) return mediumLong;
    const problem = balanceReportProblem(month, fromFen(balance.fen), fromFen(mediumLong.fen), this.today);
    if (problem !== null) return { row, field: problem.field, reason: problem.message };
    const note = this.cell(record, 'note');
    if (note.length > MAX_NOTE) return { row, field: 'note', reason: `must be at most ${MAX_NOTE} characters` };
    return {
      row,
      uscc,
      month,
      balance: fromFen(balance.fen),
      mediumLongBalance: fromFen(mediumLong.fen),
      note: note === '' ? null : note,
    };
  }

  prepare(parsed: readonly ParsedBalance[]): Promise<readonly ParsedBalance[]> {
    return Promise.resolve(parsed);
  }

  async write(
    client: PoolClient,
    parsed: readonly ParsedBalance[],
    rejected: readonly RowError[],
  ): Promise<BatchOutcome> {
    const errors = [...rejected];
    const usccs = [...new Set(parsed.map((p) => p.uscc))];
    const found =
      usccs.length === 0 ? [] : (await client.query<{ id: string; uscc: string }>(ENTERPRISES_BY_USCC, [usccs])).rows;
    const enterprises = new Map(found.map((e) => [e.uscc, e.id]));
    const seen = new Set<string>();
    const rows: { enterpriseId: string; balance: ParsedBalance }[] = [];
    for (const balance of parsed) {
      const enterpriseId = enterprises.get(balance.uscc);
      if (enterpriseId === undefined) {
        errors.push({ row: balance.row, field: 'uscc', reason: 'no enterprise has this unified social credit code' });
        continue;
      }
      const key = `${enterpriseId}:${balance.month}`;
      if (seen.has(key)) {
        errors.push({ row: balance.row, field: 'month', reason: 'this enterprise and month appear in an earlier row' });
        continue;
      }
      seen.add(key);
      rows.push({ enterpriseId, balance });
    }
    if (rows.length > 0) {
      await client.query(UPSERT_LOAN_BALANCES, [
        rows.map(() => this.bankId),
        rows.map((r) => r.enterpriseId),
        rows.map((r) => monthDay(r.balance.month)),
        rows.map((r) => r.balance.balance),
        rows.map((r) => r.balance.mediumLongBalance),
        rows.map((r) => r.balance.note),
        this.userId,
        this.now,
        this.importId,
      ]);
    }
    errors.sort((a, b) => a.row - b.row);
    return { accepted: rows.length, errors };
  }
}
