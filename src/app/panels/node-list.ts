// The visible graph as a plain list grouped by type: the canvas's counterpart for keyboard and screen readers.
import { NODE_LABELS } from '../../model/types.js';
import type { AppContext } from '../context.js';
import { exploreSlice } from '../explore/slice.js';
import { filterSpecChanged } from '../graph/apply-filters.js';
import { onContentChange } from '../graph/content-changes.js';
import { h } from '../ui/dom.js';
import { sliceChanged } from '../url-slices.js';
import { nodeLink } from './node-link.js';

export function mountNodeList(el: HTMLElement, ctx: AppContext): void {
  let open = false;
  const build = () => {
    const byLabel = new Map<string, string[]>();
    if (open) {
      ctx.graph.forEachNode((node, a) => {
        if (a.hidden) return;
        const list = byLabel.get(a.category) ?? [];
        list.push(node);
        byLabel.set(a.category, list);
      });
    }
    const details = h(
      'details',
      { class: 'node-list', open },
      h('summary', {}, ctx.t('graph.listLabel')),
      open
        ? NODE_LABELS.filter((l) => byLabel.has(l)).map((label) => {
            const nodes = (byLabel.get(label) ?? []).sort((a, b) =>
              ctx.nodeName(a).localeCompare(ctx.nodeName(b)),
            );
            return h(
              'section',
              {},
              h('h4', {}, `${ctx.t(`labels.${label}`)} (${nodes.length})`),
              h(
                'ul',
                {},
                nodes.map((node) => h('li', {}, nodeLink(ctx, node))),
              ),
            );
          })
        : null,
    );
    // Built only while open: a few hundred buttons are not worth keeping in the page when nobody reads them.
    details.addEventListener('toggle', () => {
      if (details.open !== open) {
        open = details.open;
        build();
      }
    });
    el.replaceChildren(details);
  };
  build();
  ctx.onLangChange(build);
  onContentChange(ctx.graph, () => {
    if (open) build();
  });
  ctx.state.subscribe((s, prev) => {
    // While exploring, this is how the keyboard reaches a shown node to select it and open its menu.
    if (open && (filterSpecChanged(s, prev) || sliceChanged(s, prev, exploreSlice))) build();
  });
}
