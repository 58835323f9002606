// Reading graph/ for review: the knowledge base as it would be with `replacements` (absolute path → new text)
// written, so that an edit is validated before any file changes.
import { relative, resolve } from 'node:path';
import { readKnowledgeBase } from '../../model/read.js';
import type { KnowledgeBase, ValidationIssue } from '../../model/types.js';

export function readForReview(
  graphDir: string,
  replacements: Map<string, string> = new Map(),
): { kb: KnowledgeBase; issues: ValidationIssue[] } {
  const base = resolve(graphDir);
  const overlay = new Map([...replacements].map(([abs, text]) => [relative(base, abs), text]));
  return readKnowledgeBase(graphDir, { overlay });
}
