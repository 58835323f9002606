// The coverage view's top bar: its title, the matrix / focus-area switch and the CSV download.
import type { AppContext } from '../context.js';
import { h } from '../ui/dom.js';
import type { CoverageTable } from './state.js';

export function renderBar(
  ctx: AppContext,
  table: CoverageTable,
  onTable: (t: CoverageTable) => void,
  onCsv: () => void,
): HTMLElement {
  const list = h('div', { role: 'tablist', class: 'cov-tabs', 'aria-label': ctx.t('coverage.title') });
  const views: [CoverageTable, string][] = [
    ['matrix', ctx.t('coverage.matrixTab')],
    ['focus', ctx.t('coverage.focusTab')],
  ];
  for (const [v, label] of views) {
    const on = table === v;
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
    tab.addEventListener('click', () => onTable(v));
    tab.addEventListener('keydown', (ev) => {
      if (ev.key !== 'ArrowLeft' && ev.key !== 'ArrowRight') return;
      ev.preventDefault();
      onTable(table === 'matrix' ? 'focus' : 'matrix');
    });
    list.append(tab);
  }
  return h(
    'div',
    { class: 'cov-bar' },
    h('h2', { id: 'cov-title' }, ctx.t('coverage.title')),
    list,
    h('button', { type: 'button', class: 'cov-csv', onclick: onCsv }, ctx.t('coverage.exportCsv')),
    h(
      'button',
      { type: 'button', class: 'cov-print print-button', onclick: () => window.print() },
      ctx.t('coverage.print'),
    ),
  );
}

export function renderLegend(ctx: AppContext): HTMLElement {
  return h(
    'ul',
    { class: 'cov-legend' },
    h('li', {}, ctx.t('coverage.legendInPerson')),
    h('li', {}, ctx.t('coverage.legendVirtual')),
    h('li', {}, ctx.t('coverage.legendModeNotStated')),
    h('li', {}, ctx.t('coverage.legendMember')),
    h('li', {}, h('span', { class: 'cov-gap-swatch', 'aria-hidden': 'true' }), ctx.t('coverage.legendGap')),
  );
}
