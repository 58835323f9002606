// What an economy takes part in and what it is absent from, read off the graph (same rules as coverage.ts).
import type Graph from 'graphology';
import { coverageMatrix, policyDialogues } from '../../model/coverage.js';
import type { KgGraph } from '../../model/graph.js';
import type { EdgeAttributes, NodeAttributes } from '../../model/types.js';

export interface ProfileItem {
  node: string;
  /** Edges that state the fact, for provenance. */
  edges: string[];
  /** e.g. attendance mode, project status, 'led'/'spoke', a role. */
  detail?: string;
}

export interface EconomyProfile {
  meetings: ProfileItem[];
  frameworks: ProfileItem[];
  projectsLed: ProfileItem[];
  projectsSupported: ProfileItem[];
  sessions: ProfileItem[];
  /** Roles held by people who represent the economy; node is the person. */
  roles: (ProfileItem & { target: string })[];
  absentMeetings: string[];
  absentFrameworks: string[];
  absentDialogues: string[];
}

type AnyGraph = Graph<NodeAttributes, EdgeAttributes>;

function collect(
  g: AnyGraph,
  economy: string,
  relTypes: string[],
  targetCategory: string[],
  detail: (edge: string, target: string) => string | undefined,
): ProfileItem[] {
  const byTarget = new Map<string, ProfileItem>();
  g.forEachOutEdge(economy, (edge, a, _s, target) => {
    if (!relTypes.includes(a.relType)) return;
    if (!targetCategory.includes(g.getNodeAttribute(target, 'category'))) return;
    const item = byTarget.get(target) ?? { node: target, edges: [] };
    item.edges.push(edge);
    const d = detail(edge, target);
    if (d)
      item.detail =
        item.detail && item.detail !== d ? [...new Set([...item.detail.split(', '), d])].join(', ') : d;
    byTarget.set(target, item);
  });
  return [...byTarget.values()].sort((a, b) => a.node.localeCompare(b.node, 'en', { numeric: true }));
}

export function economyProfile(g: AnyGraph, economy: string): EconomyProfile {
  const prop = (edge: string, key: string) => {
    const v = g.getEdgeAttribute(edge, 'props')[key];
    return v === undefined ? undefined : String(v);
  };
  const status = (_e: string, target: string) => {
    const v = g.getNodeAttribute(target, 'props').status;
    return v === undefined ? undefined : String(v);
  };
  const meetings = collect(g, economy, ['ATTENDED'], ['Meeting'], (e) => prop(e, 'mode'));
  const frameworks = collect(g, economy, ['PARTICIPATES_IN', 'MEMBER_OF'], ['Framework'], (e) =>
    prop(e, 'disputed') === 'true' ? 'disputed' : prop(e, 'role'),
  );
  const projectsLed = collect(g, economy, ['LEADS'], ['Project'], status);
  const projectsSupported = collect(g, economy, ['SUPPORTS'], ['Project'], status);
  const sessions = collect(g, economy, ['LED', 'SPOKE_IN'], ['Session'], (e) =>
    g.getEdgeAttribute(e, 'relType') === 'LED' ? 'led' : 'spoke',
  );

  const roles: EconomyProfile['roles'] = [];
  g.forEachInEdge(economy, (_e, a, person) => {
    if (a.relType !== 'REPRESENTS' || g.getNodeAttribute(person, 'category') !== 'Person') return;
    g.forEachOutEdge(person, (edge, ra, _p, target) => {
      if (ra.relType !== 'HOLDS_ROLE') return;
      roles.push({ node: person, target, edges: [edge], detail: String(ra.props.role ?? '') });
    });
  });

  const matrix = coverageMatrix(g as unknown as KgGraph);
  const row = matrix.rows.find((r) => r.economy === economy);
  const absentOf = (kinds: string[]) =>
    matrix.columns
      .filter((c, i) => kinds.includes(c.kind) && c.nodeId && (row?.cells[i]?.value ?? 0) === 0)
      .map((c) => c.nodeId as string);
  const spokeIn = new Set(sessions.map((s) => s.node));
  return {
    meetings,
    frameworks,
    projectsLed,
    projectsSupported,
    sessions,
    roles,
    absentMeetings: absentOf(['meeting']),
    absentFrameworks: absentOf(['framework', 'group']),
    absentDialogues: policyDialogues(g as unknown as KgGraph).filter((d) => !spokeIn.has(d)),
  };
}
