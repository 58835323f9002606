// Gap analysis: who takes part in what, computed from the graph alone so it works without a database.
import type { KgGraph } from './graph.js';
import type { Props } from './types.js';

export interface Bilingual {
  en: string;
  zh: string;
}

export type CoverageColumnKind =
  | 'meeting'
  | 'framework'
  | 'group'
  | 'projects-led'
  | 'projects-supported'
  | 'dialogues';

export interface CoverageColumn {
  id: string;
  kind: CoverageColumnKind;
  title: Bilingual;
  /** The node the column is about (meeting, framework, group), when there is one. */
  nodeId?: string;
}

export interface CoverageCell {
  /** 0 is a gap. Membership columns hold 0/1; counting columns hold how many. */
  value: number;
  /** e.g. 'in-person', 'virtual' or MODE_NOT_STATED for meetings; 'disputed' when the only evidence is contested. */
  detail?: string;
  /** Edge keys that state the fact, and the nodes at their other end. */
  edges: string[];
  nodes: string[];
}

export interface CoverageRow {
  economy: string;
  name: string;
  nameZh?: string;
  cells: CoverageCell[];
  /** Number of columns in which the economy is present. */
  total: number;
}

export interface CoverageMatrix {
  columns: CoverageColumn[];
  rows: CoverageRow[];
  /** Per column, the number of economies present. */
  columnTotals: number[];
}

export const POLICY_DIALOGUE_KIND = 'policy-dialogue';
export const AIDER_DRAFTING_GROUP = 'grp-aider-drafting';
const FRAMEWORK_COLUMNS = ['cbpr', 'prp', 'cpea', 'global-cbpr-forum'];

function edgesOfType(g: KgGraph, node: string, relType: string, direction: 'out' | 'in'): string[] {
  const list = direction === 'out' ? g.outEdges(node) : g.inEdges(node);
  return list.filter((e) => g.getEdgeAttribute(e, 'relType') === relType);
}

/** What a coverage cell or a saved query shows for attendance whose mode the source does not state. */
export const MODE_NOT_STATED = 'mode not stated';

/** The stated mode of an ATTENDED relationship; an absent or inferred mode is not stated. */
export function attendanceMode(props: Props): string {
  return typeof props.mode === 'string' && props.inferred !== true ? props.mode : MODE_NOT_STATED;
}

function isDisputed(g: KgGraph, edge: string): boolean {
  return g.getEdgeAttribute(edge, 'props').disputed === true;
}

function cell(g: KgGraph, edges: string[], value: number, detail?: string): CoverageCell {
  return {
    value,
    ...(detail ? { detail } : {}),
    edges,
    nodes: [...new Set(edges.map((e) => g.target(e)))],
  };
}

function byDateThenId(g: KgGraph) {
  return (a: string, b: string): number => {
    const da = String(g.getNodeAttribute(a, 'props').startDate ?? g.getNodeAttribute(a, 'props').date ?? '');
    const db = String(g.getNodeAttribute(b, 'props').startDate ?? g.getNodeAttribute(b, 'props').date ?? '');
    return da.localeCompare(db) || a.localeCompare(b);
  };
}

export function economies(g: KgGraph): string[] {
  return g
    .filterNodes((_n, a) => a.category === 'Economy')
    .sort((a, b) => g.getNodeAttribute(a, 'name').localeCompare(g.getNodeAttribute(b, 'name')));
}

/** Meetings that at least one economy attended, in date order. */
export function attendedMeetings(g: KgGraph): string[] {
  const meetings = new Set<string>();
  g.forEachEdge((_e, a, source, target) => {
    if (a.relType === 'ATTENDED' && g.getNodeAttribute(source, 'category') === 'Economy') {
      if (g.getNodeAttribute(target, 'category') === 'Meeting') meetings.add(target);
    }
  });
  return [...meetings].sort(byDateThenId(g));
}

export function policyDialogues(g: KgGraph): string[] {
  return g
    .filterNodes((_n, a) => a.category === 'Session' && a.props.kind === POLICY_DIALOGUE_KIND)
    .sort((a, b) =>
      String(g.getNodeAttribute(a, 'props').agendaItem ?? a).localeCompare(
        String(g.getNodeAttribute(b, 'props').agendaItem ?? b),
        'en',
        { numeric: true },
      ),
    );
}

function title(g: KgGraph, node: string): Bilingual {
  const a = g.getNodeAttributes(node);
  return { en: a.name, zh: a.nameZh ?? a.name };
}

export function coverageColumns(g: KgGraph): CoverageColumn[] {
  const cols: CoverageColumn[] = attendedMeetings(g).map((m) => ({
    id: `meeting:${m}`,
    kind: 'meeting',
    title: title(g, m),
    nodeId: m,
  }));
  for (const f of FRAMEWORK_COLUMNS) {
    if (g.hasNode(f)) cols.push({ id: `framework:${f}`, kind: 'framework', title: title(g, f), nodeId: f });
  }
  if (g.hasNode(AIDER_DRAFTING_GROUP)) {
    cols.push({
      id: `group:${AIDER_DRAFTING_GROUP}`,
      kind: 'group',
      title: title(g, AIDER_DRAFTING_GROUP),
      nodeId: AIDER_DRAFTING_GROUP,
    });
  }
  cols.push(
    { id: 'projects-led', kind: 'projects-led', title: { en: 'Projects led', zh: '主導計畫' } },
    {
      id: 'projects-supported',
      kind: 'projects-supported',
      title: { en: 'Projects supported', zh: '支持計畫' },
    },
    { id: 'dialogues', kind: 'dialogues', title: { en: 'Policy dialogues', zh: '政策對話' } },
  );
  return cols;
}

function cellFor(g: KgGraph, economy: string, col: CoverageColumn, dialogues: Set<string>): CoverageCell {
  switch (col.kind) {
    case 'meeting': {
      const edges = edgesOfType(g, economy, 'ATTENDED', 'out').filter((e) => g.target(e) === col.nodeId);
      const modes = [...new Set(edges.map((e) => attendanceMode(g.getEdgeAttribute(e, 'props'))))].sort();
      return cell(g, edges, edges.length > 0 ? 1 : 0, modes.join('+') || undefined);
    }
    case 'framework':
    case 'group': {
      const rel = col.kind === 'group' ? 'VOLUNTEERED_FOR' : 'PARTICIPATES_IN';
      const edges = edgesOfType(g, economy, rel, 'out').filter((e) => g.target(e) === col.nodeId);
      const settled = edges.filter((e) => !isDisputed(g, e));
      const detail = edges.length > 0 && settled.length === 0 ? 'disputed' : undefined;
      return cell(g, edges, edges.length > 0 ? 1 : 0, detail);
    }
    case 'projects-led':
    case 'projects-supported': {
      const rel = col.kind === 'projects-led' ? 'LEADS' : 'SUPPORTS';
      const edges = edgesOfType(g, economy, rel, 'out').filter(
        (e) => g.getNodeAttribute(g.target(e), 'category') === 'Project',
      );
      return cell(g, edges, new Set(edges.map((e) => g.target(e))).size);
    }
    case 'dialogues': {
      const edges = [
        ...edgesOfType(g, economy, 'LED', 'out'),
        ...edgesOfType(g, economy, 'SPOKE_IN', 'out'),
      ].filter((e) => dialogues.has(g.target(e)));
      return cell(g, edges, new Set(edges.map((e) => g.target(e))).size);
    }
  }
}

export function coverageMatrix(g: KgGraph): CoverageMatrix {
  const columns = coverageColumns(g);
  const dialogues = new Set(policyDialogues(g));
  const rows: CoverageRow[] = economies(g).map((economy) => {
    const a = g.getNodeAttributes(economy);
    const cells = columns.map((col) => cellFor(g, economy, col, dialogues));
    return {
      economy,
      name: a.name,
      ...(a.nameZh ? { nameZh: a.nameZh } : {}),
      cells,
      total: cells.filter((c) => c.value > 0).length,
    };
  });
  const columnTotals = columns.map((_c, i) => rows.filter((r) => (r.cells[i]?.value ?? 0) > 0).length);
  return { columns, rows, columnTotals };
}

/** Economies with a gap in every one of the given columns (e.g. attended neither meeting). */
export function economiesAbsentFrom(m: CoverageMatrix, columnIds: string[]): string[] {
  const idx = columnIds.map((id) => m.columns.findIndex((c) => c.id === id));
  if (idx.some((i) => i < 0)) throw new Error(`unknown coverage column in ${columnIds.join(', ')}`);
  return m.rows.filter((r) => idx.every((i) => (r.cells[i]?.value ?? 0) === 0)).map((r) => r.economy);
}

export interface FocusAreaRow {
  id: string;
  number: number;
  title: Bilingual;
  underServed: boolean;
  /** Projects, initiatives, sessions and documents that address the focus area, with the stating edges. */
  addressedBy: { node: string; category: string; edge: string }[];
}

export function focusAreaCoverage(g: KgGraph): FocusAreaRow[] {
  return g
    .filterNodes((_n, a) => a.category === 'FocusArea')
    .map((id) => {
      const a = g.getNodeAttributes(id);
      const addressedBy = edgesOfType(g, id, 'ADDRESSES', 'in').map((edge) => {
        const node = g.source(edge);
        return { node, category: g.getNodeAttribute(node, 'category'), edge };
      });
      return {
        id,
        number: Number(a.props.number ?? 0),
        title: title(g, id),
        underServed: a.props.underServed === true,
        addressedBy,
      };
    })
    .sort((x, y) => x.number - y.number);
}
