import { useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/** What a column sorts by: text (in the reader's collation), a number, an exact amount, or nothing (last). */
export type SortValue = string | number | bigint | null;

export type SortDirection = 'ascending' | 'descending';

export interface SortState<K extends string> {
  key: K;
  direction: SortDirection;
}

/** Rows in the order of `sort`; a missing value goes last whichever the direction, ties keep their order. */
export function sortRows<T, K extends string>(
  rows: readonly T[],
  valueOf: Record<K, (row: T) => SortValue>,
  sort: SortState<K> | undefined,
  locale: string,
): T[] {
  if (!sort) return [...rows];
  const read = valueOf[sort.key];
  const collator = new Intl.Collator(locale, { numeric: true });
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: read(row) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      }
      const order =
        typeof a.value === 'string' || typeof b.value === 'string'
          ? collator.compare(String(a.value), String(b.value))
          : a.value < b.value
            ? -1
            : a.value > b.value
              ? 1
              : 0;
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map(({ row }) => row);
}

/**
 * A table's sorting, in the reader's collation: a click on a column sorts by it (figures largest first, names
 * from A), a second click turns the order round. `header(column, label, numeric)` renders a column's header.
 */
export function useSortedRows<T, K extends string>(
  rows: readonly T[],
  valueOf: Record<K, (row: T) => SortValue>,
): { sorted: T[]; header: (column: K, label: string, numeric?: boolean) => ReactNode } {
  const { t, locale } = useI18n();
  const [sort, setSort] = useState<SortState<K> | undefined>(undefined);
  const sorted = useMemo(() => sortRows(rows, valueOf, sort, locale), [rows, valueOf, sort, locale]);
  const sortBy = (key: K, numeric: boolean): void =>
    setSort((previous) =>
      previous?.key === key
        ? { key, direction: previous.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: numeric ? 'descending' : 'ascending' },
    );
  const header = (column: K, label: string, numeric = false): ReactNode => (
    <SortableHeader
      column={column}
      label={label}
      numeric={numeric}
      sort={sort}
      onSort={sortBy}
      sortHint={t('dashboard.sortBy', { column: label })}
    />
  );
  return { sorted, header };
}

/** A column header that sorts its table: a button inside the `th`, whose `aria-sort` says the order. */
export function SortableHeader<K extends string>({
  label,
  column,
  sort,
  numeric = false,
  onSort,
  sortHint,
}: {
  label: string;
  column: K;
  sort: SortState<K> | undefined;
  numeric?: boolean;
  onSort: (key: K, numeric: boolean) => void;
  /** What a click does, for screen readers ("sort by signed amount"). */
  sortHint: string;
}): ReactNode {
  const direction = sort?.key === column ? sort.direction : undefined;
  return (
    <th scope="col" aria-sort={direction ?? 'none'} className={numeric ? 'number' : undefined}>
      <button type="button" className="sort-button" title={sortHint} onClick={() => onSort(column, numeric)}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}
