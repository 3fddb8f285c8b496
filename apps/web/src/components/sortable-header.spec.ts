import { sortRows, type SortValue } from './sortable-header';

interface Row {
  name: string;
  amount: bigint | null;
  count: number;
}

const ROWS: Row[] = [
  { name: '兴业银行聊城分行', amount: 300n, count: 2 },
  { name: '工商银行聊城分行', amount: null, count: 10 },
  { name: '建设银行聊城分行', amount: 9_000_000_000_000_000_01n, count: 2 },
  { name: '中国银行聊城分行', amount: 0n, count: 0 },
];
const VALUE_OF: Record<'name' | 'amount' | 'count', (row: Row) => SortValue> = {
  name: (r) => r.name,
  amount: (r) => r.amount,
  count: (r) => r.count,
};
const names = (rows: Row[]): string[] => rows.map((r) => r.name);

describe('sorting a table', () => {
  it('keeps the order it was given until a column is chosen', () => {
    expect(names(sortRows(ROWS, VALUE_OF, undefined, 'zh-CN'))).toEqual(names(ROWS));
  });

  it('sorts names in the reader’s collation (pinyin in Chinese), both ways', () => {
    const up = names(sortRows(ROWS, VALUE_OF, { key: 'name', direction: 'ascending' }, 'zh-CN'));
    expect(up).toEqual(['工商银行聊城分行', '建设银行聊城分行', '兴业银行聊城分行', '中国银行聊城分行']);
    expect(names(sortRows(ROWS, VALUE_OF, { key: 'name', direction: 'descending' }, 'zh-CN'))).toEqual(
      [...up].reverse(),
    );
  });

  it('sorts exact amounts as integers and puts a missing value last whichever the direction', () => {
    expect(names(sortRows(ROWS, VALUE_OF, { key: 'amount', direction: 'descending' }, 'en'))).toEqual([
      '建设银行聊城分行',
      '兴业银行聊城分行',
      '中国银行聊城分行',
      '工商银行聊城分行',
    ]);
    expect(names(sortRows(ROWS, VALUE_OF, { key: 'amount', direction: 'ascending' }, 'en')).at(-1)).toBe(
      '工商银行聊城分行',
    );
  });

  it('keeps ties in their order', () => {
    expect(names(sortRows(ROWS, VALUE_OF, { key: 'count', direction: 'descending' }, 'en'))).toEqual([
      '工商银行聊城分行',
      '兴业银行聊城分行',
      '建设银行聊城分行',
      '中国银行聊城分行',
    ]);
  });
});
