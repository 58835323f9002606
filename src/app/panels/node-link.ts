// The button that names a node and opens it (selects it and flies there): details, profile and node list share it.
import { CATEGORY_COLORS } from '../../model/palette.js';
import type { AppContext } from '../context.js';
import { dataText, h } from '../ui/dom.js';

export interface NodeLinkOptions {
  /** A small text after the name (a relationship's properties, a status). */
  detail?: string;
  /** A colour swatch of the node's label before the name. */
  swatch?: boolean;
}

export function nodeLink(ctx: AppContext, node: string, opts: NodeLinkOptions = {}): HTMLButtonElement {
  const category = ctx.graph.getNodeAttribute(node, 'category');
  return h(
    'button',
    {
      type: 'button',
      class: 'node-link',
      'data-node': node,
      onclick: () => {
        ctx.select(node);
        void ctx.flyTo(node);
      },
    },
    opts.swatch
      ? h('span', {
          class: 'swatch',
          style: `background:${CATEGORY_COLORS[category]}`,
          'aria-hidden': 'true',
        })
      : null,
    dataText(ctx.nodeName(node)),
    opts.detail ? h('span', { class: 'item-detail' }, opts.detail) : null,
  );
}
