// Parser exceptions, encodings, cascades and huge values: each gives a short file:line error and the other
// files' problems are still reported.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, readKnowledgeBase } from '../../src/model/read.js';
import { BASE_YAML, makeGraphDir } from './fixture.js';

const BOMB = `a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
`;
const FAKE_QUOTE = `source: src-test
nodes:
  - { id: t-fake, label: Topic, name: Fake, prov: { section: 一, quote: 此句不在報告中 } }
`;

describe('hostile data files', () => {
  it('an alias bomb is a file:line error, and the other files are still checked (CLI)', () => {
    const dir = makeGraphDir({ 'base.yaml': BASE_YAML, 'bomb.yaml': BOMB, 'z.yaml': FAKE_QUOTE });
    const r = spawnSync(
      join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
      ['scripts/validate.ts', '--dir', dir],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/ReferenceError|\n\s+at /);
    expect(r.stderr).toMatch(/bomb\.yaml:2 yaml: YAML aliases expand to too much data/);
    expect(r.stderr).toMatch(/z\.yaml:3 \[t-fake\] quote-not-found/);
  });

  it('bytes that are not UTF-8 are an encoding error naming file and line; a BOM and CRLF are accepted', () => {
    const bad = Buffer.concat([
      Buffer.from('source: src-test\nnodes:\n  - id: t1\n    label: Topic\n    name: Ba'),
      Buffer.from([0x80]),
      Buffer.from('d\n    prov: { section: 一, quote: 議程 }\n'),
    ]);
    const dir = makeGraphDir({ 'base.yaml': BASE_YAML });
    writeFileSync(join(dir, 'bad.yaml'), bad);
    writeFileSync(
      join(dir, 'crlf.yaml'),
      `\ufeff${FAKE_QUOTE.replace('t-fake', 't-ok').replace('此句不在報告中', '議程').replace(/\n/g, '\r\n')}`,
    );
    const { issues } = readKnowledgeBase(dir);
    expect(issues).toEqual([
      {
        file: expect.stringMatching(/bad\.yaml$/),
        line: 5,
        kind: 'encoding',
        message: expect.stringContaining('not valid UTF-8 on line 5'),
      },
    ]);
  });

  it('a source text that is not UTF-8 is named, and the quotes it blocks are counted once', () => {
    const dir = makeGraphDir({ 'base.yaml': BASE_YAML, 'z.yaml': FAKE_QUOTE });
    writeFileSync(join(dir, 'sources', 'test.txt'), Buffer.from([0xa7, 0xda, 0xb0, 0xea])); // 我國 in Big5
    const { issues } = readKnowledgeBase(dir);
    expect(issues.map((i) => [i.kind, i.file.split('/').slice(-2).join('/'), i.line])).toEqual([
      ['encoding', 'sources/test.txt', 1],
      ['cascade', expect.stringMatching(/base\.yaml$/), 3],
    ]);
    expect(issues[1]?.message).toBe('6 quotes could not be checked because "src-test" has no readable text');
  });

  it('a broken Source collapses into its cause plus a count, and a planted fake quote elsewhere still shows', () => {
    const dir = makeGraphDir({
      'base.yaml': BASE_YAML.replace('label: Source', 'label: Sauce'),
      'other.yaml': `nodes:\n  - { id: src-2, label: Source, name: Two, props: { file: sources/test.txt }, prov: { source: src-2, section: 一, quote: 澳洲 } }\n  - { id: t-2, label: Topic, name: T, prov: { source: src-2, section: 一, quote: 偽造的引文 } }\n`,
    });
    const { issues } = readKnowledgeBase(dir);
    expect(issues.map((i) => i.kind)).toEqual(['bad-enum', 'quote-not-found', 'cascade']);
    expect(issues[2]?.message).toBe(
      '4 quotes could not be checked because "src-test" is invalid (see its own error)',
    );
    expect(issues[1]?.message).toContain('偽造的引文');
  });

  it('references to an unknown id are listed three times, then counted', () => {
    const edges = Array.from(
      { length: 8 },
      (_, i) =>
        `  - { type: ATTENDED, from: NZL, to: mtg-1, key: k${i}, prov: { section: 一, quote: 澳洲 } }`,
    ).join('\n');
    const { issues } = readKnowledgeBase(
      makeGraphDir({ 'base.yaml': BASE_YAML, 'e.yaml': `source: src-test\nedges:\n${edges}\n` }),
    );
    expect(issues.map((i) => i.kind)).toEqual([
      'unknown-reference',
      'unknown-reference',
      'unknown-reference',
      'cascade',
    ]);
    expect(issues[3]?.message).toBe(
      '5 relationship ends more name unknown "NZL" (the first 3 are listed above)',
    );
  });

  it('a 5 MB quote is echoed as its first 200 characters', () => {
    const huge = '假'.repeat(5_000_000);
    const { issues } = readKnowledgeBase(
      makeGraphDir({ 'base.yaml': BASE_YAML, 'h.yaml': FAKE_QUOTE.replace('此句不在報告中', huge) }),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message.length).toBeLessThan(400);
    expect(issues[0]?.message).toContain(`${'假'.repeat(200)}… (5,000,000 characters)`);
  });
});
