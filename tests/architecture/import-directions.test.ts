// The layers of README's "Where things go": imports only point down them. A change that imports against the
// direction fails here with the file, the line and the rule it breaks.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/model/read.js';

/** What each layer may import from the project's own folders (besides itself). */
const ALLOWED: Record<string, string[]> = {
  'src/model': [],
  'src/ingest': ['src/model'],
  'src/neo4j': ['src/model'],
  'src/server': ['src/model', 'src/ingest', 'src/neo4j'],
  'src/app': ['src/model'],
  scripts: ['src/model', 'src/ingest', 'src/neo4j', 'src/server', 'src/app'],
};
/** Modules of src/model that touch the file system: the page must not pull them into its bundle. */
const NODE_ONLY_MODEL = ['src/model/read.ts'];

function layerOf(path: string): string | undefined {
  return Object.keys(ALLOWED).find((layer) => path === layer || path.startsWith(`${layer}/`));
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(REPO_ROOT, dir), { withFileTypes: true })) {
    const p = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

interface Import {
  file: string;
  line: number;
  target: string;
}

function relativeImports(file: string): Import[] {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8');
  const found: Import[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;
  for (const m of text.matchAll(pattern)) {
    const spec = m[1] ?? '';
    const abs = resolve(dirname(join(REPO_ROOT, file)), spec.replace(/\.js$/, '.ts'));
    const target = relative(REPO_ROOT, abs).split(sep).join('/');
    const line = text.slice(0, m.index).split('\n').length;
    found.push({ file, line, target });
  }
  return found;
}

function violations(): string[] {
  const files = [...sourceFiles('src'), ...sourceFiles('scripts')];
  const out: string[] = [];
  for (const file of files) {
    const from = layerOf(file);
    if (!from) continue;
    for (const imp of relativeImports(file)) {
      const to = layerOf(imp.target);
      if (!to) {
        if (!imp.target.startsWith('node_modules/'))
          out.push(`${imp.file}:${imp.line} imports ${imp.target}, which is outside src/ and scripts/`);
        continue;
      }
      if (to !== from && !ALLOWED[from]?.includes(to))
        out.push(`${imp.file}:${imp.line} (${from}) may not import ${imp.target} (${to})`);
      if (from === 'src/app' && NODE_ONLY_MODEL.includes(imp.target))
        out.push(`${imp.file}:${imp.line} (src/app) may not import ${imp.target}: it reads the file system`);
    }
  }
  return out;
}

describe('import directions', () => {
  it('finds the imports it checks', () => {
    const imports = sourceFiles('src').flatMap(relativeImports);
    expect(imports.length).toBeGreaterThan(100);
    expect(imports.some((i) => i.file.startsWith('src/app/') && i.target.startsWith('src/model/'))).toBe(
      true,
    );
  });

  it('every import points down the layers', () => {
    expect(violations()).toEqual([]);
  });
});
