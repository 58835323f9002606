// Shortest path between two nodes, ignoring direction: "how are these two related at all".
import type Graph from 'graphology';
import { UndirectedGraph } from 'graphology';
import { bidirectional } from 'graphology-shortest-path/unweighted';
import type { EdgeAttributes, NodeAttributes } from '../../model/types.js';

export interface PathStep {
  from: string;
  to: string;
  /** Every relationship joining the two, with whether it points from `from` to `to`. */
  edges: { key: string; relType: string; forward: boolean }[];
}

export interface PathResult {
  nodes: string[];
  steps: PathStep[];
  edges: string[];
}

type AnyGraph = Graph<NodeAttributes, EdgeAttributes>;

const undirectedViews = new WeakMap<object, UndirectedGraph>();

function undirectedView(graph: AnyGraph): UndirectedGraph {
  let view = undirectedViews.get(graph);
  if (!view) {
    const u = new UndirectedGraph();
    graph.forEachNode((n) => {
      u.addNode(n);
    });
    graph.forEachEdge((_e, _a, s, t) => {
      if (s !== t) u.mergeEdge(s, t);
    });
    view = u;
    undirectedViews.set(graph, view);
  }
  return view;
}

export function shortestPath(graph: AnyGraph, from: string, to: string): PathResult | null {
  if (!graph.hasNode(from) || !graph.hasNode(to)) return null;
  if (from === to) return { nodes: [from], steps: [], edges: [] };
  const nodes = bidirectional(undirectedView(graph), from, to);
  if (!nodes) return null;
  const steps: PathStep[] = [];
  for (let i = 0; i + 1 < nodes.length; i++) {
    const a = nodes[i] as string;
    const b = nodes[i + 1] as string;
    const edges = [
      ...graph
        .outEdges(a, b)
        .map((key) => ({ key, relType: graph.getEdgeAttribute(key, 'relType'), forward: true })),
      ...graph
        .outEdges(b, a)
        .map((key) => ({ key, relType: graph.getEdgeAttribute(key, 'relType'), forward: false })),
    ];
    steps.push({ from: a, to: b, edges });
  }
  return { nodes, steps, edges: steps.flatMap((s) => s.edges.map((e) => e.key)) };
}
