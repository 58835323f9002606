// The bar over the graph while exploring: where it started, how many nodes are shown, the selected node's
// actions (the context menu, for those who do not right-click) and the way back to the whole graph.
import type { AppContext } from '../context.js';
import { h } from '../ui/dom.js';
import type { Exploration } from './state.js';

export interface BannerView {
  element: HTMLElement;
  update(xp: Exploration | null): void;
}

export function bannerView(ctx: AppContext, on: { exit(): void; actions(): void }): BannerView {
  const element = h('section', { id: 'explore-bar', class: 'explore-bar', hidden: true });
  const update = (xp: Exploration | null) => {
    element.hidden = !xp;
    if (!xp) {
      element.replaceChildren();
      return;
    }
    const shown = [...xp.shown.keys()].filter((n) => !ctx.graph.getNodeAttribute(n, 'hidden')).length;
    const selected = ctx.state.get().selected;
    element.setAttribute('aria-label', ctx.t('explore.region'));
    element.replaceChildren(
      h(
        'p',
        { class: 'explore-summary' },
        h('strong', { class: 'explore-root' }, ctx.t('explore.from', { name: ctx.nodeName(xp.root) })),
        h('span', { class: 'explore-dot', 'aria-hidden': 'true' }, ' · '),
        h(
          'span',
          { class: 'explore-count' },
          ctx.t(shown === 1 ? 'explore.countOne' : 'explore.count', { nodes: shown }),
        ),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'small-button',
          id: 'explore-actions',
          'aria-haspopup': 'menu',
          'aria-describedby': 'explore-hint',
          title: ctx.t('explore.hint'),
          disabled: !selected,
          onclick: on.actions,
        },
        ctx.t('explore.actions'),
      ),
      h(
        'button',
        { type: 'button', class: 'small-button', id: 'explore-exit', onclick: on.exit },
        ctx.t('explore.exit'),
      ),
      // One line only: the camera keeps a 56-pixel margin around what it frames, and a taller bar would cover
      // nodes at the edge of an exploration. The hint is the actions button's description.
      h('span', { id: 'explore-hint', class: 'sr-only' }, ctx.t('explore.hint')),
    );
  };
  return { element, update };
}
