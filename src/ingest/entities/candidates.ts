// Merge candidates for a drafted new node: existing nodes of the same label ranked by a similarity score
// (1 − normalised Levenshtein distance over folded names, best over every name pair).
import { distance } from 'fastest-levenshtein';
import type { KnowledgeBase } from '../../model/types.js';
import { foldString } from '../text/fold.js';

export function similarity(a: string, b: string): number {
  const fa = foldString(a);
  const fb = foldString(b);
  const len = Math.max(fa.length, fb.length);
  if (len === 0) return 0;
  return 1 - distance(fa, fb) / len;
}

export function mergeCandidates(
  kb: KnowledgeBase,
  label: string,
  names: string[],
  limit = 3,
  threshold = 0.5,
): { id: string; score: number }[] {
  const scored: { id: string; score: number }[] = [];
  for (const n of kb.nodes) {
    if (n.label !== label) continue;
    const theirs = [n.name, n.nameZh, ...n.aliases].filter((x): x is string => !!x);
    let best = 0;
    for (const a of names) for (const b of theirs) best = Math.max(best, similarity(a, b));
    if (best >= threshold) scored.push({ id: n.id, score: Math.round(best * 100) / 100 });
  }
  return scored.sort((a, b) => b.score - a.score).slice(0, limit);
}
