// Colour legend that is also the label filter: each entry toggles its node type and shows its count.
import { CATEGORY_COLORS } from '../../model/palette.js';
import { NODE_LABELS, type NodeLabel } from '../../model/types.js';
import type { AppContext } from '../context.js';
import { countNodesBy, formatCount } from '../graph/counts.js';
import { h } from '../ui/dom.js';
import { mountCountingPanel } from './counting-panel.js';

export function mountLegend(el: HTMLElement, ctx: AppContext): void {
  const presentLabels = () => {
    const present = new Set<string>();
    ctx.graph.forEachNode((_n, a) => present.add(a.category));
    return NODE_LABELS.filter((l) => present.has(l));
  };

  const toggle = (label: NodeLabel) => {
    const hidden = new Set(ctx.state.get().hiddenLabels);
    if (hidden.has(label)) hidden.delete(label);
    else hidden.add(label);
    ctx.state.set({ hiddenLabels: NODE_LABELS.filter((l) => hidden.has(l)) });
  };

  const build = () => {
    const labels = presentLabels();
    const counts = countNodesBy(ctx.graph, (n) => ctx.graph.getNodeAttribute(n, 'category'));
    const hidden = new Set(ctx.state.get().hiddenLabels);
    const items = labels.map((label) =>
      h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'legend-item',
            'data-label': label,
            'data-focus-key': `legend-${label}`,
            'aria-pressed': String(!hidden.has(label)),
            onclick: () => toggle(label),
          },
          h('span', {
            class: 'swatch',
            style: `background:${CATEGORY_COLORS[label]}`,
            'aria-hidden': 'true',
          }),
          h('span', { class: 'legend-name' }, ctx.t(`labels.${label}`)),
          h('span', { class: 'count' }, formatCount(counts.get(label))),
        ),
      ),
    );
    el.replaceChildren(
      h(
        'div',
        { class: 'section-head' },
        h('h3', { id: 'legend-title' }, ctx.t('legend.title')),
        h(
          'span',
          { class: 'head-actions' },
          h(
            'button',
            { type: 'button', class: 'link-button', onclick: () => ctx.state.set({ hiddenLabels: [] }) },
            ctx.t('legend.all'),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'link-button',
              onclick: () => ctx.state.set({ hiddenLabels: [...labels] }),
            },
            ctx.t('legend.none'),
          ),
        ),
      ),
      h('p', { class: 'hint' }, ctx.t('legend.hint')),
      h('ul', { class: 'legend', 'aria-labelledby': 'legend-title' }, items),
    );
  };
  mountCountingPanel(el, ctx, build);
}
