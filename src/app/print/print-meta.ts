// What a printout adds to the page: a heading with the view's title and the date, and the list of sources
// the printed facts are quoted from. Kept current whenever the page is about to print (the browser's print
// dialog or a print emulation), and styled by print.css, which also decides which part of the page prints.

import { COMPARE_SLICE } from '../compare/state.js';
import type { AppContext } from '../context.js';
import { VIEW_SLICE } from '../coverage/state.js';
import { dataText, h } from '../ui/dom.js';
import { readSlice } from '../url-slices.js';
import './print.css';
import { citedSources, type PrintedView, viewEdges } from './sources.js';

/** The view a printout shows: an open coverage or comparison tab, else the selected node's details. */
export function printedView(ctx: AppContext): PrintedView | null {
  const s = ctx.state.get();
  if (s.tab === 'coverage') return { kind: 'coverage', table: readSlice(s, VIEW_SLICE) };
  if (s.tab === 'compare') return { kind: 'compare', economies: readSlice(s, COMPARE_SLICE) };
  if (s.selected && ctx.graph.hasNode(s.selected)) return { kind: 'node', node: s.selected };
  return null;
}

function viewTitle(ctx: AppContext, v: PrintedView | null): string {
  if (!v) return ctx.t('app.title');
  if (v.kind === 'coverage') return ctx.t('coverage.title');
  if (v.kind === 'compare')
    return `${ctx.t('compare.title')}: ${v.economies.map((e) => ctx.nodeName(e)).join(', ')}`;
  return ctx.nodeName(v.node);
}

export function mountPrintMeta(ctx: AppContext): void {
  const head = h('header', { id: 'print-head', class: 'print-only' });
  const foot = h('section', { id: 'print-sources', class: 'print-only', 'aria-hidden': 'true' });
  document.body.prepend(head);
  document.body.append(foot);

  const update = () => {
    const view = printedView(ctx);
    document.body.dataset.print = view ? (view.kind === 'node' ? 'details' : 'analysis') : 'graph';
    head.replaceChildren(
      h('p', { class: 'print-app' }, ctx.t('app.title')),
      h('h1', {}, viewTitle(ctx, view)),
      h('p', { class: 'print-date' }, `${ctx.t('print.date')} ${new Date().toISOString().slice(0, 10)}`),
    );
    const edges = view ? viewEdges(ctx.graph, view) : [];
    const nodes = view?.kind === 'node' ? [view.node] : [];
    if (edges.some((e) => !ctx.details.has('edge', e)) || nodes.some((n) => !ctx.details.has('node', n))) {
      // The quotes arrive on demand; the list is written again once they are here.
      void ctx.details.ensure({ nodes, edges }).then(update);
    }
    const sources = view ? citedSources(ctx.graph, edges, nodes) : [];
    foot.replaceChildren(
      h('h2', {}, ctx.t('print.sources')),
      sources.length
        ? h(
            'ol',
            {},
            sources.map((s) => {
              const a = ctx.graph.hasNode(s.id) ? ctx.graph.getNodeAttributes(s.id) : null;
              const date = a?.props.date ? ` (${String(a.props.date)})` : '';
              const publisher = a?.props.publisher ? `, ${String(a.props.publisher)}` : '';
              return h(
                'li',
                { 'data-source': s.id },
                dataText(ctx.nodeName(s.id), 'cite'),
                dataText(`${publisher}${date}`),
                `. ${ctx.t('print.sections')} `,
                dataText(s.sections.join(', ')),
              );
            }),
          )
        : h('p', {}, ctx.t('print.noSources')),
    );
  };
  window.addEventListener('beforeprint', update);
  // Print emulation (tests, the PDF export of a headless browser) changes the media without beforeprint.
  window.matchMedia('print').addEventListener('change', (e) => {
    if (e.matches) update();
  });
  update();
  ctx.state.subscribe(update);
  ctx.onLangChange(update);
}
