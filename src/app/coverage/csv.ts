// The coverage matrix as CSV for spreadsheets: one row per economy, the cell values and modes, then totals.
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { CoverageMatrix, FocusAreaRow } from '../../model/coverage.js';
import { rowName } from './sort.js';

function cellText(value: number, detail: string | undefined): string | number {
  if (!detail) return value;
  return value > 0 ? `${value} (${detail})` : value;
}

export function matrixToCsv(
  m: CoverageMatrix,
  lang: string,
  labels: { economy: string; total: string },
): string {
  const title = (t: { en: string; zh: string }) => (lang === 'en' ? t.en : t.zh);
  const header = ['id', labels.economy, ...m.columns.map((c) => title(c.title)), labels.total];
  const body = m.rows.map((r) => [
    r.economy,
    rowName(r, lang),
    ...r.cells.map((c) => cellText(c.value, c.detail)),
    r.total,
  ]);
  const totals = ['', labels.total, ...m.columnTotals, ''];
  return stringify([header, ...body, totals]);
}

export function focusAreasToCsv(
  rows: FocusAreaRow[],
  lang: string,
  labels: { number: string; focusArea: string; underServed: string; addressedBy: string },
  nameOf: (id: string) => string,
): string {
  const header = [labels.number, labels.focusArea, labels.underServed, labels.addressedBy];
  const body = rows.map((r) => [
    r.number,
    lang === 'en' ? r.title.en : r.title.zh,
    r.underServed ? 'yes' : '',
    r.addressedBy.map((a) => nameOf(a.node)).join('; '),
  ]);
  return stringify([header, ...body]);
}

/** Offers text as a file download; the BOM lets Excel read the Chinese names as UTF-8. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const blob = new Blob([`\uFEFF${text}`], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
