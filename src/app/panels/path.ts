// Shortest path between two chosen nodes: pick both ends, see the path drawn on the graph and listed here.
import { CATEGORY_COLORS } from '../../model/palette.js';
import type { AppContext } from '../context.js';
import { fitView } from '../graph/camera.js';
import { shortestPath } from '../graph/shortest-path.js';
import { createCombobox } from '../search/combobox.js';
import { createGraphSearch } from '../search/graph-search.js';
import { h } from '../ui/dom.js';

export function mountPath(el: HTMLElement, ctx: AppContext): void {
  const index = createGraphSearch(ctx.graph);
  const from = createCombobox(ctx, index, {
    id: 'path-from',
    labelKey: 'path.from',
    onChoose: (node) => {
      from.setValue(node);
      ctx.state.set({ pathFrom: node });
    },
  });
  const to = createCombobox(ctx, index, {
    id: 'path-to',
    labelKey: 'path.to',
    onChoose: (node) => {
      to.setValue(node);
      ctx.state.set({ pathTo: node });
    },
  });
  const title = h('h3', { id: 'path-title' });
  const fromLabel = h('span', { class: 'field-label', 'aria-hidden': 'true' });
  const toLabel = h('span', { class: 'field-label', 'aria-hidden': 'true' });
  const clear = h('button', {
    type: 'button',
    class: 'link-button',
    id: 'path-clear',
    onclick: () => ctx.state.set({ pathFrom: null, pathTo: null }),
  });
  const result = h('div', { class: 'path-result', id: 'path-result', 'aria-live': 'polite' });
  el.replaceChildren(
    h('div', { class: 'section-head' }, title, clear),
    h('div', { class: 'path-field' }, fromLabel, from.root),
    h('div', { class: 'path-field' }, toLabel, to.root),
    result,
  );
  el.setAttribute('aria-labelledby', 'path-title');

  let shownKey = '';
  const render = (fly: boolean) => {
    const { pathFrom, pathTo } = ctx.state.get();
    title.textContent = ctx.t('path.title');
    fromLabel.textContent = ctx.t('path.from');
    toLabel.textContent = ctx.t('path.to');
    clear.textContent = ctx.t('path.clear');
    clear.hidden = !pathFrom && !pathTo;
    if (document.activeElement !== from.input) from.setValue(pathFrom);
    if (document.activeElement !== to.input) to.setValue(pathTo);
    const key = `${pathFrom}|${pathTo}`;
    if (!pathFrom || !pathTo) {
      result.replaceChildren(pathFrom || pathTo ? h('p', { class: 'hint' }, ctx.t('path.pick')) : '');
      if (shownKey) ctx.highlight(null);
      shownKey = '';
      return;
    }
    const path = shortestPath(ctx.graph, pathFrom, pathTo);
    if (!path) {
      result.replaceChildren(h('p', { class: 'hint', 'data-path': 'none' }, ctx.t('path.none')));
      if (shownKey) ctx.highlight(null);
      shownKey = '';
      return;
    }
    if (key !== shownKey) {
      ctx.highlight({ nodes: path.nodes, edges: path.edges }, { source: 'path' });
      if (fly) void fitView(ctx.sigma, path.nodes);
      shownKey = key;
    }
    const items: HTMLElement[] = [];
    path.nodes.forEach((node, i) => {
      const category = ctx.graph.getNodeAttribute(node, 'category');
      items.push(
        h(
          'li',
          { class: 'path-node', 'data-node': node },
          h(
            'button',
            {
              type: 'button',
              class: 'node-link',
              onclick: () => {
                ctx.select(node);
                void ctx.flyTo(node);
              },
            },
            h('span', {
              class: 'swatch',
              style: `background:${CATEGORY_COLORS[category]}`,
              'aria-hidden': 'true',
            }),
            ctx.nodeName(node),
          ),
        ),
      );
      const step = path.steps[i];
      if (step) {
        items.push(
          h(
            'li',
            { class: 'path-step', 'aria-hidden': 'false' },
            step.edges.map((e) => `${e.forward ? '↓' : '↑'} ${ctx.t(`rel.${e.relType}`)}`).join(' · '),
          ),
        );
      }
    });
    result.replaceChildren(
      h('p', { class: 'path-summary' }, ctx.t('path.found', { hops: path.steps.length })),
      h('ol', { class: 'path-list' }, items),
    );
  };
  render(false);
  ctx.onLangChange(() => render(false));
  ctx.state.subscribe((s, prev) => {
    if (s.pathFrom !== prev.pathFrom || s.pathTo !== prev.pathTo) render(true);
  });
}
