// Header search: choosing a result selects the node, opens its details and flies the camera to it.
import type { AppContext } from '../context.js';
import { explorationPatch } from '../explore/slice.js';
import { startExploration } from '../explore/state.js';
import { createCombobox } from './combobox.js';
import { createGraphSearch } from './graph-search.js';

export function mountSearch(el: HTMLElement, ctx: AppContext): void {
  const combo = createCombobox(ctx, createGraphSearch(ctx.graph), {
    id: 'search-input',
    labelKey: 'search.label',
    placeholderKey: 'search.placeholder',
    onChoose(node) {
      combo.setValue(node);
      ctx.select(node);
      void ctx.flyTo(node);
    },
    onExplore(node) {
      combo.setValue(node);
      // The exploration frames its one node itself (explore/index.ts).
      ctx.state.set({ selected: node, ...explorationPatch(ctx.state.get(), startExploration(node)) });
    },
  });
  el.replaceChildren(combo.root);
  // '/' focuses the search from anywhere outside a text field, as in many graph tools.
  document.addEventListener('keydown', (e) => {
    if (e.key !== '/' || e.defaultPrevented) return;
    const target = e.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable], .cm-editor')) return;
    e.preventDefault();
    combo.input.focus();
  });
}
