// The coverage-gap view: who attended, joined, led or spoke where, and which AIDER focus areas lack work.
// Computed in the page from the graph (src/model/coverage.ts), so it works without Neo4j and gives the same
// answers as the saved Cypher queries.
import {
  type CoverageMatrix,
  type CoverageRow,
  coverageMatrix,
  type FocusAreaRow,
  focusAreaCoverage,
} from '../../model/coverage.js';
import type { KgGraph } from '../../model/graph.js';
import type { AppContext } from '../context.js';
import './coverage.css';
import { h } from '../ui/dom.js';
import { downloadText, focusAreasToCsv, matrixToCsv } from './csv.js';
import { renderEvidence } from './evidence-view.js';
import { renderFocusAreas } from './focus-view.js';
import { columnTitle, renderMatrix } from './matrix-view.js';
import { rowName, type SortState } from './sort.js';

type View = 'matrix' | 'focus';

const VIEW_KEY = 'cov';
const SORT_KEY = 'covSort';

/** `economy:a`, `total:d`, `3:a` in the URL's x.covSort. */
function decodeSort(v: string | undefined, columns: number): SortState {
  const m = /^(economy|total|\d+):([ad])$/.exec(v ?? '');
  if (!m) return { key: 'economy', dir: 'ascending' };
  const key = m[1] === 'economy' || m[1] === 'total' ? m[1] : Number(m[1]);
  if (typeof key === 'number' && key >= columns) return { key: 'economy', dir: 'ascending' };
  return { key, dir: m[2] === 'a' ? 'ascending' : 'descending' };
}

function encodeSort(s: SortState): string {
  return `${s.key}:${s.dir === 'ascending' ? 'a' : 'd'}`;
}

interface Selection {
  economy: string;
  column: number;
}

export function mountCoverage(el: HTMLElement, ctx: AppContext): () => void {
  // The page's graph carries extra drawing attributes; the analysis reads only the model's.
  const graph = ctx.graph as unknown as KgGraph;
  const matrix: CoverageMatrix = coverageMatrix(graph);
  const focus: FocusAreaRow[] = focusAreaCoverage(graph);
  let selected: Selection | null = null;
  let selectedKfa: string | null = null;

  const view = (): View => (ctx.state.get().extra[VIEW_KEY] === 'focus' ? 'focus' : 'matrix');
  const sort = (): SortState => decodeSort(ctx.state.get().extra[SORT_KEY], matrix.columns.length);
  const setExtra = (key: string, value: string) =>
    ctx.state.set({ extra: { ...ctx.state.get().extra, [key]: value } });

  const root = h('section', { class: 'cov', 'aria-labelledby': 'cov-title' });
  el.replaceChildren(root);

  function chooseCell(row: CoverageRow, column: number): void {
    selected = { economy: row.economy, column };
    const col = matrix.columns[column];
    const cell = row.cells[column];
    if (!col || !cell) return;
    const nodes = new Set([row.economy, ...cell.nodes]);
    // A gap has no edge to show; highlighting both ends makes the missing link visible.
    if (cell.value === 0 && col.nodeId && ctx.graph.hasNode(col.nodeId)) nodes.add(col.nodeId);
    ctx.highlight({ nodes: [...nodes], edges: cell.edges });
    ctx.announce(
      cell.value === 0
        ? ctx.t('coverage.gapCell', { economy: rowName(row, ctx.lang), column: columnTitle(ctx, col) })
        : ctx.t('coverage.highlighted', { count: cell.edges.length }),
    );
    render();
    root.querySelector<HTMLButtonElement>('.cov-active .cov-cell-button')?.focus();
  }

  function chooseKfa(row: FocusAreaRow): void {
    selectedKfa = row.id;
    ctx.highlight({
      nodes: [row.id, ...row.addressedBy.map((a) => a.node)],
      edges: row.addressedBy.map((a) => a.edge),
    });
    ctx.announce(ctx.t('coverage.highlighted', { count: row.addressedBy.length }));
    render();
  }

  function clearHighlight(): void {
    selected = null;
    selectedKfa = null;
    ctx.highlight(null);
    render();
  }

  function evidencePanel(): HTMLElement {
    const clear = h('button', { type: 'button', class: 'cov-clear' }, ctx.t('coverage.clearHighlight'));
    clear.addEventListener('click', clearHighlight);
    const panel = h('aside', { class: 'cov-evidence', 'aria-label': ctx.t('coverage.evidence') });
    if (view() === 'matrix' && selected) {
      const row = matrix.rows.find((r) => r.economy === selected?.economy);
      const col = matrix.columns[selected.column];
      const cell = row?.cells[selected.column];
      if (row && col && cell) {
        const names = { economy: rowName(row, ctx.lang), column: columnTitle(ctx, col) };
        panel.append(
          h('h3', {}, ctx.t('coverage.evidenceFor', names)),
          cell.edges.length > 0
            ? renderEvidence(ctx, cell.edges)
            : h('p', { class: 'cov-no-evidence' }, ctx.t('coverage.noEvidence', names)),
          clear,
        );
        return panel;
      }
    }
    if (view() === 'focus' && selectedKfa) {
      const row = focus.find((r) => r.id === selectedKfa);
      if (row) {
        panel.append(
          h('h3', {}, `${row.number}. ${ctx.lang === 'en' ? row.title.en : row.title.zh}`),
          h('p', { class: 'cov-kfa-flag' }, row.underServed ? ctx.t('coverage.underServedFlag') : ''),
          row.addressedBy.length > 0
            ? renderEvidence(
                ctx,
                row.addressedBy.map((a) => a.edge),
              )
            : h('p', { class: 'cov-no-evidence' }, ctx.t('coverage.nothing')),
          clear,
        );
        return panel;
      }
    }
    panel.append(h('h3', {}, ctx.t('coverage.evidence')), h('p', {}, ctx.t('coverage.evidenceHint')));
    return panel;
  }

  function tabs(): HTMLElement {
    const list = h('div', { role: 'tablist', class: 'cov-tabs', 'aria-label': ctx.t('coverage.title') });
    const views: [View, string][] = [
      ['matrix', ctx.t('coverage.matrixTab')],
      ['focus', ctx.t('coverage.focusTab')],
    ];
    for (const [v, label] of views) {
      const on = view() === v;
      const tab = h(
        'button',
        {
          type: 'button',
          role: 'tab',
          id: `cov-tab-${v}`,
          'aria-selected': on ? 'true' : 'false',
          'aria-controls': 'cov-tabpanel',
          tabindex: on ? 0 : -1,
        },
        label,
      );
      tab.addEventListener('click', () => setExtra(VIEW_KEY, v === 'matrix' ? '' : v));
      tab.addEventListener('keydown', (ev) => {
        if (ev.key !== 'ArrowLeft' && ev.key !== 'ArrowRight') return;
        ev.preventDefault();
        setExtra(VIEW_KEY, view() === 'matrix' ? 'focus' : '');
        root.querySelector<HTMLButtonElement>('[role="tab"][aria-selected="true"]')?.focus();
      });
      list.append(tab);
    }
    return list;
  }

  function exportCsv(): void {
    if (view() === 'matrix') {
      const csv = matrixToCsv(matrix, ctx.lang, {
        economy: ctx.t('coverage.economy'),
        total: ctx.t('coverage.total'),
      });
      downloadText('apec-coverage.csv', csv);
    } else {
      const csv = focusAreasToCsv(
        focus,
        ctx.lang,
        {
          number: ctx.t('coverage.kfa'),
          focusArea: ctx.t('coverage.focusArea'),
          underServed: ctx.t('coverage.underServed'),
          addressedBy: ctx.t('coverage.addressedBy'),
        },
        (id) => ctx.nodeName(id),
      );
      downloadText('apec-focus-areas.csv', csv);
    }
  }

  function render(): void {
    const csv = h('button', { type: 'button', class: 'cov-csv' }, ctx.t('coverage.exportCsv'));
    csv.addEventListener('click', exportCsv);
    const table =
      view() === 'matrix'
        ? renderMatrix(ctx, matrix, {
            sort: sort(),
            onSort: (s) => {
              setExtra(SORT_KEY, s.key === 'economy' && s.dir === 'ascending' ? '' : encodeSort(s));
              root.querySelector<HTMLButtonElement>(`th[data-sort-key="${s.key}"] button`)?.focus();
            },
            active: selected,
            onCell: chooseCell,
          })
        : renderFocusAreas(ctx, focus, { active: selectedKfa, onRow: chooseKfa });
    const legend =
      view() === 'matrix'
        ? h(
            'ul',
            { class: 'cov-legend' },
            h('li', {}, ctx.t('coverage.legendInPerson')),
            h('li', {}, ctx.t('coverage.legendVirtual')),
            h('li', {}, ctx.t('coverage.legendMember')),
            h(
              'li',
              {},
              h('span', { class: 'cov-gap-swatch', 'aria-hidden': 'true' }),
              ctx.t('coverage.legendGap'),
            ),
          )
        : null;
    root.replaceChildren(
      h('div', { class: 'cov-bar' }, h('h2', { id: 'cov-title' }, ctx.t('coverage.title')), tabs(), csv),
      h(
        'div',
        {
          class: 'cov-body',
          role: 'tabpanel',
          id: 'cov-tabpanel',
          'aria-labelledby': `cov-tab-${view()}`,
        },
        h(
          'div',
          { class: 'cov-main' },
          h(
            'p',
            { class: 'cov-intro' },
            ctx.t(view() === 'matrix' ? 'coverage.intro' : 'coverage.focusCaption'),
          ),
          legend,
          h('div', { class: 'cov-scroll' }, table),
        ),
        evidencePanel(),
      ),
    );
  }

  render();
  const offLang = ctx.onLangChange(() => render());
  const offState = ctx.state.subscribe((s, prev) => {
    if (s.extra[VIEW_KEY] !== prev.extra[VIEW_KEY] || s.extra[SORT_KEY] !== prev.extra[SORT_KEY]) render();
  });
  return () => {
    offLang();
    offState();
  };
}
