// A copy of what is on screen (hidden nodes and relationships left out), in the model's shape, for export.
import { MultiDirectedGraph } from 'graphology';
import type { KgGraph } from '../../model/graph.js';
import type { EdgeAttributes, NodeAttributes } from '../../model/types.js';
import type { AppGraph } from '../context.js';

export function visibleSubgraph(graph: AppGraph): KgGraph {
  const out: KgGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  graph.forEachNode((node, a) => {
    if (a.hidden) return;
    const { x0: _x0, y0: _y0, color: _color, hidden: _hidden, ...model } = a;
    out.addNode(node, model);
  });
  graph.forEachEdge((edge, a, source, target) => {
    if (a.hidden || !out.hasNode(source) || !out.hasNode(target)) return;
    out.addDirectedEdgeWithKey(edge, source, target, {
      relType: a.relType,
      props: a.props,
      ...(a.note ? { note: a.note } : {}),
      prov: a.prov,
    });
  });
  return out;
}
