// The analysis area under the graph: tabs whose panels are loaded on first opening, so neither the
// coverage view nor the Cypher console (CodeMirror) delays the first paint of the graph.
import type { AppContext } from '../context.js';
import { h } from '../ui/dom.js';
import { bindSlice, defineSlice, flagSlice, sliceChanged } from '../url-slices.js';

type Mount = (el: HTMLElement, ctx: AppContext) => unknown;

// Each view is its own chunk, fetched the first time its tab opens.
const TABS: Record<string, () => Promise<Mount>> = {
  coverage: () => import('../coverage/index.js').then((m) => m.mountCoverage),
  cypher: () => import('../console/index.js').then((m) => m.mountConsole),
  compare: () => import('../compare/index.js').then((m) => m.mountCompare),
  sources: () => import('../sources/index.js').then((m) => m.mountSources),
  review: () => import('../review/index.js').then((m) => m.mountReview),
};

/** The analysis panel covers the whole window (the coverage matrix's 21 rows and all its columns). */
export const FULL_SLICE = defineSlice(flagSlice('full'));

export function mountTabs(root: HTMLElement, ctx: AppContext): void {
  const tabs = [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const close = root.querySelector<HTMLButtonElement>('#analysis-close');
  const mounted = new Set<string>();

  const panelOf = (tab: HTMLButtonElement) =>
    root.querySelector<HTMLElement>(`#${tab.getAttribute('aria-controls') ?? ''}`);

  const load = async (name: string, panel: HTMLElement) => {
    if (mounted.has(name)) return;
    mounted.add(name);
    const loader = TABS[name];
    if (!loader) {
      panel.replaceChildren(h('p', { class: 'hint' }, ctx.t('tabs.unavailable')));
      return;
    }
    panel.replaceChildren(h('p', { class: 'hint' }, ctx.t('tabs.loading')));
    try {
      const mount = await loader();
      panel.replaceChildren();
      await mount(panel, ctx);
    } catch (err) {
      console.error(err);
      panel.replaceChildren(
        h('p', { class: 'error' }, `${ctx.t('tabs.unavailable')}: ${(err as Error).message}`),
      );
    }
  };

  const full = bindSlice(ctx.state, FULL_SLICE);
  const fullButton = h('button', {
    type: 'button',
    id: 'analysis-full',
    class: 'icon-button analysis-full',
    'aria-pressed': 'false',
    onclick: () => full.set(!full.get()),
  });
  close?.before(fullButton);

  const render = () => {
    const open = ctx.state.get().tab;
    root.classList.toggle('is-open', !!open);
    const isFull = !!open && full.get();
    root.classList.toggle('is-full', isFull);
    document.body.classList.toggle('analysis-full-window', isFull);
    fullButton.hidden = !open;
    fullButton.setAttribute('aria-pressed', String(isFull));
    fullButton.textContent = isFull ? '⤡' : '⤢';
    fullButton.setAttribute('aria-label', ctx.t(isFull ? 'tabs.restore' : 'tabs.fullWindow'));
    fullButton.title = fullButton.getAttribute('aria-label') ?? '';
    if (close) close.hidden = !open;
    let anySelected = false;
    for (const tab of tabs) {
      const name = tab.dataset.tab ?? '';
      const selected = name === open;
      anySelected ||= selected;
      tab.setAttribute('aria-selected', String(selected));
      const panel = panelOf(tab);
      if (panel) {
        panel.hidden = !selected;
        if (selected) void load(name, panel);
      }
    }
    // Roving tabindex: the selected tab (or the first) is the one Tab reaches.
    tabs.forEach((tab, i) => {
      tab.tabIndex = (anySelected ? tab.getAttribute('aria-selected') === 'true' : i === 0) ? 0 : -1;
    });
  };

  for (const tab of tabs) {
    tab.addEventListener('click', () => {
      const name = tab.dataset.tab ?? null;
      ctx.state.set({ tab: ctx.state.get().tab === name ? null : name });
    });
    tab.addEventListener('keydown', (e) => {
      const i = tabs.indexOf(tab);
      let next: HTMLButtonElement | undefined;
      if (e.key === 'ArrowRight') next = tabs[(i + 1) % tabs.length];
      else if (e.key === 'ArrowLeft') next = tabs[(i - 1 + tabs.length) % tabs.length];
      else if (e.key === 'Home') next = tabs[0];
      else if (e.key === 'End') next = tabs[tabs.length - 1];
      if (!next) return;
      e.preventDefault();
      next.focus();
      ctx.state.set({ tab: next.dataset.tab ?? null });
    });
  }
  close?.addEventListener('click', () => ctx.state.set({ tab: null }));
  render();
  ctx.state.subscribe((s, prev) => {
    if (s.tab !== prev.tab || sliceChanged(s, prev, FULL_SLICE)) render();
  });
  ctx.onLangChange(render);
}
