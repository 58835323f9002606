// The filter panel's state, free of the DOM: the options the graph offers (computed once), the counts shown
// beside them, and the state patches a click makes. Views render this and send the patches to the URL store.
import { PROJECT_STATUSES, type ProjectStatus } from '../../../model/types.js';
import { REL_TYPES } from '../../../model/vocabulary.js';
import type { AppGraph } from '../../context.js';
import { type Count, countEdgesByType, countNodesBy, visibleTotals } from '../../graph/counts.js';
import { nodePeriod } from '../../graph/dates.js';
import { type FilterSpec, meetingNeighbourhood } from '../../graph/filters.js';
import { DEFAULT_STATE } from '../../url-state.js';

export interface MeetingOption {
  id: string;
  start: string;
  /** Nodes in the meeting's neighbourhood, the number a user gets by choosing it. */
  size: number;
}

/** What the graph offers to filter on; it does not change while the page is open. */
export interface FilterOptions {
  relTypes: string[];
  meetings: MeetingOption[];
  /** The dated nodes' range, `YYYY-MM-DD`, or '' when nothing is dated. */
  minDate: string;
  maxDate: string;
}

/** The numbers beside the options, from the graph's current `hidden` flags. */
export interface FilterCounts {
  rels: Map<string, Count>;
  statuses: Map<string, Count>;
  visible: { nodes: number; edges: number };
  total: { nodes: number; edges: number };
}

export function filterOptions(graph: AppGraph): FilterOptions {
  const relTypes = [...new Set(graph.mapEdges((_e, a) => a.relType))].sort(
    (a, b) => REL_TYPES.indexOf(a) - REL_TYPES.indexOf(b) || a.localeCompare(b),
  );
  const meetings = graph
    .filterNodes((_n, a) => a.category === 'Meeting')
    .map((id) => ({
      id,
      start: String(graph.getNodeAttribute(id, 'props').startDate ?? ''),
      size: meetingNeighbourhood(graph, id).size,
    }))
    .sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
  let minDate = '';
  let maxDate = '';
  graph.forEachNode((_n, a) => {
    const p = nodePeriod(a.props);
    if (!p) return;
    if (!minDate || p.start < minDate) minDate = p.start;
    if (!maxDate || p.end > maxDate) maxDate = p.end.slice(0, 10);
  });
  return { relTypes, meetings, minDate, maxDate };
}

export function filterCounts(graph: AppGraph): FilterCounts {
  return {
    rels: countEdgesByType(graph),
    statuses: countNodesBy(graph, (n) => {
      const a = graph.getNodeAttributes(n);
      return a.category === 'Project' ? String(a.props.status ?? '') : undefined;
    }),
    visible: visibleTotals(graph),
    total: { nodes: graph.order, edges: graph.size },
  };
}

/** The list with `value` switched in or out, in the order of `all` (so the URL does not depend on click order). */
export function toggled<T extends string>(list: readonly T[], value: T, all: readonly T[]): T[] {
  const set = new Set(list);
  if (set.has(value)) set.delete(value);
  else set.add(value);
  return all.filter((v) => set.has(v));
}

export function toggleRel(spec: FilterSpec, type: string, options: FilterOptions): Partial<FilterSpec> {
  return { hiddenRels: toggled(spec.hiddenRels, type, options.relTypes) };
}

export function toggleStatus(spec: FilterSpec, status: ProjectStatus): Partial<FilterSpec> {
  return { hiddenStatuses: toggled(spec.hiddenStatuses, status, PROJECT_STATUSES) };
}

/** A date input's value as the state holds it: a full day, or nothing. */
export function dateValue(value: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

/** Everything visible again (the legend's labels included): the default view's filters. */
export const RESET_FILTERS: FilterSpec = {
  hiddenLabels: DEFAULT_STATE.hiddenLabels,
  hiddenRels: DEFAULT_STATE.hiddenRels,
  hiddenStatuses: DEFAULT_STATE.hiddenStatuses,
  meeting: DEFAULT_STATE.meeting,
  dateFrom: DEFAULT_STATE.dateFrom,
  dateTo: DEFAULT_STATE.dateTo,
};
