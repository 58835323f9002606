// The coverage-gap view: who attended, joined, led or spoke where, and which AIDER focus areas lack work.
// Computed in the page from the graph (src/model/coverage.ts), so it works without Neo4j and gives the same
// answers as the saved Cypher queries. This file wires the state (state.ts) to the views.
import {
  type CoverageMatrix,
  type CoverageRow,
  coverageMatrix,
  type FocusAreaRow,
  focusAreaCoverage,
} from '../../model/coverage.js';
import type { KgGraph } from '../../model/graph.js';
import type { AppContext } from '../context.js';
import '../analysis-views.css';
import './coverage.css';
import { h } from '../ui/dom.js';
import { bindSlice, sliceChanged } from '../url-slices.js';
import { renderBar, renderLegend } from './bar-view.js';
import { downloadText, focusAreasToCsv, matrixToCsv } from './csv.js';
import { renderEvidencePanel } from './evidence-view.js';
import { renderFocusAreas } from './focus-view.js';
import { columnTitle, renderMatrix } from './matrix-view.js';
import { rowName } from './sort.js';
import { type CellChoice, cellHighlight, focusHighlight, sortSlice, VIEW_SLICE } from './state.js';

export function mountCoverage(el: HTMLElement, ctx: AppContext): () => void {
  // The page's graph carries extra drawing attributes; the analysis reads only the model's.
  const graph = ctx.graph as unknown as KgGraph;
  const matrix: CoverageMatrix = coverageMatrix(graph);
  const focus: FocusAreaRow[] = focusAreaCoverage(graph);
  const SORT_SLICE = sortSlice(matrix.columns.length);
  const table = bindSlice(ctx.state, VIEW_SLICE);
  const sort = bindSlice(ctx.state, SORT_SLICE);
  let chosenCell: CellChoice | null = null;
  let chosenKfa: string | null = null;

  const root = h('section', { class: 'cov view-column', 'aria-labelledby': 'cov-title' });
  el.replaceChildren(root);

  async function chooseCell(row: CoverageRow, column: number): Promise<void> {
    chosenCell = { economy: row.economy, column };
    const lit = cellHighlight(matrix, chosenCell, (id) => ctx.graph.hasNode(id));
    const col = matrix.columns[column];
    if (!lit || !col) return;
    ctx.highlight({ nodes: lit.nodes, edges: lit.edges });
    ctx.announce(
      lit.gap
        ? ctx.t('coverage.gapCell', { economy: rowName(row, ctx.lang), column: columnTitle(ctx, col) })
        : ctx.t('coverage.highlighted', { count: lit.edges.length }),
    );
    // The evidence quotes come on demand.
    await ctx.details.ensure({ edges: lit.edges });
    render();
    root.querySelector<HTMLButtonElement>('.cov-active .cov-cell-button')?.focus();
  }

  async function chooseKfa(row: FocusAreaRow): Promise<void> {
    chosenKfa = row.id;
    const lit = focusHighlight(row);
    ctx.highlight(lit);
    ctx.announce(ctx.t('coverage.highlighted', { count: row.addressedBy.length }));
    await ctx.details.ensure({ edges: lit.edges });
    render();
  }

  function clearHighlight(): void {
    chosenCell = null;
    chosenKfa = null;
    ctx.highlight(null);
    render();
  }

  /** What the evidence panel shows for the current choice, in the page language. */
  function evidence() {
    if (table.get() === 'matrix' && chosenCell) {
      const { economy, column } = chosenCell;
      const row = matrix.rows.find((r) => r.economy === economy);
      const col = matrix.columns[column];
      const cell = row?.cells[column];
      if (!row || !col || !cell) return null;
      const names = { economy: rowName(row, ctx.lang), column: columnTitle(ctx, col) };
      return {
        title: ctx.t('coverage.evidenceFor', names),
        edges: cell.edges,
        empty: ctx.t('coverage.noEvidence', names),
      };
    }
    if (table.get() === 'focus' && chosenKfa) {
      const row = focus.find((r) => r.id === chosenKfa);
      if (!row) return null;
      return {
        title: `${row.number}. ${ctx.lang === 'en' ? row.title.en : row.title.zh}`,
        flag: row.underServed ? ctx.t('coverage.underServedFlag') : '',
        edges: row.addressedBy.map((a) => a.edge),
        empty: ctx.t('coverage.nothing'),
      };
    }
    return null;
  }

  function exportCsv(): void {
    if (table.get() === 'matrix') {
      const csv = matrixToCsv(matrix, ctx.lang, {
        economy: ctx.t('coverage.economy'),
        total: ctx.t('coverage.total'),
      });
      downloadText('apec-coverage.csv', csv);
      return;
    }
    const labels = {
      number: ctx.t('coverage.kfa'),
      focusArea: ctx.t('coverage.focusArea'),
      underServed: ctx.t('coverage.underServed'),
      addressedBy: ctx.t('coverage.addressedBy'),
    };
    downloadText(
      'apec-focus-areas.csv',
      focusAreasToCsv(focus, ctx.lang, labels, (id) => ctx.nodeName(id)),
    );
  }

  function render(): void {
    const which = table.get();
    const body =
      which === 'matrix'
        ? renderMatrix(ctx, matrix, {
            sort: sort.get(),
            onSort: (s) => {
              sort.set(s);
              root.querySelector<HTMLButtonElement>(`th[data-sort-key="${s.key}"] button`)?.focus();
            },
            active: chosenCell,
            onCell: (row, column) => void chooseCell(row, column),
          })
        : renderFocusAreas(ctx, focus, { active: chosenKfa, onRow: (row) => void chooseKfa(row) });
    root.replaceChildren(
      renderBar(
        ctx,
        which,
        (t) => {
          table.set(t);
          root.querySelector<HTMLButtonElement>('[role="tab"][aria-selected="true"]')?.focus();
        },
        exportCsv,
      ),
      h(
        'div',
        { class: 'cov-body', role: 'tabpanel', id: 'cov-tabpanel', 'aria-labelledby': `cov-tab-${which}` },
        h(
          'div',
          { class: 'cov-main' },
          h(
            'p',
            { class: 'cov-intro' },
            ctx.t(which === 'matrix' ? 'coverage.intro' : 'coverage.focusCaption'),
          ),
          which === 'matrix' ? renderLegend(ctx) : '',
          h('div', { class: 'cov-scroll' }, body),
        ),
        renderEvidencePanel(ctx, evidence(), clearHighlight),
      ),
    );
  }

  render();
  const offLang = ctx.onLangChange(() => render());
  const offState = ctx.state.subscribe((s, prev) => {
    if (sliceChanged(s, prev, VIEW_SLICE, SORT_SLICE)) render();
  });
  return () => {
    offLang();
    offState();
  };
}
