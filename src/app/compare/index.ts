// The comparison view: two to four economies in columns, the economy profile's rows, differences marked,
// CSV export and a print layout. The table comes from model.ts; this file draws it and keeps the choice in
// the URL (?cmp=TWN,USA).
import type { AppContext } from '../context.js';
import { propValue } from '../props/text.js';
import { download, h } from '../ui/dom.js';
import { bindSlice, sliceChanged } from '../url-slices.js';
import { COMPARE_SLICE, DIFFS_SLICE } from './state.js';
import '../analysis-views.css';
import './compare.css';
import { compareToCsv } from './csv.js';
import {
  type CompareCell,
  type CompareSection,
  type CompareTable,
  compareEconomies,
  MAX_COMPARED,
  MIN_COMPARED,
  normaliseSelection,
} from './model.js';

export function mountCompare(el: HTMLElement, ctx: AppContext): () => void {
  const chosen = bindSlice(ctx.state, COMPARE_SLICE);
  const onlyDiffs = bindSlice(ctx.state, DIFFS_SLICE);
  const isEconomy = (id: string) =>
    ctx.graph.hasNode(id) && ctx.graph.getNodeAttribute(id, 'category') === 'Economy';
  const economies = () =>
    ctx.graph
      .filterNodes((_n, a) => a.category === 'Economy')
      .sort((a, b) => ctx.nodeName(a).localeCompare(ctx.nodeName(b), ctx.lang === 'en' ? 'en' : 'zh-Hant'));
  const root = h('section', { class: 'cmp view-column', 'aria-labelledby': 'cmp-title' });
  el.replaceChildren(root);

  const selection = () => normaliseSelection(chosen.get(), isEconomy);

  function cellText(section: CompareSection, c: CompareCell): string {
    if (!c.present) return '—';
    switch (section) {
      case 'meetings':
        return (
          c.detail
            .split(', ')
            .map((m) =>
              m === 'virtual'
                ? ctx.t('coverage.virtual')
                : m === 'in-person'
                  ? ctx.t('coverage.inPerson')
                  : m,
            )
            .filter(Boolean)
            .join(', ') || ctx.t('compare.yes')
        );
      case 'projectsLed':
      case 'projectsSupported':
        return c.detail ? ctx.t(`status.${c.detail}`) : ctx.t('compare.yes');
      case 'frameworks':
        return c.detail === 'disputed'
          ? ctx.t('coverage.disputed')
          : c.detail
            ? propValue(ctx.t, c.detail)
            : ctx.t('compare.yes');
      case 'roles':
        return c.detail
          .split(', ')
          .map((p) => ctx.nodeName(p))
          .join(', ');
      default:
        return ctx.t('compare.yes');
    }
  }

  function pickers(sel: string[]): HTMLElement {
    const all = economies();
    const slots = Array.from({ length: MAX_COMPARED }, (_, i) => {
      const id = `cmp-pick-${i}`;
      const select = h(
        'select',
        { id, class: 'cmp-pick', 'data-slot': i },
        h('option', { value: '' }, ctx.t('compare.none')),
        all.map((e) => h('option', { value: e, selected: sel[i] === e }, ctx.nodeName(e))),
      );
      select.addEventListener('change', () => {
        const next = [...sel];
        if (select.value) next[i] = select.value;
        else next.splice(i, 1);
        chosen.set(normaliseSelection(next.filter(Boolean), isEconomy));
      });
      return h(
        'span',
        { class: 'cmp-slot' },
        h('label', { for: id }, ctx.t('compare.pick', { n: i + 1 })),
        select,
      );
    });
    return h('div', { class: 'cmp-pickers' }, slots);
  }

  function exportCsv(t: CompareTable): void {
    const csv = compareToCsv(t, {
      name: (id) => ctx.nodeName(id),
      section: (k) => ctx.t(`compare.section.${k}`),
      cell: cellText,
      headers: {
        section: ctx.t('compare.section'),
        id: 'id',
        item: ctx.t('compare.item'),
        differs: ctx.t('compare.differs'),
      },
      yes: ctx.t('compare.yes'),
    });
    download(`apec-compare-${t.economies.join('-')}.csv`, `\uFEFF${csv}`, 'text/csv;charset=utf-8');
  }

  function table(t: CompareTable): HTMLTableElement {
    const diffsOnly = onlyDiffs.get();
    const body = t.sections.map((s) => {
      const rows = diffsOnly ? s.rows.filter((r) => r.differs) : s.rows;
      return h(
        'tbody',
        { 'data-section': s.key },
        h(
          'tr',
          { class: 'cmp-section' },
          h('th', { scope: 'rowgroup', class: 'cmp-section-name' }, ctx.t(`compare.section.${s.key}`)),
          s.counts.map((n) => h('td', { class: 'cmp-count' }, String(n))),
          h('td', {}),
        ),
        rows.map((r) =>
          h(
            'tr',
            { class: r.differs ? 'cmp-row cmp-differs' : 'cmp-row', 'data-node': r.node },
            h(
              'th',
              { scope: 'row' },
              ctx.nodeName(r.node),
              r.qualifier ? h('span', { class: 'cmp-qualifier' }, ` (${r.qualifier})`) : '',
            ),
            r.cells.map((c) =>
              h(
                'td',
                {
                  class: c.present ? 'cmp-present' : 'cmp-absent',
                  // People's names, as the sources write them.
                  'data-content': c.present && s.key === 'roles',
                },
                cellText(s.key, c),
              ),
            ),
            h(
              'td',
              { class: 'cmp-mark' },
              r.differs
                ? h(
                    'span',
                    { title: ctx.t('compare.differsMark') },
                    '≠',
                    h('span', { class: 'sr-only' }, ` ${ctx.t('compare.differsMark')}`),
                  )
                : '',
            ),
          ),
        ),
      );
    });
    return h(
      'table',
      { class: 'cmp-table' },
      h('caption', { class: 'sr-only' }, ctx.t('compare.caption')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, ctx.t('compare.item')),
          t.economies.map((e) => h('th', { scope: 'col', 'data-economy': e }, ctx.nodeName(e))),
          h('th', { scope: 'col', class: 'cmp-mark' }, ctx.t('compare.differs')),
        ),
      ),
      body,
    );
  }

  function render(): void {
    const sel = selection();
    const t = sel.length >= MIN_COMPARED ? compareEconomies(ctx.graph, sel) : null;
    const diffToggle = h('input', { type: 'checkbox', id: 'cmp-only-diffs', checked: onlyDiffs.get() });
    diffToggle.addEventListener('change', () => onlyDiffs.set(diffToggle.checked));
    root.replaceChildren(
      h(
        'div',
        { class: 'cmp-bar' },
        h('h2', { id: 'cmp-title' }, ctx.t('compare.title')),
        pickers(sel),
        h(
          'span',
          { class: 'cmp-toggle' },
          diffToggle,
          h('label', { for: 'cmp-only-diffs' }, ctx.t('compare.onlyDiffs')),
        ),
        h(
          'button',
          { type: 'button', class: 'cmp-csv', disabled: !t, onclick: () => t && exportCsv(t) },
          ctx.t('compare.exportCsv'),
        ),
        h(
          'button',
          { type: 'button', class: 'cmp-print print-button', disabled: !t, onclick: () => window.print() },
          ctx.t('compare.print'),
        ),
      ),
      t
        ? h(
            'div',
            { class: 'cmp-scroll', tabindex: 0, role: 'region', 'aria-label': ctx.t('compare.caption') },
            table(t),
          )
        : h('p', { class: 'hint' }, ctx.t('compare.hint')),
    );
  }

  render();
  const offLang = ctx.onLangChange(render);
  const offState = ctx.state.subscribe((s, prev) => {
    if (sliceChanged(s, prev, COMPARE_SLICE, DIFFS_SLICE)) render();
  });
  return () => {
    offLang();
    offState();
  };
}
