// What the Sources list shows for each source of the knowledge base, and which facts a source backs.

import type { FactQuotes } from './source-text.js';
import type { EdgeRecord, KnowledgeBase, NodeRecord } from './types.js';

export interface SourceSummary {
  id: string;
  title: string;
  titleZh?: string;
  date?: string;
  language?: string;
  /** Reviewed facts (nodes and relationships) with at least one quote from this source. */
  backed: number;
  /** Drafted facts from this source still waiting for review. */
  pending: number;
}

export type ReviewState = 'pending' | 'accepted' | 'rejected' | 'merged';

/**
 * The review state of an entry; absent means reviewed by hand. The records gain a `review` field with the
 * drafted-entry format (graph/FORMAT.md); read through this one function so nothing else depends on when.
 */
export function reviewState(rec: NodeRecord | EdgeRecord): ReviewState {
  const r = (rec as { review?: unknown }).review;
  return r === 'pending' || r === 'rejected' || r === 'merged' ? r : 'accepted';
}

function cites(rec: NodeRecord | EdgeRecord, source: string): boolean {
  return rec.prov.some((p) => p.source === source);
}

export function listSources(kb: KnowledgeBase): SourceSummary[] {
  const facts: (NodeRecord | EdgeRecord)[] = [...kb.nodes, ...kb.edges];
  return kb.nodes
    .filter((n) => n.label === 'Source')
    .map((n) => {
      let backed = 0;
      let pending = 0;
      for (const f of facts) {
        if (!cites(f, n.id)) continue;
        const state = reviewState(f);
        if (state === 'accepted') backed++;
        else if (state === 'pending') pending++;
      }
      const date = n.props.date;
      const language = n.props.language;
      return {
        id: n.id,
        title: n.name,
        ...(n.nameZh ? { titleZh: n.nameZh } : {}),
        ...(typeof date === 'string' ? { date } : {}),
        ...(typeof language === 'string' ? { language } : {}),
        backed,
        pending,
      };
    })
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id));
}

/** Every fact citing the source (rejected and merged drafts left out), with its quotes from that source. */
export function factsOfSource(kb: KnowledgeBase, source: string): FactQuotes[] {
  const out: FactQuotes[] = [];
  for (const f of [...kb.nodes, ...kb.edges]) {
    const state = reviewState(f);
    if (state === 'rejected' || state === 'merged') continue;
    const prov = f.prov.filter((p) => p.source === source);
    if (prov.length > 0)
      out.push({ id: f.id, prov: prov.map((p) => ({ section: p.section, quote: p.quote })) });
  }
  return out;
}
