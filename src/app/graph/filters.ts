// Which nodes and relationships the filters leave visible. Pure: the page writes the result to `hidden`.
import type Graph from 'graphology';
import type { EdgeAttributes, NodeAttributes, NodeLabel, ProjectStatus } from '../../model/types.js';
import { nodePeriod, overlaps } from './dates.js';

export interface FilterSpec {
  hiddenLabels: NodeLabel[];
  hiddenRels: string[];
  hiddenStatuses: ProjectStatus[];
  meeting: string | null;
  dateFrom: string | null;
  dateTo: string | null;
}

export interface Visibility {
  hiddenNodes: Set<string>;
  hiddenEdges: Set<string>;
}

type AnyGraph = Graph<NodeAttributes, EdgeAttributes>;

/** The meeting, its sessions, and everything directly connected to either. */
export function meetingNeighbourhood(graph: AnyGraph, meeting: string): Set<string> {
  const keep = new Set<string>();
  if (!graph.hasNode(meeting)) return keep;
  const cores = [meeting];
  graph.forEachInEdge(meeting, (_e, a, source) => {
    if (a.relType === 'PART_OF' && graph.getNodeAttribute(source, 'category') === 'Session')
      cores.push(source);
  });
  for (const core of cores) {
    keep.add(core);
    graph.forEachNeighbor(core, (n) => {
      keep.add(n);
    });
  }
  return keep;
}

export function computeVisibility(graph: AnyGraph, f: FilterSpec): Visibility {
  const hiddenLabels = new Set<string>(f.hiddenLabels);
  const hiddenRels = new Set(f.hiddenRels);
  const hiddenStatuses = new Set<unknown>(f.hiddenStatuses);
  const inMeeting = f.meeting ? meetingNeighbourhood(graph, f.meeting) : null;
  const dated = !!(f.dateFrom || f.dateTo);
  const hiddenNodes = new Set<string>();
  graph.forEachNode((node, a) => {
    let hide = hiddenLabels.has(a.category);
    if (!hide && a.category === 'Project' && hiddenStatuses.has(a.props.status)) hide = true;
    if (!hide && inMeeting && !inMeeting.has(node)) hide = true;
    if (!hide && dated) {
      const period = nodePeriod(a.props);
      if (period && !overlaps(period, f.dateFrom, f.dateTo)) hide = true;
    }
    if (hide) hiddenNodes.add(node);
  });
  const hiddenEdges = new Set<string>();
  graph.forEachEdge((edge, a, source, target) => {
    if (hiddenRels.has(a.relType) || hiddenNodes.has(source) || hiddenNodes.has(target))
      hiddenEdges.add(edge);
  });
  return { hiddenNodes, hiddenEdges };
}

export function isFilterActive(f: FilterSpec): boolean {
  return (
    f.hiddenLabels.length > 0 ||
    f.hiddenRels.length > 0 ||
    f.hiddenStatuses.length > 0 ||
    !!f.meeting ||
    !!f.dateFrom ||
    !!f.dateTo
  );
}
