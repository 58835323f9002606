// The reviewed facts eval:ingest compares a draft with: every relationship of the scored types that cites the
// report's Source (in the report's folder or in graph/base), and the status of every reviewed project. A
// relationship the reviewers marked `inferred` (a reading the report does not state outright) is optional: a
// draft that has it is not wrong, one that lacks it is not penalised.
import type { EdgeRecord, KnowledgeBase, NodeRecord } from '../../model/types.js';

export interface Fact {
  /** Row of the table: `ATTENDED`, `Project status`, … */
  kind: string;
  key: string;
  optional?: boolean;
}

export interface ScoredKind {
  kind: string;
  /** Recall target, when the issue sets one. */
  target?: number;
  /** Does a relationship belong to this row (by type and end labels)? */
  edge?: (e: { type: string; props: Record<string, unknown> }, fromLabel: string, toLabel: string) => boolean;
}

export const SCORED: ScoredKind[] = [
  {
    kind: 'ATTENDED (with mode)',
    target: 0.95,
    edge: (e, f, t) => e.type === 'ATTENDED' && t === 'Meeting' && (f === 'Economy' || f === 'Organization'),
  },
  { kind: 'HOSTED', target: 0.95, edge: (e, _f, t) => e.type === 'HOSTED' && t === 'Meeting' },
  { kind: 'Project number', target: 0.95 },
  { kind: 'LEADS (projects)', target: 0.95, edge: (e, _f, t) => e.type === 'LEADS' && t === 'Project' },
  { kind: 'Project status', target: 0.95 },
  { kind: 'SUPPORTS (projects)', target: 0.95, edge: (e, _f, t) => e.type === 'SUPPORTS' && t === 'Project' },
  {
    kind: 'PARTICIPATES_IN (counts)',
    target: 0.95,
    edge: (e) => e.type === 'PARTICIPATES_IN' && e.props.certifiedOrganizations !== undefined,
  },
  { kind: 'VOLUNTEERED_FOR', target: 0.95, edge: (e) => e.type === 'VOLUNTEERED_FOR' },
  { kind: 'HOLDS_ROLE', target: 0.95, edge: (e) => e.type === 'HOLDS_ROLE' },
  { kind: 'CONSIDERS_JOINING', edge: (e) => e.type === 'CONSIDERS_JOINING' },
  { kind: 'LED', target: 0.7, edge: (e) => e.type === 'LED' },
  { kind: 'SPOKE_IN', target: 0.7, edge: (e) => e.type === 'SPOKE_IN' },
];

export const OVERALL_PRECISION_TARGET = 0.9;

export function edgeFactKey(kind: string, from: string, to: string, props: Record<string, unknown>): string {
  if (kind.startsWith('ATTENDED')) return `${from}|${to}|${String(props.mode ?? '')}`;
  if (kind.startsWith('PARTICIPATES_IN')) return `${from}|${to}|${String(props.certifiedOrganizations)}`;
  return `${from}|${to}`;
}

/** The knowledge base without one report folder: what the ingester may use as its gazetteer. */
export function withoutFolder(kb: KnowledgeBase, folder: string): KnowledgeBase {
  const inFolder = (file: string) => file.startsWith(`${folder.replace(/\/$/, '')}/`);
  return {
    nodes: kb.nodes.filter((n) => !inFolder(n.origin.file)),
    edges: kb.edges.filter((e) => !inFolder(e.origin.file)),
    sourceTexts: kb.sourceTexts,
  };
}

function cites(x: NodeRecord | EdgeRecord, sourceId: string): boolean {
  return x.prov.some((p) => p.source === sourceId);
}

export function referenceFacts(kb: KnowledgeBase, sourceId: string): Fact[] {
  const label = new Map(kb.nodes.map((n) => [n.id, n.label]));
  const out: Fact[] = [];
  for (const e of kb.edges) {
    if (!cites(e, sourceId)) continue;
    for (const k of SCORED) {
      if (!k.edge?.(e, label.get(e.from) ?? '', label.get(e.to) ?? '')) continue;
      const f: Fact = { kind: k.kind, key: edgeFactKey(k.kind, e.from, e.to, e.props) };
      if (e.props.inferred === true) {
        f.optional = true;
        // The inferred part may be the mode alone: drafting the attendance without a mode is no error either.
        if (k.kind.startsWith('ATTENDED') && e.props.mode !== undefined)
          out.push({ kind: k.kind, key: edgeFactKey(k.kind, e.from, e.to, {}), optional: true });
      }
      out.push(f);
    }
  }
  for (const n of kb.nodes) {
    if (n.label !== 'Project' || !cites(n, sourceId)) continue;
    if (typeof n.props.status === 'string')
      out.push({ kind: 'Project status', key: `${n.id}|${n.props.status}` });
    if (typeof n.props.projectNumber === 'string')
      out.push({ kind: 'Project number', key: `${n.id}|${n.props.projectNumber}` });
  }
  // A fact stated twice (two readings of one relationship) counts once; stated and optional → stated.
  const byKey = new Map<string, Fact>();
  for (const f of out) {
    const k = `${f.kind}#${f.key}`;
    const had = byKey.get(k);
    if (!had || (had.optional && !f.optional)) byKey.set(k, f);
  }
  return [...byKey.values()];
}
