// Downloads of the current view: PNG (with its labels, a title, the date and a legend, at 1x, 2x or a chosen
// width), SVG, and GEXF / CSV of the visible part of the graph.
import { CATEGORY_COLORS } from '../../model/palette.js';
import type { NodeLabel } from '../../model/types.js';
import type { AppContext } from '../context.js';
import { visibleSubgraph } from '../graph/visible-subgraph.js';
import { download, h } from '../ui/dom.js';
import type { LegendItem } from './export-view.js';

const BASENAME = 'apec-kg';
const MIN_WIDTH = 200;
const MAX_WIDTH = 8000;

/** The node types on screen, in the palette's order, as the legend lists them. */
function legendItems(ctx: AppContext): LegendItem[] {
  const present = new Set<string>();
  ctx.graph.forEachNode((n, a) => {
    if (!ctx.sigma.getNodeDisplayData(n)?.hidden) present.add(a.category);
  });
  return (Object.keys(CATEGORY_COLORS) as NodeLabel[])
    .filter((c) => present.has(c))
    .map((c) => ({ label: ctx.t(`label.${c}`), color: CATEGORY_COLORS[c] }));
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function imageTitle(ctx: AppContext): string {
  const sel = ctx.state.get().selected;
  return sel && ctx.graph.hasNode(sel) ? `${ctx.t('app.title')} · ${ctx.nodeName(sel)}` : ctx.t('app.title');
}

export function mountExport(el: HTMLElement, ctx: AppContext): void {
  let size = '1';
  let width = 2400;

  const scale = (): number => {
    const graphWidth = ctx.sigma.getDimensions().width || 1;
    if (size === 'width') return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)) / graphWidth;
    return Number(size);
  };

  // The exporters (an XML library, a CSV writer) load on first use, not with the page.
  const exportPng = async () => {
    const { viewToCanvas, canvasToPng } = await import('./export-image.js');
    const canvas = viewToCanvas(ctx.sigma, {
      scale: scale(),
      title: imageTitle(ctx),
      date: `${ctx.t('export.dated')} ${today()}`,
      legend: legendItems(ctx),
    });
    download(`${BASENAME}.png`, await canvasToPng(canvas));
  };
  const exportSvg = async () => {
    const [{ readView }, { toSvg }] = await Promise.all([
      import('./export-view.js'),
      import('./export-svg.js'),
    ]);
    const measure = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    measure.font = `${ctx.sigma.getSetting('labelWeight')} ${ctx.sigma.getSetting('labelSize')}px ${ctx.sigma.getSetting('labelFont')}`;
    const view = readView(ctx.sigma, (t) => measure.measureText(t).width);
    const svg = toSvg(
      view,
      {
        title: imageTitle(ctx),
        date: `${ctx.t('export.dated')} ${today()}`,
        lang: ctx.lang,
        legend: legendItems(ctx),
      },
      (t) => measure.measureText(t).width,
    );
    download(`${BASENAME}.svg`, svg, 'image/svg+xml');
  };
  /** Exports carry each item's sources and note, which arrive on demand. */
  const withDetails = () =>
    ctx.details.ensure({
      nodes: ctx.graph.filterNodes((_n, a) => !a.hidden),
      edges: ctx.graph.filterEdges((_e, a) => !a.hidden),
    });
  const exportGexf = async () => {
    await withDetails();
    const { toGexf } = await import('../../model/export.js');
    download(`${BASENAME}.gexf`, toGexf(visibleSubgraph(ctx.graph)), 'application/gexf+xml');
  };
  const exportCsv = async (part: 'nodes' | 'edges') => {
    await withDetails();
    const { toCsv } = await import('../../model/export.js');
    download(`${BASENAME}-${part}.csv`, toCsv(visibleSubgraph(ctx.graph))[part], 'text/csv');
  };

  const button = (id: string, label: string, run: () => Promise<void>) =>
    h('button', { type: 'button', class: 'small-button', id, onclick: () => void run() }, label);

  const render = () => {
    const sizeSelect = h(
      'select',
      { id: 'export-size', class: 'export-size' },
      h('option', { value: '1', selected: size === '1' }, ctx.t('export.scale1')),
      h('option', { value: '2', selected: size === '2' }, ctx.t('export.scale2')),
      h('option', { value: 'width', selected: size === 'width' }, ctx.t('export.scaleWidth')),
    );
    const widthInput = h('input', {
      id: 'export-width',
      type: 'number',
      min: MIN_WIDTH,
      max: MAX_WIDTH,
      step: 100,
      value: width,
      hidden: size !== 'width',
    });
    sizeSelect.addEventListener('change', () => {
      size = sizeSelect.value;
      widthInput.hidden = size !== 'width';
    });
    widthInput.addEventListener('input', () => {
      const v = Number(widthInput.value);
      if (Number.isFinite(v) && v > 0) width = v;
    });
    el.setAttribute('aria-labelledby', 'export-title');
    el.replaceChildren(
      h('h3', { id: 'export-title' }, ctx.t('export.title')),
      h(
        'div',
        { class: 'button-row export-size-row' },
        h('label', { for: 'export-size' }, ctx.t('export.size')),
        sizeSelect,
        h('label', { for: 'export-width', class: 'sr-only' }, ctx.t('export.widthPx')),
        widthInput,
      ),
      h(
        'div',
        { class: 'button-row' },
        button('export-png', ctx.t('export.png'), exportPng),
        button('export-svg', ctx.t('export.svg'), exportSvg),
        button('export-gexf', ctx.t('export.gexf'), exportGexf),
        button('export-csv-nodes', ctx.t('export.csvNodes'), () => exportCsv('nodes')),
        button('export-csv-edges', ctx.t('export.csvEdges'), () => exportCsv('edges')),
      ),
      h('p', { class: 'hint' }, ctx.t('export.hint')),
    );
  };
  render();
  ctx.onLangChange(render);
}
