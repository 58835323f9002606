// The coverage view's state without the DOM: its URL slices (which table, which sort) and what a chosen cell
// or focus area lights up on the graph.
import type { CoverageMatrix, FocusAreaRow } from '../../model/coverage.js';
import { defineSlice, type UrlSlice } from '../url-slices.js';
import type { SortState } from './sort.js';

export type CoverageTable = 'matrix' | 'focus';

export const VIEW_SLICE = defineSlice<CoverageTable>({
  key: 'cov',
  default: 'matrix',
  encode: (v) => (v === 'matrix' ? '' : v),
  decode: (raw) => (raw === 'focus' || raw === 'matrix' ? raw : undefined),
});

const DEFAULT_SORT: SortState = { key: 'economy', dir: 'ascending' };

/** `economy:a`, `total:d`, `3:a`; a column index past the matrix's columns falls back to the default. */
export function sortSlice(columns: number): UrlSlice<SortState> {
  return defineSlice<SortState>({
    key: 'covSort',
    default: DEFAULT_SORT,
    encode: (s) =>
      s.key === 'economy' && s.dir === 'ascending' ? '' : `${s.key}:${s.dir === 'ascending' ? 'a' : 'd'}`,
    decode(raw) {
      const m = /^(economy|total|\d+):([ad])$/.exec(raw);
      if (!m) return undefined;
      const key = m[1] === 'economy' || m[1] === 'total' ? m[1] : Number(m[1]);
      if (typeof key === 'number' && key >= columns) return undefined;
      return { key, dir: m[2] === 'a' ? 'ascending' : 'descending' };
    },
  });
}

export interface CellChoice {
  economy: string;
  column: number;
}

export interface CellHighlight {
  nodes: string[];
  edges: string[];
  /** No relationship: the economy and the column's node are both lit so the missing link shows. */
  gap: boolean;
}

export function cellHighlight(
  m: CoverageMatrix,
  choice: CellChoice,
  hasNode: (id: string) => boolean,
): CellHighlight | null {
  const row = m.rows.find((r) => r.economy === choice.economy);
  const col = m.columns[choice.column];
  const cell = row?.cells[choice.column];
  if (!row || !col || !cell) return null;
  const nodes = new Set([row.economy, ...cell.nodes]);
  if (cell.value === 0 && col.nodeId && hasNode(col.nodeId)) nodes.add(col.nodeId);
  return { nodes: [...nodes], edges: cell.edges, gap: cell.value === 0 };
}

export function focusHighlight(row: FocusAreaRow): { nodes: string[]; edges: string[] } {
  return {
    nodes: [row.id, ...new Set(row.addressedBy.map((a) => a.node))],
    edges: row.addressedBy.map((a) => a.edge),
  };
}
