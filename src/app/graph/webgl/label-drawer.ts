// Sigma's node-label drawer, made to leave out labels that would overlap (see label-placement.ts).
import { drawDiscNodeLabel, type NodeLabelDrawingFunction } from 'sigma/rendering';
import type { AppEdgeAttributes, AppGraph, AppNodeAttributes, AppSigma } from '../../context.js';
import { type Box, hoverBox, LabelPlacer, labelBox } from '../label-placement.js';

type LabelDrawer = NodeLabelDrawingFunction<AppNodeAttributes, AppEdgeAttributes>;

/**
 * Sigma's label drawer, skipping a grid-chosen label that would overlap one already drawn, a forced label
 * (focus, path, query result) or a boxed one. Forced and boxed labels are reserved before any is drawn, as
 * sigma draws grid labels first.
 */
export function nonOverlappingLabels(graph: AppGraph, boxed: () => (string | null)[]) {
  const placer = new LabelPlacer();
  let renderer: AppSigma | null = null;
  let pending = true;
  const reserved = (ctx: CanvasRenderingContext2D, r: AppSigma): Box[] => {
    const boxes: Box[] = [];
    const onTop = new Set(boxed());
    const fontSize = r.getSetting('labelSize');
    graph.forEachNode((node) => {
      const d = r.getNodeDisplayData(node);
      if (!d || d.hidden || !d.label || !(d.forceLabel || onTop.has(node))) return;
      const { x, y } = r.framedGraphToViewport(d);
      const width = ctx.measureText(d.label).width;
      const box = onTop.has(node) ? hoverBox : labelBox;
      boxes.push(box(x, y, r.scaleSize(d.size), width, fontSize));
    });
    return boxes;
  };
  const draw: LabelDrawer = (ctx, data, settings) => {
    if (!data.label) return;
    ctx.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    if (pending) {
      placer.reset(renderer ? reserved(ctx, renderer) : []);
      pending = false;
    }
    if (!data.forceLabel) {
      const width = ctx.measureText(data.label).width;
      if (!placer.place(labelBox(data.x, data.y, data.size, width, settings.labelSize))) return;
    }
    drawDiscNodeLabel(ctx, data, settings);
  };
  const attach = (r: AppSigma) => {
    renderer = r;
    r.on('beforeRender', () => {
      pending = true;
    });
  };
  return { draw, attach };
}
