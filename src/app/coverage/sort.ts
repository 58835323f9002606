// Row order of the coverage matrix: by economy name (in the page language), by a column, or by the row total.
import type { CoverageRow } from '../../model/coverage.js';

export type SortDir = 'ascending' | 'descending';

/** 'economy', 'total', or the index of a coverage column. */
export type SortKey = 'economy' | 'total' | number;

export interface SortState {
  key: SortKey;
  dir: SortDir;
}

export function rowName(row: CoverageRow, lang: string): string {
  return lang === 'en' ? row.name : (row.nameZh ?? row.name);
}

/** Ties fall back to the economy name so the order never depends on the previous sort. */
export function sortRows(rows: CoverageRow[], sort: SortState, lang: string): CoverageRow[] {
  const sign = sort.dir === 'ascending' ? 1 : -1;
  const locale = lang === 'en' ? 'en' : 'zh-Hant';
  const byName = (a: CoverageRow, b: CoverageRow) => rowName(a, lang).localeCompare(rowName(b, lang), locale);
  const value = (r: CoverageRow): number =>
    sort.key === 'total' ? r.total : typeof sort.key === 'number' ? (r.cells[sort.key]?.value ?? 0) : 0;
  return [...rows].sort((a, b) => {
    if (sort.key === 'economy') return sign * byName(a, b);
    return sign * (value(a) - value(b)) || byName(a, b);
  });
}

/** Clicking the sorted column flips it; a new column starts ascending, which puts the gaps first. */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key === key) return { key, dir: current.dir === 'ascending' ? 'descending' : 'ascending' };
  return { key, dir: 'ascending' };
}
