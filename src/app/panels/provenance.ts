// Renders where a fact comes from: the source document, its section and the quoted words.
import type { Provenance } from '../../model/types.js';
import type { AppContext } from '../context.js';
import { showInSourceButton } from '../sources/show-in-source.js';
import { dataText, h, withSlots } from '../ui/dom.js';

/** A quote's language: Chinese when it has Han characters, else the source's stated language, else English. */
export function quoteLanguage(quote: string, sourceLanguage: unknown): string {
  if (/[\u3400-\u9fff]/.test(quote)) return 'zh-Hant';
  return typeof sourceLanguage === 'string' && !/[\u3400-\u9fff]/.test(quote) && sourceLanguage !== 'zh-Hant'
    ? sourceLanguage
    : 'en';
}

/** A quote kept in its own language, labelled when that is not the page's: "(quoted in Chinese)". */
export function quoteBlock(ctx: AppContext, quote: string, sourceLanguage: unknown): HTMLElement[] {
  const lang = quoteLanguage(quote, sourceLanguage);
  const label =
    lang !== ctx.lang
      ? h('span', { class: 'quote-lang', lang: ctx.lang }, ctx.t(`quote.lang.${lang}`))
      : null;
  return [h('blockquote', { lang }, quote), ...(label ? [label] : [])];
}

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
          ...withSlots(ctx.t('details.prov'), {
            source: dataText(ctx.nodeName(p.source)),
            section: dataText(p.section),
          }),
          ' ',
          showInSourceButton(ctx, p, factId),
        ),
        ...quoteBlock(ctx, p.quote, language),
      );
    }),
  );
}
