// Writes the filter result to the graph's `hidden` attributes: the one place the filters touch the graph.
import type { AppGraph } from '../context.js';
import { computeVisibility, type FilterSpec } from './filters.js';

export interface VisibleCounts {
  nodes: number;
  edges: number;
}

export function applyFilters(graph: AppGraph, spec: FilterSpec): VisibleCounts {
  const { hiddenNodes, hiddenEdges } = computeVisibility(graph, spec);
  // In place rather than a copy per node and edge: this runs before the first drawing.
  graph.updateEachNodeAttributes(
    (node, a) => {
      a.hidden = hiddenNodes.has(node);
      return a;
    },
    { attributes: ['hidden'] },
  );
  graph.updateEachEdgeAttributes(
    (edge, a) => {
      a.hidden = hiddenEdges.has(edge);
      return a;
    },
    { attributes: ['hidden'] },
  );
  return { nodes: graph.order - hiddenNodes.size, edges: graph.size - hiddenEdges.size };
}

export function filterSpecChanged(a: FilterSpec, b: FilterSpec): boolean {
  return (
    a.hiddenLabels.join() !== b.hiddenLabels.join() ||
    a.hiddenRels.join() !== b.hiddenRels.join() ||
    a.hiddenStatuses.join() !== b.hiddenStatuses.join() ||
    a.meeting !== b.meeting ||
    a.dateFrom !== b.dateFrom ||
    a.dateTo !== b.dateTo
  );
}
