// The analysis area under the graph: tabs whose panels are loaded on first opening, so neither the
// coverage view nor the Cypher console (CodeMirror) delays the first paint of the graph.
import type { AppContext } from '../context.js';
import { h } from './dom.js';

type Mount = (el: HTMLElement, ctx: AppContext) => void | Promise<void>;

// Globbed rather than imported, so the page builds while a feature folder is missing or unfinished.
const loaders = import.meta.glob<Record<string, unknown>>([
  '../coverage/index.ts',
  '../console/index.ts',
  '../sources/index.ts',
  '../review/index.ts',
]);

const TABS: Record<string, { path: string; exportName: string }> = {
  coverage: { path: '../coverage/index.ts', exportName: 'mountCoverage' },
  cypher: { path: '../console/index.ts', exportName: 'mountConsole' },
  sources: { path: '../sources/index.ts', exportName: 'mountSources' },
  review: { path: '../review/index.ts', exportName: 'mountReview' },
};

export function mountTabs(root: HTMLElement, ctx: AppContext): void {
  const tabs = [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const close = root.querySelector<HTMLButtonElement>('#analysis-close');
  const mounted = new Set<string>();

  const panelOf = (tab: HTMLButtonElement) =>
    root.querySelector<HTMLElement>(`#${tab.getAttribute('aria-controls') ?? ''}`);

  const load = async (name: string, panel: HTMLElement) => {
    if (mounted.has(name)) return;
    mounted.add(name);
    const spec = TABS[name];
    const loader = spec ? loaders[spec.path] : undefined;
    if (!spec || !loader) {
      panel.replaceChildren(h('p', { class: 'hint' }, ctx.t('tabs.unavailable')));
      return;
    }
    panel.replaceChildren(h('p', { class: 'hint' }, ctx.t('tabs.loading')));
    try {
      const mod = await loader();
      const mount = mod[spec.exportName] as Mount | undefined;
      if (typeof mount !== 'function') throw new Error(`${spec.path} does not export ${spec.exportName}`);
      panel.replaceChildren();
      await mount(panel, ctx);
    } catch (err) {
      console.error(err);
      panel.replaceChildren(
        h('p', { class: 'error' }, `${ctx.t('tabs.unavailable')}: ${(err as Error).message}`),
      );
    }
  };

  const render = () => {
    const open = ctx.state.get().tab;
    root.classList.toggle('is-open', !!open);
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
    if (s.tab !== prev.tab) render();
  });
}
