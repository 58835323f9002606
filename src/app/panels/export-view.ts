// The picture of the current view, independent of how it is encoded: what is drawn where, in viewport pixels.
// The PNG and the SVG exports are both made from this, so they show the same nodes, edges and labels.
import type { AppSigma } from '../context.js';
import { LabelPlacer, labelBox } from '../graph/label-placement.js';

export interface ViewNode {
  id: string;
  x: number;
  y: number;
  r: number;
  color: string;
  label: string | null;
}

export interface ViewEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  width: number;
}

export interface LegendItem {
  label: string;
  color: string;
}

export interface ViewPicture {
  width: number;
  height: number;
  nodes: ViewNode[];
  edges: ViewEdge[];
  labelSize: number;
  labelFont: string;
}

/**
 * Reads what sigma shows: visible nodes and edges after the reducers, and the labels on screen (forced ones,
 * then those sigma's grid chose, skipping any that would overlap, as the page's label drawer does).
 */
export function readView(sigma: AppSigma, measure: (text: string) => number): ViewPicture {
  const graph = sigma.getGraph();
  const { width, height } = sigma.getDimensions();
  const labelSize = sigma.getSetting('labelSize');
  const shown = (sigma as unknown as { displayedNodeLabels?: Set<string> }).displayedNodeLabels ?? new Set();
  const nodes: ViewNode[] = [];
  const forced: ViewNode[] = [];
  const gridded: ViewNode[] = [];
  graph.forEachNode((id) => {
    const d = sigma.getNodeDisplayData(id);
    if (!d || d.hidden) return;
    const p = sigma.framedGraphToViewport(d);
    const node: ViewNode = { id, x: p.x, y: p.y, r: sigma.scaleSize(d.size), color: d.color, label: null };
    nodes.push(node);
    if (d.label && d.forceLabel) forced.push({ ...node, label: d.label });
    else if (d.label && shown.has(id)) gridded.push({ ...node, label: d.label });
  });
  const placer = new LabelPlacer();
  const box = (n: ViewNode) => labelBox(n.x, n.y, n.r, measure(n.label ?? ''), labelSize);
  placer.reset(forced.map(box));
  const labels = new Map<string, string>();
  for (const n of forced) labels.set(n.id, n.label ?? '');
  for (const n of gridded) if (placer.place(box(n))) labels.set(n.id, n.label ?? '');
  for (const n of nodes) n.label = labels.get(n.id) ?? null;

  const edges: ViewEdge[] = [];
  graph.forEachEdge((e, _a, s, t) => {
    const d = sigma.getEdgeDisplayData(e);
    const sd = sigma.getNodeDisplayData(s);
    const td = sigma.getNodeDisplayData(t);
    if (!d || d.hidden || !sd || !td || sd.hidden || td.hidden) return;
    const a = sigma.framedGraphToViewport(sd);
    const b = sigma.framedGraphToViewport(td);
    edges.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y, color: d.color, width: Math.max(0.5, d.size) });
  });
  return { width, height, nodes, edges, labelSize, labelFont: sigma.getSetting('labelFont') };
}
