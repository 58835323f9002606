// Renders where a fact comes from: the source document, its section and the quoted words.
import type { Provenance } from '../../model/types.js';
import type { AppContext } from '../context.js';
import { h } from '../ui/dom.js';

export function provenanceList(ctx: AppContext, prov: Provenance[]): HTMLElement {
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
        ),
        h('blockquote', { lang: typeof language === 'string' ? language : undefined }, p.quote),
      );
    }),
  );
}
