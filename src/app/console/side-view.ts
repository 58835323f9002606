// The console's side bar: saved queries by category, and the history of queries run.
import type { Bilingual, SavedQuery } from '../api.js';
import type { AppContext } from '../context.js';
import { h } from '../ui/dom.js';
import type { HistoryEntry } from './history.js';
import { groupSaved } from './state.js';

export function bilingual(ctx: AppContext, text: Bilingual | string | undefined): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return ctx.lang === 'en' ? text.en : text.zh;
}

export interface SideViewProps {
  saved: SavedQuery[];
  current: string | null;
  history: HistoryEntry[];
  onSaved(q: SavedQuery): void;
  onHistory(entry: HistoryEntry): void;
  onClearHistory(): void;
}

export function renderSide(el: HTMLElement, ctx: AppContext, p: SideViewProps): void {
  const savedList = groupSaved(p.saved).map(([cat, qs]) => {
    const key = `console.category.${cat}`;
    const title = ctx.t(key) === key ? cat : ctx.t(key);
    return h(
      'div',
      { class: 'cq-group' },
      h('h4', {}, title),
      h(
        'ul',
        {},
        qs.map((q) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'cq-saved-query',
                'data-query': q.id,
                'aria-current': q.id === p.current ? 'true' : null,
                title: bilingual(ctx, q.description),
                onclick: () => p.onSaved(q),
              },
              bilingual(ctx, q.title),
            ),
          ),
        ),
      ),
    );
  });
  const historyItems = p.history.map((entry) =>
    h(
      'li',
      {},
      h(
        'button',
        { type: 'button', class: 'cq-history-item', title: entry.cypher, onclick: () => p.onHistory(entry) },
        entry.cypher.replace(/\s+/g, ' ').slice(0, 90),
      ),
    ),
  );
  const clear = h(
    'button',
    { type: 'button', class: 'cq-history-clear', onclick: p.onClearHistory },
    ctx.t('console.historyClear'),
  );
  const wasOpen = el.querySelector('details')?.open ?? false;
  el.replaceChildren(
    h('h3', {}, ctx.t('console.saved')),
    h('div', { class: 'cq-saved' }, savedList),
    h(
      'details',
      { class: 'cq-history', open: wasOpen },
      h('summary', {}, `${ctx.t('console.history')} (${p.history.length})`),
      p.history.length > 0
        ? [h('ol', {}, historyItems), clear]
        : h('p', { class: 'cq-muted' }, ctx.t('console.historyEmpty')),
    ),
  );
}
