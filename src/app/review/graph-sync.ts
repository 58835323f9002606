// Brings the page's one graphology instance up to date with a fresh /api/graph after review decisions and a
// sync: nodes and relationships added, removed or changed in place, positions of the others kept.
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
  fresh.forEachNode((n, a) => {
    if (graph.hasNode(n)) {
      const { x: _x, y: _y, x0: _x0, y0: _y0, hidden: _h, ...rest } = a;
      graph.mergeNodeAttributes(n, rest);
    } else {
      graph.addNode(n, { ...a });
      added++;
    }
  });
  fresh.forEachEdge((e, a, s, t) => {
    if (graph.hasEdge(e))
      graph.mergeEdgeAttributes(e, { props: a.props, prov: a.prov, ...(a.note ? { note: a.note } : {}) });
    else {
      graph.addDirectedEdgeWithKey(e, s, t, { ...a });
      added++;
    }
  });
  return { added, removed };
}
