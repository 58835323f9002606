// Brings the page's one graphology instance up to date with a fresh /api/graph after review decisions and a
// sync: nodes and relationships added, removed or changed in place, positions of the others kept. Provenance
// and notes come back as the placeholders /api/graph has: the caller makes the details loader fetch them again.
import type { GraphResponse } from '../api.js';
import type { AppGraph } from '../context.js';
import { buildAppGraph } from '../graph/build-graph.js';

export function updateGraphInPlace(graph: AppGraph, data: GraphResponse): { added: number; removed: number } {
  const fresh = buildAppGraph(data);
  let added = 0;
  let removed = 0;
  for (const e of graph.edges())
    if (!fresh.hasEdge(e)) {
      graph.dropEdge(e);
      removed++;
    }
  for (const n of graph.nodes())
    if (!fresh.hasNode(n)) {
      graph.dropNode(n);
      removed++;
    }
  // Attributes are replaced, not merged: one the fresh graph no longer has (`draft` once a fact is accepted,
  // a removed property or note) must go. Only where a node is drawn, how a relationship is drawn and what the
  // filters hide are the page's own and kept.
  fresh.forEachNode((n, a) => {
    if (graph.hasNode(n)) {
      const { x, y, x0, y0, hidden } = graph.getNodeAttributes(n);
      graph.replaceNodeAttributes(n, { ...a, x, y, x0, y0, hidden });
    } else {
      graph.addNode(n, { ...a });
      added++;
    }
  });
  fresh.forEachEdge((e, a, s, t) => {
    if (graph.hasEdge(e)) {
      const { type, curvature, hidden } = graph.getEdgeAttributes(e);
      graph.replaceEdgeAttributes(e, { ...a, type, curvature, hidden });
    } else {
      graph.addDirectedEdgeWithKey(e, s, t, { ...a });
      added++;
    }
  });
  return { added, removed };
}
