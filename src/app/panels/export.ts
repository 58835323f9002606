// Downloads of the current view: a PNG of the canvas, and GEXF / CSV of the visible part of the graph.
import type Sigma from 'sigma';
import type { AppContext } from '../context.js';
import { visibleSubgraph } from '../graph/visible-subgraph.js';
import { download, h } from '../ui/dom.js';

const BASENAME = 'apec-kg';

export function mountExport(el: HTMLElement, ctx: AppContext): void {
  // The exporters (an XML library, a CSV writer, an image renderer) load on first use, not with the page.
  const exportPng = async () => {
    const { toBlob } = await import('@sigma/export-image');
    // The exporter is typed for untyped attributes; it only copies settings and camera.
    const blob = await toBlob(ctx.sigma as unknown as Sigma, { format: 'png', backgroundColor: '#ffffff' });
    download(`${BASENAME}.png`, blob);
  };
  const exportGexf = async () => {
    const { toGexf } = await import('../../model/export.js');
    download(`${BASENAME}.gexf`, toGexf(visibleSubgraph(ctx.graph)), 'application/gexf+xml');
  };
  const exportCsv = async (part: 'nodes' | 'edges') => {
    const { toCsv } = await import('../../model/export.js');
    download(`${BASENAME}-${part}.csv`, toCsv(visibleSubgraph(ctx.graph))[part], 'text/csv');
  };

  const render = () => {
    el.setAttribute('aria-labelledby', 'export-title');
    el.replaceChildren(
      h('h3', { id: 'export-title' }, ctx.t('export.title')),
      h(
        'div',
        { class: 'button-row' },
        h(
          'button',
          { type: 'button', class: 'small-button', id: 'export-png', onclick: () => void exportPng() },
          ctx.t('export.png'),
        ),
        h(
          'button',
          { type: 'button', class: 'small-button', id: 'export-gexf', onclick: () => void exportGexf() },
          ctx.t('export.gexf'),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'small-button',
            id: 'export-csv-nodes',
            onclick: () => void exportCsv('nodes'),
          },
          ctx.t('export.csvNodes'),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'small-button',
            id: 'export-csv-edges',
            onclick: () => void exportCsv('edges'),
          },
          ctx.t('export.csvEdges'),
        ),
      ),
      h('p', { class: 'hint' }, ctx.t('export.hint')),
    );
  };
  render();
  ctx.onLangChange(render);
}
