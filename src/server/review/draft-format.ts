// Reading graph/ for review while the validator may not yet know the drafted-entry keys of graph/FORMAT.md
// (review, confidence, rule, candidates, mergedInto, top-level updates). The one switch for the lead: once the
// validator accepts them, set VALIDATOR_KNOWS_DRAFTS to true and the text goes to it unchanged.
import { readFileSync } from 'node:fs';
import { isMap, isSeq, parseDocument } from 'yaml';
import { readKnowledgeBase } from '../../model/read.js';
import type { KnowledgeBase, ValidationIssue } from '../../model/types.js';

export const VALIDATOR_KNOWS_DRAFTS = false;

const DRAFT_KEYS = ['review', 'confidence', 'rule', 'candidates', 'mergedInto'];
const MAY_HAVE_DRAFT_KEYS =
  /^\s*(?:-\s*)?(?:review|confidence|rule|candidates|mergedInto|updates)\s*:|[{,]\s*(?:review|confidence|rule|candidates|mergedInto)\s*:/m;

/** The text the validator is given: drafted-entry keys taken out while it does not know them. */
export function forValidation(text: string): string {
  if (VALIDATOR_KNOWS_DRAFTS || !MAY_HAVE_DRAFT_KEYS.test(text)) return text;
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return text; // the validator reports the YAML error itself
  doc.delete('updates');
  for (const key of ['nodes', 'edges']) {
    const seq = doc.get(key, true);
    if (!isSeq(seq)) continue;
    // A rejected or merged entry is a record, not a fact: leave it out like the loader will.
    seq.items = seq.items.filter((item) => {
      if (!isMap(item)) return true;
      const review = item.get('review');
      return review !== 'rejected' && review !== 'merged';
    });
    for (const item of seq.items) if (isMap(item)) for (const k of DRAFT_KEYS) item.delete(k);
  }
  return doc.toString({ lineWidth: 0 });
}

/** Pending entries by id (node id, or `from|TYPE|to[|key]`) in a file's text. */
function pendingIds(text: string): string[] {
  if (!MAY_HAVE_DRAFT_KEYS.test(text)) return [];
  const doc = parseDocument(text);
  const out: string[] = [];
  for (const key of ['nodes', 'edges']) {
    const seq = doc.get(key, true);
    if (!isSeq(seq)) continue;
    for (const item of seq.items) {
      if (!isMap(item) || item.get('review') !== 'pending') continue;
      const k = item.get('key');
      out.push(
        key === 'nodes'
          ? String(item.get('id'))
          : [item.get('from'), item.get('type'), item.get('to'), ...(typeof k === 'string' ? [k] : [])].join(
              '|',
            ),
      );
    }
  }
  return out;
}

/**
 * Reads and validates graph/ as it would be with `replacements` (absolute path → new text) written. While the
 * validator drops the drafted keys, pending entries get `review: 'pending'` back on their records, as the
 * drafted-entry format will give them (the Sources counts and the sync read it).
 */
export function readForReview(
  graphDir: string,
  replacements: Map<string, string> = new Map(),
): { kb: KnowledgeBase; issues: ValidationIssue[] } {
  const pending = new Set<string>();
  const result = readKnowledgeBase(graphDir, {
    readFile: (p) => {
      const text = replacements.get(p) ?? readFileSync(p, 'utf8');
      if (!VALIDATOR_KNOWS_DRAFTS) for (const id of pendingIds(text)) pending.add(id);
      return forValidation(text);
    },
  });
  for (const rec of [...result.kb.nodes, ...result.kb.edges]) {
    if (pending.has(rec.id)) Object.assign(rec, { review: 'pending' });
  }
  return result;
}
