// Writes the filter result to the graph's `hidden` attributes: the one place the filters touch the graph.
import type { AppGraph } from '../context.js';
import { computeVisibility, type FilterSpec } from './filters.js';

export interface VisibleCounts {
  nodes: number;
  edges: number;
}

/**
 * `shown`, when given, is an exploration's set of nodes (explore/): everything else is hidden too, and the
 * filters still apply within it, so `hidden` stays the one answer to "is this drawn".
 */
export function applyFilters(
  graph: AppGraph,
  spec: FilterSpec,
  shown?: { has(node: string): boolean } | null,
): VisibleCounts {
  const { hiddenNodes, hiddenEdges } = computeVisibility(graph, spec);
  let nodes = 0;
  let edges = 0;
  // In place rather than a copy per node and edge: this runs before the first drawing.
  graph.updateEachNodeAttributes(
    (node, a) => {
      a.hidden = hiddenNodes.has(node) || (!!shown && !shown.has(node));
      if (!a.hidden) nodes += 1;
      return a;
    },
    { attributes: ['hidden'] },
  );
  graph.updateEachEdgeAttributes(
    (edge, a, source, target) => {
      a.hidden = hiddenEdges.has(edge) || (!!shown && !(shown.has(source) && shown.has(target)));
      if (!a.hidden) edges += 1;
      return a;
    },
    { attributes: ['hidden'] },
  );
  return { nodes, edges };
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
