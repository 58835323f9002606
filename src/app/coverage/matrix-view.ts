// The economies x participation table: a real <table> with sortable headers, gaps that stand out, totals,
// and arrow-key movement between cells (one tab stop for the whole grid).
import type { CoverageCell, CoverageColumn, CoverageMatrix, CoverageRow } from '../../model/coverage.js';
import type { AppContext } from '../context.js';
import { h } from '../ui/dom.js';
import { nextSort, rowName, type SortKey, type SortState, sortRows } from './sort.js';

export interface MatrixViewOptions {
  sort: SortState;
  onSort(sort: SortState): void;
  /** Focused / chosen cell, kept across re-renders (language change, sorting). */
  active: { economy: string; column: number } | null;
  onCell(row: CoverageRow, column: number): void;
}

export function columnTitle(ctx: AppContext, col: CoverageColumn): string {
  return ctx.lang === 'en' ? col.title.en : col.title.zh;
}

// An attendance whose mode the report does not state (or only implies) is neither: ○, "mode not stated".
const MODE_SYMBOL: Record<string, string> = { 'in-person': '●', virtual: '◐' };
const MODE_TEXT: Record<string, string> = { 'in-person': 'coverage.inPerson', virtual: 'coverage.virtual' };

/** What a cell shows: a symbol for membership columns, the count for counting columns, nothing for a gap. */
export function cellSymbol(col: CoverageColumn, cell: CoverageCell): string {
  if (cell.value === 0) return '';
  if (col.kind === 'meeting') {
    const modes = (cell.detail ?? '').split('+');
    return modes.map((m) => MODE_SYMBOL[m] ?? '○').join('');
  }
  if (col.kind === 'framework' || col.kind === 'group') return cell.detail === 'disputed' ? '✓?' : '✓';
  return String(cell.value);
}

function cellDescription(ctx: AppContext, col: CoverageColumn, cell: CoverageCell): string {
  if (cell.value === 0) return ctx.t('coverage.gap');
  if (col.kind === 'meeting') {
    return (cell.detail ?? '')
      .split('+')
      .map((m) => ctx.t(MODE_TEXT[m] ?? 'coverage.modeNotStated'))
      .join(', ');
  }
  if (cell.detail === 'disputed') return ctx.t('coverage.disputed');
  if (col.kind === 'framework' || col.kind === 'group') return ctx.t('coverage.present');
  return String(cell.value);
}

/** The header shows a framework's abbreviation (CBPR, CPEA) when it has one; the full name is its tooltip. */
function columnShort(ctx: AppContext, col: CoverageColumn): string {
  if (col.kind !== 'framework' || !col.nodeId || !ctx.graph.hasNode(col.nodeId)) return columnTitle(ctx, col);
  const abbreviation = ctx.graph.getNodeAttribute(col.nodeId, 'props').abbreviation;
  return typeof abbreviation === 'string' && abbreviation ? abbreviation : columnTitle(ctx, col);
}

function columnSubtitle(ctx: AppContext, col: CoverageColumn): string | null {
  if (col.kind !== 'meeting' || !col.nodeId || !ctx.graph.hasNode(col.nodeId)) return null;
  const p = ctx.graph.getNodeAttribute(col.nodeId, 'props');
  const start = p.startDate ? String(p.startDate) : '';
  const end = p.endDate && p.endDate !== p.startDate ? `–${String(p.endDate).slice(5)}` : '';
  return start ? `${start}${end}` : null;
}

function sortHeader(
  ctx: AppContext,
  opts: MatrixViewOptions,
  key: SortKey,
  label: string,
  subtitle: string | null,
  extraClass: string,
  col?: { id: string; short: string },
): HTMLTableCellElement {
  const active = opts.sort.key === key;
  const button = h(
    'button',
    // The name is built from the visible text (WCAG 2.5.3, label in name): a hidden "Sort by" before it and
    // the full title after it when the header shows an abbreviation.
    { type: 'button', class: 'cov-sort', title: label },
    h('span', { class: 'sr-only' }, `${ctx.t('coverage.sortPrefix')} `),
    h('span', { class: 'cov-col-title' }, col?.short ?? label),
    subtitle ? h('span', { class: 'cov-col-sub' }, subtitle) : null,
    col && col.short !== label ? h('span', { class: 'sr-only' }, ` (${label})`) : null,
    h(
      'span',
      { class: 'cov-sort-mark', 'aria-hidden': 'true' },
      active ? (opts.sort.dir === 'ascending' ? '▲' : '▼') : '↕',
    ),
  );
  button.addEventListener('click', () => opts.onSort(nextSort(opts.sort, key)));
  return h(
    'th',
    {
      scope: 'col',
      class: `${extraClass}${active ? ' cov-sorted' : ''}`,
      'aria-sort': active ? opts.sort.dir : 'none',
      'data-sort-key': String(key),
      'data-col': col?.id,
    },
    button,
  );
}

export function renderMatrix(ctx: AppContext, m: CoverageMatrix, opts: MatrixViewOptions): HTMLTableElement {
  const rows = sortRows(m.rows, opts.sort, ctx.lang);
  const head = h(
    'tr',
    {},
    sortHeader(ctx, opts, 'economy', ctx.t('coverage.economy'), null, 'cov-economy-head'),
    m.columns.map((col, i) =>
      sortHeader(ctx, opts, i, columnTitle(ctx, col), columnSubtitle(ctx, col), `cov-kind-${col.kind}`, {
        id: col.id,
        short: columnShort(ctx, col),
      }),
    ),
    sortHeader(ctx, opts, 'total', ctx.t('coverage.total'), null, 'cov-total-head'),
  );
  const body = rows.map((row) => {
    const economy = rowName(row, ctx.lang);
    const cells = m.columns.map((col, i) => {
      const cell = row.cells[i] as CoverageCell;
      const column = columnTitle(ctx, col);
      const label =
        cell.value === 0
          ? ctx.t('coverage.gapCell', { economy, column })
          : ctx.t('coverage.cell', { economy, column, value: cellDescription(ctx, col, cell) });
      const isActive = opts.active?.economy === row.economy && opts.active.column === i;
      const button = h(
        'button',
        {
          type: 'button',
          class: 'cov-cell-button',
          'aria-label': label,
          'aria-pressed': isActive ? 'true' : 'false',
          tabindex: -1,
        },
        cellSymbol(col, cell),
      );
      button.addEventListener('click', () => opts.onCell(row, i));
      return h(
        'td',
        {
          class: `cov-cell ${cell.value === 0 ? 'cov-gap' : 'cov-present'}${cell.detail ? ` cov-${cell.detail.replace('+', '-')}` : ''}${isActive ? ' cov-active' : ''}`,
          'data-economy': row.economy,
          'data-col': col.id,
          'data-value': cell.value,
        },
        button,
      );
    });
    return h(
      'tr',
      { 'data-economy': row.economy },
      h('th', { scope: 'row', class: 'cov-economy' }, economy),
      cells,
      h('td', { class: 'cov-total', 'data-total': row.total }, String(row.total)),
    );
  });
  const foot = h(
    'tr',
    {},
    h('th', { scope: 'row' }, ctx.t('coverage.totalsRow')),
    m.columnTotals.map((n, i) => h('td', { class: 'cov-total', 'data-col': m.columns[i]?.id }, String(n))),
    h('td', { class: 'cov-total' }),
  );
  const table = h(
    'table',
    { class: 'cov-matrix' },
    h('caption', { class: 'sr-only' }, ctx.t('coverage.matrixCaption')),
    h('thead', {}, head),
    h('tbody', {}, body),
    h('tfoot', {}, foot),
  );
  enableGridKeys(table, opts.active, rows);
  return table;
}

/** Roving tabindex over the cell buttons: Tab enters the grid once, arrows, Home and End move inside it. */
function enableGridKeys(
  table: HTMLTableElement,
  active: MatrixViewOptions['active'],
  rows: CoverageRow[],
): void {
  const grid = [...(table.tBodies[0]?.rows ?? [])].map((tr) => [
    ...tr.querySelectorAll<HTMLButtonElement>('.cov-cell-button'),
  ]);
  const rowIndex = active
    ? Math.max(
        0,
        rows.findIndex((r) => r.economy === active.economy),
      )
    : 0;
  const colIndex = active?.column ?? 0;
  const start = grid[rowIndex]?.[colIndex] ?? grid[0]?.[0];
  if (start) start.tabIndex = 0;
  table.addEventListener('keydown', (ev) => {
    const target = ev.target as HTMLElement;
    if (!target.classList.contains('cov-cell-button')) return;
    const r = grid.findIndex((row) => row.includes(target as HTMLButtonElement));
    const c = grid[r]?.indexOf(target as HTMLButtonElement) ?? -1;
    if (r < 0 || c < 0) return;
    const width = grid[r]?.length ?? 0;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [Math.max(0, r - 1), c],
      ArrowDown: [Math.min(grid.length - 1, r + 1), c],
      ArrowLeft: [r, Math.max(0, c - 1)],
      ArrowRight: [r, Math.min(width - 1, c + 1)],
      Home: [r, 0],
      End: [r, width - 1],
    };
    const to = moves[ev.key];
    if (!to) return;
    ev.preventDefault();
    const next = grid[to[0]]?.[to[1]];
    if (!next) return;
    target.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  });
}
