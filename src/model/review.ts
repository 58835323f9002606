// Applies the review decisions recorded in drafted entries: rejected entries and merged nodes leave the graph
// (they stay in graph/ as a record, so that re-ingesting a report does not bring them back), and whatever was
// drafted on a merged node follows it to the node it was merged into.
import { edgeId } from './parse-files.js';
import type {
  EdgeRecord,
  KnowledgeBase,
  NodeRecord,
  Origin,
  PropertyUpdate,
  ValidationIssue,
} from './types.js';

export interface Reviewed {
  nodes: NodeRecord[];
  edges: EdgeRecord[];
  updates: PropertyUpdate[];
  setAside: { nodes: NodeRecord[]; edges: EdgeRecord[]; updates: PropertyUpdate[] };
  issues: ValidationIssue[];
}

/** Entries without a review state were written or reviewed by hand: they count as accepted. */
export function isReviewed(entry: { review?: string }): boolean {
  return entry.review === undefined || entry.review === 'accepted';
}

export function applyReview(nodes: NodeRecord[], edges: EdgeRecord[], updates: PropertyUpdate[]): Reviewed {
  const out: Reviewed = {
    nodes: [],
    edges: [],
    updates: [],
    setAside: { nodes: [], edges: [], updates: [] },
    issues: [],
  };
  const issue = (origin: Origin, entity: string, kind: ValidationIssue['kind'], message: string) =>
    out.issues.push({ file: origin.file, line: origin.line, entity, kind, message });

  const mergedInto = new Map<string, string>();
  const rejected = new Map<string, NodeRecord>();
  for (const n of nodes) {
    if (n.review === 'merged' && n.mergedInto) mergedInto.set(n.id, n.mergedInto);
    if (n.review === 'rejected') rejected.set(n.id, n);
    if (n.review === 'merged' || n.review === 'rejected') out.setAside.nodes.push(n);
    else out.nodes.push(n);
  }
  const kept = new Set(out.nodes.map((n) => n.id));
  for (const n of out.setAside.nodes) {
    if (n.review !== 'merged' || !n.mergedInto) continue;
    if (!kept.has(n.mergedInto)) {
      issue(
        n.origin,
        n.id,
        'unknown-reference',
        `mergedInto names "${n.mergedInto}", which is not a node of the graph (merge into an existing, kept node)`,
      );
    }
  }
  for (const n of nodes) {
    for (const c of n.candidates ?? []) {
      if (!kept.has(c.id))
        issue(n.origin, n.id, 'unknown-reference', `candidate "${c.id}" is not a node of the graph`);
    }
  }
  // A merge target is a kept node, so one step is enough; a chain would already be reported above.
  const redirect = (id: string): string => mergedInto.get(id) ?? id;

  for (const e of edges) {
    const from = redirect(e.from);
    const to = redirect(e.to);
    const edge = from === e.from && to === e.to ? e : { ...e, from, to, id: edgeId(from, e.type, to, e.key) };
    if (e.review === 'rejected') {
      out.setAside.edges.push(edge);
      continue;
    }
    const gone = [from, to].find((id) => rejected.has(id));
    if (gone !== undefined) {
      // A drafted fact about a rejected node falls with it; a reviewed one must be decided by a person.
      if (!isReviewed(e)) out.setAside.edges.push(edge);
      else {
        const at = rejected.get(gone)?.origin;
        issue(
          e.origin,
          edge.id,
          'unknown-reference',
          `relationship is ${e.review ?? 'reviewed'} but names node "${gone}", rejected at ${at?.file}:${at?.line}; reject it too or accept the node`,
        );
      }
      continue;
    }
    out.edges.push(edge);
  }

  for (const u of updates) {
    const update = mergedInto.has(u.node) ? { ...u, node: redirect(u.node) } : u;
    if (u.review === 'rejected' || (rejected.has(u.node) && !isReviewed(u)))
      out.setAside.updates.push(update);
    else out.updates.push(update);
  }
  return out;
}

export interface LoadSelection {
  kb: KnowledgeBase;
  /** Drafted entries left out (pending, without includeDrafts), and reviewed relationships left out with them. */
  heldBack: { nodes: number; edges: number; reviewedEdges: number };
}

/**
 * What goes into Neo4j: reviewed entries, and pending ones too when `includeDrafts` is set. A reviewed
 * relationship whose end is still pending waits for that end (it is counted in `reviewedEdges`).
 */
export function selectForLoad(kb: KnowledgeBase, opts: { includeDrafts?: boolean } = {}): LoadSelection {
  const heldBack = { nodes: 0, edges: 0, reviewedEdges: 0 };
  if (opts.includeDrafts) return { kb, heldBack };
  const nodes = kb.nodes.filter(isReviewed);
  heldBack.nodes = kb.nodes.length - nodes.length;
  // Only ends left out here: a relationship to a node that does not exist at all is the loader's to refuse.
  const waiting = new Set(kb.nodes.filter((n) => !isReviewed(n)).map((n) => n.id));
  const edges = kb.edges.filter((e) => {
    if (!isReviewed(e)) heldBack.edges++;
    else if (waiting.has(e.from) || waiting.has(e.to)) heldBack.reviewedEdges++;
    else return true;
    return false;
  });
  return { kb: { ...kb, nodes, edges, updates: (kb.updates ?? []).filter(isReviewed) }, heldBack };
}

/** Drafted entries per folder and review state (entries written by hand are not counted). */
export function reviewSummary(kb: KnowledgeBase): { folder: string; counts: Record<string, number> }[] {
  const folders = new Map<string, Record<string, number>>();
  const all = [
    ...kb.nodes,
    ...kb.edges,
    ...(kb.updates ?? []),
    ...(kb.setAside?.nodes ?? []),
    ...(kb.setAside?.edges ?? []),
    ...(kb.setAside?.updates ?? []),
  ];
  for (const entry of all) {
    if (!entry.review) continue;
    const folder = entry.origin.file.slice(0, entry.origin.file.lastIndexOf('/') + 1) || './';
    const counts = folders.get(folder) ?? {};
    counts[entry.review] = (counts[entry.review] ?? 0) + 1;
    folders.set(folder, counts);
  }
  return [...folders].sort(([a], [b]) => a.localeCompare(b)).map(([folder, counts]) => ({ folder, counts }));
}
