// A Draft as data-file entries (graph/FORMAT.md), and the merge that keeps what review already decided.
import { edgeId } from '../../model/parse-files.js';
import type { Draft, DraftEdge, DraftNode, DraftProv, DraftUpdate } from '../types.js';

export type Entry = Record<string, unknown>;
export type Section = 'nodes' | 'edges' | 'updates';

const prov = (p: DraftProv[]) => p.map((x) => ({ section: x.section, quote: x.quote }));
const props = (p: Record<string, unknown>) => (Object.keys(p).length > 0 ? { props: p } : {});

function nodeEntry(n: DraftNode): Entry {
  return {
    id: n.id,
    label: n.label,
    name: n.name,
    ...(n.nameZh ? { nameZh: n.nameZh } : {}),
    ...(n.aliases?.length ? { aliases: n.aliases } : {}),
    ...props(n.props),
    prov: prov(n.prov),
    review: 'pending',
    confidence: n.confidence,
    rule: n.rule,
    ...(n.candidates?.length ? { candidates: n.candidates.map((c) => ({ id: c.id, score: c.score })) } : {}),
  };
}

function edgeEntry(e: DraftEdge): Entry {
  return {
    type: e.type,
    from: e.from,
    to: e.to,
    ...(e.key ? { key: e.key } : {}),
    ...props(e.props),
    prov: prov(e.prov),
    review: 'pending',
    confidence: e.confidence,
    rule: e.rule,
  };
}

function updateEntry(u: DraftUpdate): Entry {
  return {
    node: u.node,
    prop: u.prop,
    value: u.value,
    asOf: u.asOf,
    ...(u.previous
      ? {
          note: `graph/ held ${JSON.stringify(u.previous.value)} (${u.previous.source}, section ${u.previous.section})`,
        }
      : {}),
    prov: prov(u.prov),
    review: 'pending',
    confidence: u.confidence,
    rule: u.rule,
  };
}

/** The entries a draft adds: new nodes only (existing ones are referred to by their id), edges, updates. */
export function draftEntries(draft: Draft): Record<Section, Entry[]> {
  return {
    nodes: draft.nodes.filter((n) => n.status === 'new').map(nodeEntry),
    edges: draft.edges.map(edgeEntry),
    updates: draft.updates.map(updateEntry),
  };
}

/**
 * Drafted relationships that graph/ already declares outside this folder (a later report restating a project's
 * lead). Declaring one again would be a duplicate id, so, like an existing node, it is left out when the
 * report adds nothing to it; when the report gives it other property values, it is drafted as a second reading
 * keyed by the report's slug, so the reviewer sees the difference and decides.
 */
export function settleKnownEdges(
  edges: Entry[],
  known: ReadonlyMap<string, Record<string, unknown>>,
  slug: string,
): Entry[] {
  const out: Entry[] = [];
  for (const e of edges) {
    const theirs = known.get(entryKey('edges', e));
    if (!theirs) {
      out.push(e);
      continue;
    }
    const ours = (e.props ?? {}) as Record<string, unknown>;
    const same = Object.entries(ours).every(([k, v]) => JSON.stringify(theirs[k]) === JSON.stringify(v));
    if (same) continue;
    const { type, from, to, ...rest } = e;
    const keyed: Entry = { type, from, to, ...rest, key: slug };
    // Keep the key beside the ends, where a hand-written entry has it.
    const ordered: Entry = { type, from, to, key: slug };
    for (const [k, v] of Object.entries(keyed)) if (!(k in ordered)) ordered[k] = v;
    if (!known.has(entryKey('edges', ordered))) out.push(ordered);
  }
  return out;
}

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** Identity of an entry across runs: what the extractor drafts it from. */
export function entryKey(section: Section, e: Entry): string {
  if (section === 'nodes') return str(e.id);
  if (section === 'edges') return edgeId(str(e.from), str(e.type), str(e.to), str(e.key) || undefined);
  return `${str(e.node)}#${str(e.prop)}@${str(e.asOf)}`;
}

/**
 * A second identity that survives a reviewer's edit of an end or a value: the rule, the type and the quotes.
 * A drafted fact whose entry a reviewer edited is thus recognised and not drafted again.
 */
export function entrySignature(section: Section, e: Entry): string {
  const quotes = (Array.isArray(e.prov) ? e.prov : [e.prov])
    .map((p) => str((p as Entry | undefined)?.quote))
    .sort()
    .join('\u0000');
  const kind = section === 'nodes' ? str(e.label) : section === 'edges' ? str(e.type) : str(e.prop);
  return `${section}|${str(e.rule)}|${kind}|${quotes}`;
}

/**
 * The drafted entries not yet in the folder, in draft order. An entry is there when one has its key; failing
 * that, when an entry the draft no longer produces as such (edited by a reviewer) has its signature: each
 * such entry stands for one drafted fact, since several facts of one list share a rule and a quote.
 */
export function newEntries(
  drafted: Record<Section, Entry[]>,
  existing: Record<Section, Entry[]>,
): Record<Section, Entry[]> {
  const out: Record<Section, Entry[]> = { nodes: [], edges: [], updates: [] };
  for (const section of ['nodes', 'edges', 'updates'] as const) {
    const keys = new Set(existing[section].map((e) => entryKey(section, e)));
    const draftedKeys = new Set(drafted[section].map((e) => entryKey(section, e)));
    const edited = new Map<string, number>();
    for (const e of existing[section]) {
      if (!e.rule || draftedKeys.has(entryKey(section, e))) continue;
      const sig = entrySignature(section, e);
      edited.set(sig, (edited.get(sig) ?? 0) + 1);
    }
    for (const e of drafted[section]) {
      const key = entryKey(section, e);
      if (keys.has(key)) continue;
      const sig = entrySignature(section, e);
      const left = edited.get(sig) ?? 0;
      if (left > 0) {
        edited.set(sig, left - 1);
        continue;
      }
      keys.add(key);
      out[section].push(e);
    }
  }
  return out;
}
