// The facts behind a chosen cell or focus area: each relationship with both ends and its sources, verbatim.

import type { AppContext } from '../context.js';
import { h } from '../panels/dom.js';
import { showInSourceButton } from '../sources/show-in-source.js';

function relLabel(ctx: AppContext, relType: string): string {
  const key = `rel.${relType}`;
  const text = ctx.t(key);
  return text === key ? relType : text;
}

function nodeButton(ctx: AppContext, id: string): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'cov-node-link', 'data-node': id }, ctx.nodeName(id));
  b.addEventListener('click', () => {
    ctx.select(id);
    void ctx.flyTo(id);
  });
  return b;
}

function modeText(ctx: AppContext, props: Record<string, unknown>): string | null {
  if (props.mode === 'virtual') return ctx.t('coverage.virtual');
  if (props.mode === 'in-person') return ctx.t('coverage.inPerson');
  if (props.disputed === true) return ctx.t('coverage.disputed');
  return null;
}

/** One list item per relationship: "source —type→ target", its note, and every provenance entry. */
export function renderEvidence(ctx: AppContext, edges: string[]): HTMLUListElement {
  const items = edges
    .filter((e) => ctx.graph.hasEdge(e))
    .map((e) => {
      const a = ctx.graph.getEdgeAttributes(e);
      const mode = modeText(ctx, a.props);
      const prov = a.prov.map((p) =>
        h(
          'li',
          { class: 'cov-prov' },
          h('blockquote', { lang: /[\u3400-\u9fff]/.test(p.quote) ? 'zh-Hant' : 'en' }, p.quote),
          h('cite', {}, `${ctx.graph.hasNode(p.source) ? ctx.nodeName(p.source) : p.source}, ${p.section}`),
          ' ',
          showInSourceButton(ctx, p, e),
        ),
      );
      return h(
        'li',
        { class: 'cov-fact', 'data-edge': e },
        h(
          'p',
          { class: 'cov-fact-line' },
          nodeButton(ctx, ctx.graph.source(e)),
          ` — ${relLabel(ctx, a.relType)}${mode ? ` (${mode})` : ''} → `,
          nodeButton(ctx, ctx.graph.target(e)),
        ),
        a.note ? h('p', { class: 'cov-note' }, a.note) : null,
        h('ul', { class: 'cov-prov-list', 'aria-label': ctx.t('coverage.source') }, prov),
      );
    });
  return h('ul', { class: 'cov-facts' }, items);
}
