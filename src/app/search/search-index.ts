// Ranks nodes for a typed query over name, nameZh, aliases and id. Pure, so it is unit-tested without a page.
import { normalizeForSearch } from './normalize.js';

export interface Searchable {
  id: string;
  name: string;
  nameZh?: string;
  aliases: string[];
  /** Tie-breaker: better connected nodes first. */
  weight?: number;
}

export interface SearchHit {
  id: string;
  /** The name, alias or id that matched, as written in the data. */
  matched: string;
  /** 0 exact, 1 starts with, 2 a word starts with, 3 contains. */
  rank: number;
}

interface Entry {
  item: Searchable;
  terms: { raw: string; norm: string; compact: string }[];
}

export interface SearchIndex {
  search(query: string, limit?: number): SearchHit[];
}

function rankTerm(norm: string, compact: string, q: string, qCompact: string): number {
  if (norm === q || compact === qCompact) return 0;
  if (norm.startsWith(q) || compact.startsWith(qCompact)) return 1;
  if (norm.includes(` ${q}`)) return 2;
  if (norm.includes(q) || compact.includes(qCompact)) return 3;
  return -1;
}

export function createSearchIndex(items: Iterable<Searchable>): SearchIndex {
  const entries: Entry[] = [];
  for (const item of items) {
    const raws = [item.name, item.nameZh, ...item.aliases, item.id].filter((t): t is string => !!t);
    const terms = [...new Set(raws)].map((raw) => {
      const norm = normalizeForSearch(raw);
      return { raw, norm, compact: norm.replace(/ /g, '') };
    });
    entries.push({ item, terms });
  }
  return {
    search(query, limit = 12) {
      const q = normalizeForSearch(query);
      if (!q) return [];
      const qCompact = q.replace(/ /g, '');
      const hits: (SearchHit & { weight: number; name: string })[] = [];
      for (const { item, terms } of entries) {
        let best: { rank: number; raw: string } | undefined;
        for (const t of terms) {
          const rank = rankTerm(t.norm, t.compact, q, qCompact);
          if (rank >= 0 && (!best || rank < best.rank)) best = { rank, raw: t.raw };
        }
        if (best) {
          hits.push({
            id: item.id,
            matched: best.raw,
            rank: best.rank,
            weight: item.weight ?? 0,
            name: item.name,
          });
        }
      }
      hits.sort((a, b) => a.rank - b.rank || b.weight - a.weight || a.name.localeCompare(b.name));
      return hits.slice(0, limit).map(({ id, matched, rank }) => ({ id, matched, rank }));
    },
  };
}
