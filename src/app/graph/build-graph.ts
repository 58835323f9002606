// Turns the API's serialized graph into the page's single graphology instance, ready for sigma.
import { MultiDirectedGraph } from 'graphology';
import { CATEGORY_COLORS } from '../../model/palette.js';
import type { GraphResponse } from '../api.js';
import type { AppEdgeAttributes, AppGraph, AppNodeAttributes } from '../context.js';
import { parallelEdgeCurvatures } from './parallel-edges.js';
import { foldsAtOverview } from './reducers.js';

export const EDGE_COLOR = '#b9bec7';
const FALLBACK_COLOR = '#999999';

type SerializedEdge = NonNullable<GraphResponse['edges']>[number];

export interface StagedGraph {
  /** Every node and every relationship drawn at overview. */
  graph: AppGraph;
  /** How many relationships addFolded() adds. */
  foldedCount: number;
  /**
   * Adds the relationships folded at overview (none below reducers.ts's threshold). They are not drawn until a
   * focus or zooming in asks for them, so the first frame can go without them; everything that counts, filters
   * or searches the graph runs after this.
   */
  addFolded(): void;
}

export function buildAppGraph(data: GraphResponse): AppGraph {
  const staged = buildAppGraphInStages(data);
  staged.addFolded();
  return staged.graph;
}

export function buildAppGraphInStages(data: GraphResponse): StagedGraph {
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
  const edges = data.edges ?? [];
  const keyOf = (e: SerializedEdge, i: number) => e.key ?? String(i);
  // A folded relationship shares its two ends, hence its parallel group, only with other folded ones.
  const curvatures = parallelEdgeCurvatures(
    edges.map((e, i) => ({ key: keyOf(e, i), source: e.source, target: e.target })),
  );
  const category = (node: string) => {
    if (!graph.hasNode(node)) throw new Error(`a relationship in /api/graph names a missing node "${node}"`);
    return graph.getNodeAttribute(node, 'category');
  };
  const folded: number[] = [];
  const add = (i: number, isFolded: boolean) => {
    const e = edges[i] as SerializedEdge;
    const a = e.attributes;
    if (!a) throw new Error(`edge ${e.key} has no attributes in /api/graph`);
    const key = keyOf(e, i);
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
        ...(isFolded ? { folded: true } : {}),
      }),
    );
  };
  edges.forEach((e, i) => {
    if (foldsAtOverview(edges.length, category(e.source), category(e.target))) folded.push(i);
    else add(i, false);
  });
  let pending = folded;
  return {
    graph,
    foldedCount: folded.length,
    addFolded() {
      const now = pending;
      pending = [];
      for (const i of now) add(i, true);
    },
  };
}
