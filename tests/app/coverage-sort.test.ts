// Row order of the coverage matrix.
import { describe, expect, it } from 'vitest';
import { nextSort, sortRows } from '../../src/app/coverage/sort.js';
import type { CoverageRow } from '../../src/model/coverage.js';

const row = (economy: string, name: string, values: number[], nameZh?: string): CoverageRow => ({
  economy,
  name,
  ...(nameZh ? { nameZh } : {}),
  cells: values.map((value) => ({ value, edges: [], nodes: [] })),
  total: values.filter((v) => v > 0).length,
});

const rows = [
  row('USA', 'United States', [1, 3], '美國'),
  row('BRN', 'Brunei Darussalam', [0, 0], '汶萊'),
  row('AUS', 'Australia', [1, 0], '澳洲'),
];

describe('sortRows', () => {
  it('sorts by name, a column (gaps first, ties by name) or the total', () => {
    const ids = (rs: CoverageRow[]) => rs.map((r) => r.economy);
    expect(ids(sortRows(rows, { key: 'economy', dir: 'ascending' }, 'en'))).toEqual(['AUS', 'BRN', 'USA']);
    expect(ids(sortRows(rows, { key: 0, dir: 'ascending' }, 'en'))).toEqual(['BRN', 'AUS', 'USA']);
    expect(ids(sortRows(rows, { key: 1, dir: 'descending' }, 'en'))).toEqual(['USA', 'AUS', 'BRN']);
    expect(ids(sortRows(rows, { key: 'total', dir: 'descending' }, 'en'))).toEqual(['USA', 'AUS', 'BRN']);
  });

  it('uses the Chinese names in Chinese', () => {
    const zh = sortRows(rows, { key: 'economy', dir: 'ascending' }, 'zh-Hant').map((r) => r.nameZh);
    expect(zh).toEqual([...zh].sort((a, b) => (a ?? '').localeCompare(b ?? '', 'zh-Hant')));
  });
});

describe('nextSort', () => {
  it('flips the current column and starts a new one ascending', () => {
    expect(nextSort({ key: 0, dir: 'ascending' }, 0)).toEqual({ key: 0, dir: 'descending' });
    expect(nextSort({ key: 0, dir: 'descending' }, 'total')).toEqual({ key: 'total', dir: 'ascending' });
  });
});
