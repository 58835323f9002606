// Renders where a fact comes from: the source document, its section and the quoted words.
import type { Provenance } from '../../model/types.js';
import type { AppContext } from '../context.js';
import { showInSourceButton } from '../sources/show-in-source.js';
import { h } from './dom.js';

/** factId: the node or relationship these entries back, so "show in source" picks its highlight. */
export function provenanceList(ctx: AppContext, prov: Provenance[], factId?: string): HTMLElement {
  return h(
    'ul',
    { class: 'prov' },
    prov.map((p) => {
      const language = ctx.graph.hasNode(p.source)
        ? ctx.graph.getNodeAttribute(p.source, 'props').language
        : undefined;
      return h(
        'li',
        {},
        h(
          'div',
          { class: 'prov-where' },
          ctx.t('details.prov', { source: ctx.nodeName(p.source), section: p.section }),
          ' ',
          showInSourceButton(ctx, p, factId),
        ),
        h('blockquote', { lang: typeof language === 'string' ? language : undefined }, p.quote),
      );
    }),
  );
}
