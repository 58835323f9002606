// An accessible autocomplete (ARIA 1.2 combobox with a listbox popup) for picking a node by name.
// Used by the header search and by the shortest-path inputs.
import { CATEGORY_COLORS } from '../../model/palette.js';
import type { AppContext } from '../context.js';
import { h } from '../ui/dom.js';
import type { SearchIndex } from './search-index.js';

export interface ComboboxOptions {
  id: string;
  labelKey: string;
  placeholderKey?: string;
  onChoose(node: string): void;
  /** A second action on a result (Shift+Enter, or the mark beside it): exploring from it in the header search. */
  onExplore?(node: string): void;
  limit?: number;
}

export interface Combobox {
  root: HTMLElement;
  input: HTMLInputElement;
  setValue(node: string | null): void;
  close(): void;
}

export function createCombobox(ctx: AppContext, index: SearchIndex, opts: ComboboxOptions): Combobox {
  const listId = `${opts.id}-list`;
  const label = h('label', { for: opts.id, class: 'sr-only' });
  const input = h('input', {
    id: opts.id,
    type: 'search',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'combo-list', hidden: true });
  const status = h('div', { class: 'sr-only', 'aria-live': 'polite' });
  const root = h('div', { class: 'combobox' }, label, input, list, status);
  let results: string[] = [];
  let active = -1;
  /** The node whose name setValue put in the box, until the user types: renamed when the language changes. */
  let shownNode: string | null = null;

  const setActive = (i: number) => {
    active = i;
    list.querySelectorAll('[role="option"]').forEach((li, j) => {
      li.setAttribute('aria-selected', String(j === i));
      if (j === i) li.scrollIntoView({ block: 'nearest' });
    });
    if (i >= 0) input.setAttribute('aria-activedescendant', `${listId}-${i}`);
    else input.removeAttribute('aria-activedescendant');
  };

  const close = () => {
    list.hidden = true;
    // A count for a list that is gone would be read out later, and in the language it was written in.
    status.textContent = '';
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const choose = (i: number, explore = false) => {
    const node = results[i];
    if (!node) return;
    close();
    if (explore && opts.onExplore) opts.onExplore(node);
    else opts.onChoose(node);
  };

  const update = () => {
    const hits = index.search(input.value, opts.limit ?? 10);
    results = hits.map((r) => r.id);
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const a = ctx.graph.getNodeAttributes(hit.id);
        const shown = ctx.nodeName(hit.id);
        const other = ctx.lang === 'zh-Hant' ? a.name : a.nameZh;
        const viaAlias = hit.matched !== a.name && hit.matched !== a.nameZh && hit.matched !== shown;
        return h(
          'li',
          {
            id: `${listId}-${i}`,
            role: 'option',
            'aria-selected': 'false',
            'data-node': hit.id,
            onmousedown: (e: Event) => {
              // Keep focus in the input so the choice does not blur-close first.
              e.preventDefault();
              choose(i);
            },
          },
          h('span', {
            class: 'swatch',
            style: `background:${CATEGORY_COLORS[a.category]}`,
            'aria-hidden': 'true',
          }),
          h('span', { class: 'option-name' }, shown),
          other && other !== shown
            ? h('span', { class: 'option-other', lang: ctx.lang === 'zh-Hant' ? 'en' : 'zh-Hant' }, other)
            : null,
          viaAlias ? h('span', { class: 'option-alias', 'data-content': '' }, `“${hit.matched}”`) : null,
          h('span', { class: 'option-cat' }, ctx.t(`label.${a.category}`)),
          // The keyboard way is Shift+Enter (announced with the results); this is the pointer's.
          opts.onExplore
            ? h(
                'span',
                {
                  class: 'option-explore',
                  'aria-hidden': 'true',
                  title: ctx.t('explore.enter'),
                  'data-explore': hit.id,
                  onmousedown: (e: Event) => {
                    e.preventDefault();
                    e.stopPropagation();
                    choose(i, true);
                  },
                },
                '⊙',
              )
            : null,
        );
      }),
    );
    const open = input.value.trim() !== '';
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    status.textContent = open
      ? results.length
        ? `${ctx.t('search.results', { count: results.length })}${opts.onExplore ? ` ${ctx.t('explore.searchHint')}` : ''}`
        : ctx.t('search.noResults')
      : '';
    if (open && results.length === 0) {
      list.replaceChildren(
        h('li', { class: 'combo-empty', 'aria-disabled': 'true' }, ctx.t('search.noResults')),
      );
    }
    setActive(results.length ? 0 : -1);
  };

  input.addEventListener('input', () => {
    shownNode = null;
    update();
  });
  input.addEventListener('focus', () => {
    if (input.value.trim()) update();
  });
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (list.hidden) update();
      else if (results.length) setActive((active + 1) % results.length);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (results.length) setActive((active - 1 + results.length) % results.length);
    } else if (e.key === 'Enter') {
      if (!list.hidden && active >= 0) {
        e.preventDefault();
        choose(active, e.shiftKey);
      }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (!list.hidden) close();
      else {
        input.value = '';
        shownNode = null;
      }
    }
  });

  const translate = () => {
    label.textContent = ctx.t(opts.labelKey);
    input.placeholder = ctx.t(opts.placeholderKey ?? opts.labelKey);
    // A chosen node is shown by its name in the new language; what the user typed stays, and an open list
    // (its names, categories and count) is drawn again in the new language.
    if (shownNode && ctx.graph.hasNode(shownNode)) input.value = ctx.nodeName(shownNode);
    if (!list.hidden) update();
    else list.replaceChildren();
  };
  translate();
  ctx.onLangChange(translate);

  return {
    root,
    input,
    setValue(node) {
      shownNode = node && ctx.graph.hasNode(node) ? node : null;
      input.value = shownNode ? ctx.nodeName(shownNode) : '';
    },
    close,
  };
}
