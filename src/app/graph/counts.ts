// Totals and visible counts per filter option, for the numbers shown next to each option.
import type { AppGraph } from '../context.js';

export interface Count {
  total: number;
  visible: number;
}

function bump(map: Map<string, Count>, key: string, visible: boolean): void {
  const c = map.get(key) ?? { total: 0, visible: 0 };
  c.total += 1;
  if (visible) c.visible += 1;
  map.set(key, c);
}

export function countNodesBy(
  graph: AppGraph,
  keyOf: (node: string) => string | undefined,
): Map<string, Count> {
  const out = new Map<string, Count>();
  graph.forEachNode((node, a) => {
    const key = keyOf(node);
    if (key !== undefined) bump(out, key, !a.hidden);
  });
  return out;
}

export function countEdgesByType(graph: AppGraph): Map<string, Count> {
  const out = new Map<string, Count>();
  graph.forEachEdge((_e, a) => bump(out, a.relType, !a.hidden));
  return out;
}

export function visibleTotals(graph: AppGraph): { nodes: number; edges: number } {
  let nodes = 0;
  let edges = 0;
  graph.forEachNode((_n, a) => {
    if (!a.hidden) nodes += 1;
  });
  graph.forEachEdge((_e, a) => {
    if (!a.hidden) edges += 1;
  });
  return { nodes, edges };
}

export const formatCount = (c: Count | undefined): string =>
  !c ? '0' : c.visible === c.total ? String(c.total) : `${c.visible}/${c.total}`;
