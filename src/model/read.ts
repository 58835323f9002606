// Reads graph/ from disk. The only module of src/model that touches the file system, so the page never imports it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DataFile, parseDataFiles } from './parse-files.js';
import { applyReview } from './review.js';
import type { KnowledgeBase, ValidationIssue } from './types.js';
import { decodeUtf8, describeBadLines } from './utf8.js';
import { clipIssue, validateKnowledgeBase } from './validate.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_GRAPH_DIR = join(REPO_ROOT, 'graph');

export class KnowledgeBaseError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(`graph/ has ${issues.length} problem(s):\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'KnowledgeBaseError';
  }
}

export function formatIssue(i: ValidationIssue): string {
  return `${i.file}:${i.line}${i.entity ? ` [${i.entity}]` : ''} ${i.kind}: ${i.message}`;
}

function listYaml(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) {
        if (p !== join(dir, 'sources')) walk(p);
      } else if (/\.ya?ml$/.test(entry.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export interface ReadOptions {
  /**
   * Files as they would be: path relative to graphDir -> text, read instead of (or besides) the disk. Lets
   * ingestion validate a draft, and the review server an edit, before either writes a byte.
   */
  overlay?: Map<string, string>;
}

/** Reads every data file under graphDir, the source texts they cite, and validates all of it. */
export function readKnowledgeBase(
  graphDir: string = DEFAULT_GRAPH_DIR,
  opts: ReadOptions = {},
): {
  kb: KnowledgeBase;
  issues: ValidationIssue[];
} {
  const base = resolve(graphDir);
  const overlay = new Map([...(opts.overlay ?? [])].map(([rel, text]) => [join(base, rel), text]));
  const display = (p: string) => {
    const rel = relative(REPO_ROOT, p);
    return (rel.startsWith('..') ? p : rel).split(sep).join('/');
  };
  const issues: ValidationIssue[] = [];
  // Bytes, not 'utf8': Node's decoder would quietly turn a stray byte into U+FFFD.
  const readText = (path: string): string | undefined => {
    const given = overlay.get(path);
    if (given !== undefined) return given;
    const decoded = decodeUtf8(readFileSync(path));
    if (decoded.badLineCount === 0) return decoded.text;
    issues.push({
      file: display(path),
      line: decoded.badLines[0] ?? 1,
      kind: 'encoding',
      message: describeBadLines(decoded),
    });
    return undefined;
  };
  const yamlPaths = listYaml(base);
  for (const p of overlay.keys()) if (/\.ya?ml$/.test(p) && !yamlPaths.includes(p)) yamlPaths.push(p);
  const files: DataFile[] = yamlPaths.map((p) => {
    const text = readText(p);
    // A data file with a bad byte is still checked, with U+FFFD in its place, so nothing else is hidden.
    return { path: display(p), text: text ?? decodeUtf8(readFileSync(p)).text };
  });
  const parsed = parseDataFiles(files);
  issues.push(...parsed.issues);
  const reviewed = applyReview(parsed.nodes, parsed.edges, parsed.updates);
  issues.push(...reviewed.issues);
  const sourceTexts = new Map<string, string>();
  for (const n of reviewed.nodes) {
    if (n.label !== 'Source') continue;
    const file = n.props.file;
    const path = typeof file === 'string' ? join(base, file) : undefined;
    if (!path || !(overlay.has(path) || existsSync(path))) {
      issues.push({
        file: n.origin.file,
        line: n.origin.line,
        entity: n.id,
        kind: 'source-file',
        message: path
          ? `source text ${display(path)} does not exist`
          : 'a Source needs props.file: the path of its text under graph/',
      });
      continue;
    }
    const text = readText(path);
    if (text !== undefined) sourceTexts.set(n.id, text);
  }
  const kb: KnowledgeBase = {
    nodes: reviewed.nodes,
    edges: reviewed.edges,
    sourceTexts,
    updates: reviewed.updates,
    setAside: reviewed.setAside,
  };
  issues.push(...validateKnowledgeBase(kb, { invalid: parsed.invalid }));
  return { kb, issues: issues.map(clipIssue) };
}

/** Like readKnowledgeBase, but refuses a knowledge base with any problem. */
export function loadKnowledgeBase(graphDir: string = DEFAULT_GRAPH_DIR): KnowledgeBase {
  const { kb, issues } = readKnowledgeBase(graphDir);
  if (issues.length > 0) throw new KnowledgeBaseError(issues);
  return kb;
}
