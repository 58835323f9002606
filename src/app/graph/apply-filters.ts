// Writes the filter result to the graph's `hidden` attributes: the one place the filters touch the graph.
import type { AppGraph } from '../context.js';
import { computeVisibility, type FilterSpec, isFilterActive, type Visibility } from './filters.js';

const NOTHING_HIDDEN: Visibility = { hiddenNodes: new Set(), hiddenEdges: new Set() };

export interface VisibleCounts {
  nodes: number;
  edges: number;
}

/** The nodes and relationships whose `hidden` changed: all the renderer has to look at again. */
export interface ChangedItems {
  nodes: string[];
  edges: string[];
}

/**
 * `shown`, when given, is an exploration's set of nodes (explore/): everything else is hidden too, and the
 * filters still apply within it, so `hidden` stays the one answer to "is this drawn".
 *
 * The attributes are changed in place, without graph events: sigma answers an event by running its reducers
 * over every node or every edge, and the controller redraws anyway, so on a 7,100-node graph each step of an
 * exploration cost two passes over 28,000 items. The caller hands `changed` to the controller instead.
 */
export function applyFilters(
  graph: AppGraph,
  spec: FilterSpec,
  shown?: { has(node: string): boolean } | null,
): VisibleCounts & { changed: ChangedItems } {
  // Each step of an exploration comes here; without filters there is no pass over the graph to make for them.
  const { hiddenNodes, hiddenEdges } = isFilterActive(spec) ? computeVisibility(graph, spec) : NOTHING_HIDDEN;
  const changed: ChangedItems = { nodes: [], edges: [] };
  let nodes = 0;
  let edges = 0;
  graph.forEachNode((node, a) => {
    const hidden = hiddenNodes.has(node) || (!!shown && !shown.has(node));
    if (a.hidden !== hidden) {
      a.hidden = hidden;
      changed.nodes.push(node);
    }
    if (!hidden) nodes += 1;
  });
  graph.forEachEdge((edge, a, source, target) => {
    const hidden = hiddenEdges.has(edge) || (!!shown && !(shown.has(source) && shown.has(target)));
    if (a.hidden !== hidden) {
      a.hidden = hidden;
      changed.edges.push(edge);
    }
    if (!hidden) edges += 1;
  });
  return { nodes, edges, changed };
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
