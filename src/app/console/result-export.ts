// A Cypher result as files: CSV (one cell per column, nodes and relationships by id) and JSON (as received).
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { QueryResult } from '../api.js';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A cell as spreadsheet text: nodes by id, relationships as `source-TYPE->target`, the rest as JSON. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isObject(v) && typeof v.id === 'string' && Array.isArray(v.labels)) return v.id;
  if (
    isObject(v) &&
    typeof v.type === 'string' &&
    typeof v.source === 'string' &&
    typeof v.target === 'string'
  )
    return `${v.source}-${v.type}->${v.target}`;
  if (Array.isArray(v)) return v.map(cellText).join('; ');
  return JSON.stringify(v);
}

export function resultToCsv(result: QueryResult): string {
  return stringify([result.columns, ...result.rows.map((row) => row.map(cellText))]);
}

/** Rows as objects keyed by column, so the file reads without the column list. */
export function resultToJson(result: QueryResult, cypher: string, params: Record<string, unknown>): string {
  const rows = result.rows.map((row) =>
    Object.fromEntries(result.columns.map((c, i) => [c, row[i] ?? null])),
  );
  return `${JSON.stringify({ cypher, params, columns: result.columns, rows, truncated: result.truncated }, null, 2)}\n`;
}
