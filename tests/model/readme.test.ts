import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/model/read.js';
import { schemaMarkdown } from '../../src/model/schema-doc.js';

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

describe('README', () => {
  it('carries the current schema (run `npm run docs:schema` after changing the vocabulary)', () => {
    expect(readme).toContain(schemaMarkdown());
  });

  it('documents every npm script', () => {
    const missing = Object.keys(pkg.scripts).filter(
      (s) => !readme.includes(`npm run ${s}`) && !readme.includes(`npm ${s}`),
    );
    expect(missing).toEqual([]);
  });

  it('gives the quick start and the test command that .ci/run calls', () => {
    const ci = readFileSync(join(REPO_ROOT, '.ci', 'run'), 'utf8');
    expect(readme).toMatch(/npm install\s*\n\s*npm start/);
    expect(ci.trim().split('\n').at(-1)).toBe('npm test');
    expect(readme).toContain('npm test');
  });
});
