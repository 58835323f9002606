// A property's values over time: the value graph/ holds, then each later value a newer source states
// (`updates:`), so that a project reads "ongoing as of 2025-02-28 (…), completed as of 2025-10 (…)".
import type { HistoryEntry, KnowledgeBase, NodeRecord, PropValue, Scalar } from './types.js';

type HistoryInput = Pick<KnowledgeBase, 'nodes' | 'updates'>;

/** The date a source speaks for: its meeting's last day, else its own date. */
export function sourceDate(source: NodeRecord | undefined): string | undefined {
  const p = source?.props;
  const d = p?.meetingEndDate ?? p?.meetingStartDate ?? p?.date;
  return typeof d === 'string' ? d : undefined;
}

function scalar(v: PropValue): Scalar {
  return Array.isArray(v) ? v.join('; ') : v;
}

function historyOf(
  node: NodeRecord,
  prop: string,
  kb: HistoryInput,
  byId: Map<string, NodeRecord>,
): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  const base = node.props[prop];
  const first = node.prov[0];
  if (base !== undefined && first) {
    const asOf = sourceDate(byId.get(first.source));
    entries.push({
      value: scalar(base),
      ...(asOf ? { asOf } : {}),
      source: first.source,
      section: first.section,
    });
  }
  const later = (kb.updates ?? [])
    .filter((u) => u.node === node.id && u.prop === prop && u.review !== 'rejected')
    .sort((a, b) => a.asOf.localeCompare(b.asOf));
  for (const u of later) {
    const p = u.prov[0];
    entries.push({
      value: u.value,
      asOf: u.asOf,
      source: p?.source ?? '',
      section: p?.section ?? '',
      ...(u.review === 'pending' ? { review: 'pending' as const } : {}),
    });
  }
  return entries;
}

/** The history of one property of one node, oldest first; empty when the node does not have it. */
export function propertyHistory(kb: HistoryInput, nodeId: string, prop: string): HistoryEntry[] {
  const byId = new Map(kb.nodes.map((n) => [n.id, n]));
  const node = byId.get(nodeId);
  return node ? historyOf(node, prop, kb, byId) : [];
}

/** Every property some update touches: node id -> property -> history. */
export function allHistories(kb: HistoryInput): Map<string, Record<string, HistoryEntry[]>> {
  const byId = new Map(kb.nodes.map((n) => [n.id, n]));
  const out = new Map<string, Record<string, HistoryEntry[]>>();
  for (const u of kb.updates ?? []) {
    const node = byId.get(u.node);
    if (!node || u.review === 'rejected') continue;
    const record = out.get(u.node) ?? {};
    record[u.prop] ??= historyOf(node, u.prop, kb, byId);
    out.set(u.node, record);
  }
  return out;
}

/** "ongoing as of 2025-02-28 (src-a, 貳.三), completed as of 2025-10 (src-b, 1.2; pending review)". */
export function formatHistory(entries: HistoryEntry[]): string {
  return entries
    .map(
      (e) =>
        `${String(e.value)}${e.asOf ? ` as of ${e.asOf}` : ''} (${e.source}, ${e.section}${e.review ? '; pending review' : ''})`,
    )
    .join(', ');
}
