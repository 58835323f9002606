// Sigma's node-label drawer, made to keep labels apart (see label-placement.ts): forced labels (the core types
// at overview, a focus, a path, a query result) are placed first, each beside, before, above or below its
// node and shortened if it must be, so none overlaps another; grid-chosen labels then fill the gaps.
import { drawDiscNodeLabel, type NodeLabelDrawingFunction } from 'sigma/rendering';
import type { AppEdgeAttributes, AppGraph, AppNodeAttributes, AppSigma } from '../../context.js';
import { type Box, hoverBox, LabelPlacer, type LabelSpot, labelBox, labelSpots } from '../label-placement.js';
import { shortLabel } from '../reducers.js';

type LabelDrawer = NodeLabelDrawingFunction<AppNodeAttributes, AppEdgeAttributes>;

/** Shorter and shorter versions of a label, in Latin-letter widths, tried when the full one finds no room. */
const SHORTER = [16, 9, 5];

export interface DrawnLabel extends Box {
  node: string;
  text: string;
}

const drawnBy = new WeakMap<object, () => DrawnLabel[]>();

/** The node labels of a renderer's last frame, with their boxes in viewport pixels. */
export function drawnLabels(sigma: AppSigma): DrawnLabel[] {
  return drawnBy.get(sigma)?.() ?? [];
}

export function nonOverlappingLabels(graph: AppGraph, boxed: () => (string | null)[]) {
  const placer = new LabelPlacer();
  let renderer: AppSigma | null = null;
  let pending = true;
  /** Where each forced label goes this frame. */
  let plan = new Map<string, LabelSpot & { text: string }>();
  let drawn: DrawnLabel[] = [];
  // Sigma draws its first frame inside its constructor, before the drawer knows the renderer and can plan.
  let drewUnplanned = false;

  const planForced = (ctx: CanvasRenderingContext2D, r: AppSigma) => {
    plan = new Map();
    const onTop = new Set(boxed());
    const fontSize = r.getSetting('labelSize');
    const forced: { node: string; x: number; y: number; size: number; label: string }[] = [];
    const reserved: Box[] = [];
    graph.forEachNode((node) => {
      const d = r.getNodeDisplayData(node);
      if (!d || d.hidden || !d.label) return;
      const top = onTop.has(node);
      // Only the forced and boxed labels are planned: at 10,000 nodes positioning them all took 50 ms a frame.
      if (!top && !d.forceLabel) return;
      const { x, y } = r.framedGraphToViewport(d);
      const size = r.scaleSize(d.size);
      if (top) reserved.push(hoverBox(x, y, size, ctx.measureText(d.label).width, fontSize));
      else if (d.forceLabel) forced.push({ node, x, y, size, label: d.label });
    });
    // Large nodes first, as they are the ones a reader looks for; a label that found no room goes first in the
    // next attempt, and if some still find none every label is allowed fewer letters.
    forced.sort((a, b) => b.size - a.size || a.node.localeCompare(b.node));
    const attempt = (order: typeof forced, longest: number) => {
      placer.reset(reserved);
      const result = new Map<string, LabelSpot & { text: string }>();
      const failed: typeof forced = [];
      for (const f of order) {
        const texts = [shortLabel(f.label, longest), ...SHORTER.map((w) => shortLabel(f.label, w))].filter(
          (t, i, all) => all.indexOf(t) === i,
        );
        let spot: (LabelSpot & { text: string }) | undefined;
        for (const text of texts) {
          const width = ctx.measureText(text).width;
          const box = labelSpots(f.x, f.y, f.size, width, fontSize).find((b) => placer.fits(b));
          if (box) {
            placer.place(box);
            spot = { ...box, text };
            break;
          }
        }
        if (spot) result.set(f.node, spot);
        else failed.push(f);
      }
      return { result, failed };
    };
    let best: ReturnType<typeof attempt> | undefined;
    for (const longest of [Number.POSITIVE_INFINITY, 16, 9]) {
      let order = forced;
      for (let round = 0; round < 3; round++) {
        const a = attempt(order, longest);
        if (!best || a.failed.length < best.failed.length) best = a;
        if (!a.failed.length) break;
        const failed = new Set(a.failed);
        order = [...a.failed, ...order.filter((f) => !failed.has(f))];
      }
      if (best && !best.failed.length) break;
    }
    plan = best?.result ?? new Map();
    // The grid's labels come after, around what the plan took.
    placer.reset([...reserved, ...plan.values()]);
  };

  const draw: LabelDrawer = (ctx, data, settings) => {
    if (!data.label) return;
    ctx.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    if (pending) {
      drawn = [];
      if (renderer) planForced(ctx, renderer);
      else placer.reset([]);
      pending = false;
    }
    const key = (data as { key?: string }).key ?? '';
    if (!renderer) {
      // The first frame: forced labels are only kept apart, first come first placed; the next frame plans.
      drewUnplanned = true;
      const box = labelBox(data.x, data.y, data.size, ctx.measureText(data.label).width, settings.labelSize);
      if (!placer.place(box)) return;
      drawDiscNodeLabel(ctx, data, settings);
      drawn.push({ node: key, text: data.label, ...box });
      return;
    }
    if (data.forceLabel && !boxed().includes(key)) {
      const spot = plan.get(key);
      // No room anywhere, even shortened: left out rather than drawn over another.
      if (!spot) return;
      ctx.fillStyle = settings.labelColor.color ?? '#000';
      ctx.fillText(spot.text, spot.textX, spot.baseline);
      drawn.push({ node: key, text: spot.text, x1: spot.x1, y1: spot.y1, x2: spot.x2, y2: spot.y2 });
      return;
    }
    const width = ctx.measureText(data.label).width;
    const box = labelBox(data.x, data.y, data.size, width, settings.labelSize);
    if (!data.forceLabel && !placer.place(box)) return;
    drawDiscNodeLabel(ctx, data, settings);
    drawn.push({ node: key, text: data.label, ...box });
  };
  const attach = (r: AppSigma) => {
    renderer = r;
    drawnBy.set(r, () => drawn);
    r.on('beforeRender', () => {
      pending = true;
    });
    // After the first frame is on screen, so that frame is not held back by a second one.
    if (drewUnplanned) requestAnimationFrame(() => setTimeout(() => r.scheduleRender()));
  };
  /** The labels of the last frame with their boxes in viewport pixels (for tests and the PNG export). */
  const lastDrawn = (): DrawnLabel[] => drawn;
  return { draw, attach, lastDrawn };
}
