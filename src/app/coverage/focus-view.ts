// AIDER's 11 Key Focus Areas against the work addressing them; the ones the report calls under-served are flagged.
import type { FocusAreaRow } from '../../model/coverage.js';
import type { AppContext } from '../context.js';
import { h } from '../ui/dom.js';

export interface FocusViewOptions {
  active: string | null;
  onRow(row: FocusAreaRow): void;
}

export function renderFocusAreas(
  ctx: AppContext,
  rows: FocusAreaRow[],
  opts: FocusViewOptions,
): HTMLTableElement {
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col', class: 'cov-kfa-num' }, ctx.t('coverage.kfa')),
    h('th', { scope: 'col' }, ctx.t('coverage.focusArea')),
    h('th', { scope: 'col', class: 'cov-kfa-count' }, ctx.t('coverage.count')),
    h('th', { scope: 'col' }, ctx.t('coverage.addressedBy')),
    h('th', { scope: 'col' }, ctx.t('coverage.underServed')),
  );
  const body = rows.map((row) => {
    const title = ctx.lang === 'en' ? row.title.en : row.title.zh;
    const show = h(
      'button',
      {
        type: 'button',
        class: 'cov-kfa-show inline-link',
        'aria-pressed': opts.active === row.id ? 'true' : 'false',
      },
      title,
    );
    show.addEventListener('click', () => opts.onRow(row));
    const addressedBy = [...new Set(row.addressedBy.map((a) => a.node))];
    const chips = addressedBy.map((id) => {
      const chip = h(
        'button',
        {
          type: 'button',
          class: `cov-chip cov-chip-${ctx.graph.getNodeAttribute(id, 'category')}`,
          'data-node': id,
        },
        ctx.nodeName(id),
      );
      chip.addEventListener('click', () => {
        ctx.select(id);
        void ctx.flyTo(id);
      });
      return chip;
    });
    return h(
      'tr',
      {
        'data-kfa': row.id,
        class: `${row.underServed ? 'cov-under-served' : ''}${addressedBy.length === 0 ? ' cov-gap-row' : ''}${opts.active === row.id ? ' cov-active' : ''}`,
      },
      h('th', { scope: 'row', class: 'cov-kfa-num' }, String(row.number)),
      h('td', {}, show),
      h(
        'td',
        { class: `cov-kfa-count${addressedBy.length === 0 ? ' cov-gap' : ''}` },
        String(addressedBy.length),
      ),
      h(
        'td',
        {},
        h(
          'div',
          { class: 'cov-kfa-by' },
          chips.length > 0 ? chips : h('span', { class: 'cov-nothing' }, ctx.t('coverage.nothing')),
        ),
      ),
      h('td', { class: 'cov-kfa-flag' }, row.underServed ? ctx.t('coverage.underServedFlag') : ''),
    );
  });
  return h(
    'table',
    { class: 'cov-focus' },
    h('caption', { class: 'sr-only' }, ctx.t('coverage.focusCaption')),
    h('thead', {}, head),
    h('tbody', {}, body),
  );
}
