// Turns the API's serialized graph into the page's single graphology instance, ready for sigma.
import { MultiDirectedGraph } from 'graphology';
import { CATEGORY_COLORS } from '../../model/palette.js';
import type { GraphResponse } from '../api.js';
import type { AppEdgeAttributes, AppGraph, AppNodeAttributes } from '../context.js';
import { parallelEdgeCurvatures } from './parallel-edges.js';

export const EDGE_COLOR = '#b9bec7';
const FALLBACK_COLOR = '#999999';

export function buildAppGraph(data: GraphResponse): AppGraph {
  const graph: AppGraph = new MultiDirectedGraph<AppNodeAttributes, AppEdgeAttributes>();
  for (const n of data.nodes) {
    const a = n.attributes;
    if (!a) throw new Error(`node ${n.key} has no attributes in /api/graph`);
    const x = a.x ?? 0;
    const y = a.y ?? 0;
    // The parsed response belongs to this function, so its attribute objects are completed in place.
    graph.addNode(
      n.key,
      Object.assign(a, {
        x,
        y,
        x0: x,
        y0: y,
        size: a.size ?? 4,
        color: CATEGORY_COLORS[a.category] ?? FALLBACK_COLOR,
        hidden: false,
      }),
    );
  }
  const curvatures = parallelEdgeCurvatures(
    data.edges.map((e, i) => ({ key: e.key ?? String(i), source: e.source, target: e.target })),
  );
  data.edges.forEach((e, i) => {
    const a = e.attributes;
    if (!a) throw new Error(`edge ${e.key} has no attributes in /api/graph`);
    const key = e.key ?? String(i);
    const curvature = curvatures.get(key) ?? 0;
    graph.addDirectedEdgeWithKey(
      key,
      e.source,
      e.target,
      Object.assign(a, {
        type: (curvature === 0 ? 'line' : 'curved') as AppEdgeAttributes['type'],
        curvature,
        size: 1,
        color: EDGE_COLOR,
        hidden: false,
      }),
    );
  });
  return graph;
}
