// Reads graph/ from disk. The only module of src/model that touches the file system, so the page never imports it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DataFile, parseDataFiles } from './parse-files.js';
import type { KnowledgeBase, ValidationIssue } from './types.js';
import { validateKnowledgeBase } from './validate.js';

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
  /** Reads one data file (absolute path); the review server passes its edit-to-be here to validate it unwritten. */
  readFile?: (path: string) => string;
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
  const display = (p: string) => {
    const rel = relative(REPO_ROOT, p);
    return (rel.startsWith('..') ? p : rel).split(sep).join('/');
  };
  const read = opts.readFile ?? ((p: string) => readFileSync(p, 'utf8'));
  const files: DataFile[] = listYaml(base).map((p) => ({ path: display(p), text: read(p) }));
  const parsed = parseDataFiles(files);
  const sourceTexts = new Map<string, string>();
  const issues = [...parsed.issues];
  for (const n of parsed.nodes) {
    if (n.label !== 'Source') continue;
    const file = n.props.file;
    const path = typeof file === 'string' ? join(base, file) : undefined;
    if (!path || !existsSync(path)) {
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
    sourceTexts.set(n.id, readFileSync(path, 'utf8'));
  }
  const kb: KnowledgeBase = { nodes: parsed.nodes, edges: parsed.edges, sourceTexts };
  issues.push(...validateKnowledgeBase(kb));
  return { kb, issues };
}

/** Like readKnowledgeBase, but refuses a knowledge base with any problem. */
export function loadKnowledgeBase(graphDir: string = DEFAULT_GRAPH_DIR): KnowledgeBase {
  const { kb, issues } = readKnowledgeBase(graphDir);
  if (issues.length > 0) throw new KnowledgeBaseError(issues);
  return kb;
}
