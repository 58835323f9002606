// The comparison as CSV: one line per row of the table, a column per economy, and whether the row differs.
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { CompareCell, CompareSection, CompareTable } from './model.js';

export interface CompareCsvText {
  name(id: string): string;
  section(key: CompareSection): string;
  cell(section: CompareSection, cell: CompareCell): string;
  headers: { section: string; id: string; item: string; differs: string };
  yes: string;
}

export function compareToCsv(t: CompareTable, text: CompareCsvText): string {
  const header = [
    text.headers.section,
    text.headers.id,
    text.headers.item,
    ...t.economies.map((e) => text.name(e)),
    text.headers.differs,
  ];
  const lines = t.sections.flatMap((s) =>
    s.rows.map((r) => [
      text.section(s.key),
      r.node,
      r.qualifier ? `${text.name(r.node)} (${r.qualifier})` : text.name(r.node),
      ...r.cells.map((c) => text.cell(s.key, c)),
      r.differs ? text.yes : '',
    ]),
  );
  return stringify([header, ...lines]);
}
