// The facts behind a chosen cell or focus area: each relationship with both ends and its sources, verbatim.

import type { AppContext } from '../context.js';
import { quoteBlock } from '../panels/provenance.js';
import { showInSourceButton } from '../sources/show-in-source.js';
import { h } from '../ui/dom.js';

function relLabel(ctx: AppContext, relType: string): string {
  const key = `rel.${relType}`;
  const text = ctx.t(key);
  return text === key ? relType : text;
}

function nodeButton(ctx: AppContext, id: string): HTMLButtonElement {
  const b = h(
    'button',
    { type: 'button', class: 'cov-node-link inline-link', 'data-node': id },
    ctx.nodeName(id),
  );
  b.addEventListener('click', () => {
    ctx.select(id);
    void ctx.flyTo(id);
  });
  return b;
}

function modeText(ctx: AppContext, props: Record<string, unknown>): string | null {
  if (props.inferred === true && props.mode !== undefined) return ctx.t('coverage.modeNotStated');
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
          ...quoteBlock(
            ctx,
            p.quote,
            ctx.graph.hasNode(p.source) ? ctx.graph.getNodeAttribute(p.source, 'props').language : undefined,
          ),
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

/** The side panel: the evidence of what was chosen, or how to choose something. */
export function renderEvidencePanel(
  ctx: AppContext,
  chosen: { title: string; flag?: string; edges: string[]; empty: string } | null,
  onClear: () => void,
): HTMLElement {
  const panel = h('aside', { class: 'cov-evidence', 'aria-label': ctx.t('coverage.evidence') });
  if (!chosen) {
    panel.append(h('h3', {}, ctx.t('coverage.evidence')), h('p', {}, ctx.t('coverage.evidenceHint')));
    return panel;
  }
  panel.append(
    h('h3', {}, chosen.title),
    chosen.flag !== undefined ? h('p', { class: 'cov-kfa-flag' }, chosen.flag) : '',
    chosen.edges.length > 0
      ? renderEvidence(ctx, chosen.edges)
      : h('p', { class: 'cov-no-evidence' }, chosen.empty),
    h('button', { type: 'button', class: 'cov-clear', onclick: onClear }, ctx.t('coverage.clearHighlight')),
  );
  return panel;
}
