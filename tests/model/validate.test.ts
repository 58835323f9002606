import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeBaseError, loadKnowledgeBase, REPO_ROOT, readKnowledgeBase } from '../../src/model/read.js';
import { isPartialDate } from '../../src/model/validate.js';
import { BASE_YAML, makeGraphDir } from './fixture.js';

function issuesFor(extra: string, file = 'extra.yaml') {
  const dir = makeGraphDir({ 'base.yaml': BASE_YAML, [file]: extra });
  return readKnowledgeBase(dir).issues;
}

describe('readKnowledgeBase on a valid graph', () => {
  it('reads nodes, edges, origins and applies the file default source', () => {
    const { kb, issues } = readKnowledgeBase(makeGraphDir({ 'base.yaml': BASE_YAML }));
    expect(issues).toEqual([]);
    expect(kb.nodes.map((n) => n.id)).toEqual(['src-test', 'AUS', 'TWN', 'mtg-1']);
    const edge = kb.edges[0];
    expect(edge?.id).toBe('AUS|ATTENDED|mtg-1');
    expect(edge?.prov[0]?.source).toBe('src-test');
    expect(kb.nodes.find((n) => n.id === 'TWN')?.origin.line).toBe(13);
  });
});

describe('each kind of bad input is reported with file, line, entity and a clear message', () => {
  it('YAML syntax errors', () => {
    const [i] = issuesFor('nodes:\n  - id: X\n   label: [unclosed\n');
    expect(i).toMatchObject({ kind: 'yaml', file: expect.stringMatching(/extra\.yaml$/) });
    expect(i?.line).toBeGreaterThan(1);
  });

  it('unknown reference, with a did-you-mean', () => {
    const issues = issuesFor(
      `source: src-test\nedges:\n  - type: ATTENDED\n    from: TWM\n    to: mtg-1\n    props: { mode: in-person }\n    prov: { section: 一, quote: 澳洲實體與會 }\n`,
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ kind: 'unknown-reference', line: 3, entity: 'TWM|ATTENDED|mtg-1' });
    expect(issues[0]?.message).toContain('did you mean "TWN"');
  });

  it('duplicate node ids name the first place', () => {
    const issues = issuesFor(
      `source: src-test\nnodes:\n  - id: AUS\n    label: Economy\n    name: Again\n    prov: { section: 一, quote: 澳洲 }\n`,
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ kind: 'duplicate-id', entity: 'AUS', line: 3 });
    expect(issues[0]?.message).toMatch(/base\.yaml:\d+/);
  });

  it('duplicate relationships without a distinguishing key', () => {
    const edge = `  - type: ATTENDED\n    from: AUS\n    to: mtg-1\n    props: { mode: in-person }\n    prov: { section: 一, quote: 澳洲實體與會 }\n`;
    const issues = issuesFor(`source: src-test\nedges:\n${edge}`);
    expect(issues.map((i) => i.kind)).toEqual(['duplicate-id']);
    const keyed = issuesFor(
      `source: src-test\nedges:\n${edge.replace('to: mtg-1', 'to: mtg-1\n    key: second')}`,
    );
    expect(keyed).toEqual([]);
  });

  it('bad enum values: label, project status, attendance mode', () => {
    const issues = issuesFor(`source: src-test
nodes:
  - id: p1
    label: Projekt
    name: P
    prov: { section: 一, quote: 澳洲 }
  - id: p2
    label: Project
    name: P2
    props: { status: finished }
    prov: { section: 一, quote: 澳洲 }
edges:
  - type: ATTENDED
    from: TWN
    to: mtg-1
    props: { mode: hybrid }
    prov: { section: 一, quote: 我國 }
`);
    expect(issues.map((i) => [i.kind, i.line, i.entity])).toEqual([
      ['bad-enum', 4, 'p1'],
      ['bad-enum', 7, 'p2'],
      ['bad-enum', 13, 'TWN|ATTENDED|mtg-1'],
    ]);
    expect(issues[1]?.message).toContain('completed | ongoing | proposed');
  });

  it('bad dates', () => {
    const issues = issuesFor(`source: src-test
nodes:
  - id: m2
    label: Meeting
    name: M
    props: { startDate: 2025-02-30, endDate: "28 Feb 2025" }
    prov: { section: 一, quote: 本次會議 }
`);
    expect(issues.map((i) => i.kind)).toEqual(['bad-date', 'bad-date']);
    expect(issues[0]?.message).toContain('2025-02-30');
    expect(isPartialDate('2025-08')).toBe(true);
    expect(isPartialDate('2025-13')).toBe(false);
    expect(isPartialDate('2024-02-29')).toBe(true);
  });

  it('missing provenance, and provenance without a source', () => {
    const issues = issuesFor(`nodes:
  - id: t1
    label: Topic
    name: T
  - id: t2
    label: Topic
    name: T2
    prov: { section: 一, quote: 澳洲 }
`);
    expect(issues.map((i) => [i.kind, i.entity])).toEqual([
      ['missing-provenance', 't1'],
      ['missing-provenance', 't2'],
    ]);
  });

  it('quotes that are not in the source, while whitespace differences are tolerated', () => {
    const issues = issuesFor(`source: src-test
nodes:
  - id: t1
    label: Topic
    name: T
    prov: { section: 一, quote: 主席提議取消 此一 議程 }
  - id: t2
    label: Topic
    name: T2
    prov: { section: 一, quote: 主席同意取消 }
`);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ kind: 'quote-not-found', entity: 't2', line: 7 });
    expect(issues[0]?.message).toContain('主席同意取消');
  });

  it('relationship types outside the schema and endpoints of the wrong label', () => {
    const issues = issuesFor(`source: src-test
edges:
  - type: LIKES
    from: AUS
    to: TWN
    prov: { section: 一, quote: 澳洲 }
  - type: ATTENDED
    from: mtg-1
    to: AUS
    props: { mode: in-person }
    prov: { section: 一, quote: 澳洲實體與會 }
`);
    expect(issues.map((i) => i.kind)).toEqual(['unknown-type', 'bad-endpoint', 'bad-endpoint']);
    expect(issues[1]?.message).toContain('cannot start at a Meeting');
  });

  it('shape errors: unknown keys, missing fields, required relationship props, bad economy ids', () => {
    const issues = issuesFor(`source: src-test
nodes:
  - id: aus2
    label: Economy
    name: Lower
    prov: { section: 一, quote: 澳洲 }
  - id: x1
    label: Topic
    nmae: typo
    prov: { section: 一, quote: 澳洲 }
  - id: per-x
    label: Person
    name: X
    prov: { section: 一, quote: 澳洲 }
edges:
  - type: HOLDS_ROLE
    from: per-x
    to: AUS
    prov: { section: 一, quote: 澳洲 }
`);
    expect(issues.map((i) => [i.kind, i.line])).toEqual([
      ['shape', 7],
      ['shape', 7],
      ['shape', 3],
      ['shape', 16],
    ]);
    expect(issues.map((i) => i.message).join('\n')).toMatch(/unknown key\(s\) "nmae"/);
    expect(issues.map((i) => i.message).join('\n')).toMatch(/HOLDS_ROLE needs props.role/);
    expect(issues.map((i) => i.message).join('\n')).toMatch(/ISO 3166 alpha-3/);
  });

  it('a Source whose text file is missing', () => {
    const issues = issuesFor(`nodes:
  - id: src-gone
    label: Source
    name: Gone
    props: { file: sources/gone.txt }
    prov: { source: src-test, section: 一, quote: 澳洲 }
`);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ kind: 'source-file', entity: 'src-gone' });
  });

  it('loadKnowledgeBase refuses a graph with problems, listing them', () => {
    const dir = makeGraphDir({ 'base.yaml': BASE_YAML, 'bad.yaml': 'edges:\n  - type: ATTENDED\n' });
    expect(() => loadKnowledgeBase(dir)).toThrow(KnowledgeBaseError);
    expect(() => loadKnowledgeBase(dir)).toThrow(/bad\.yaml:2/);
  });
});

describe('the CLIs', () => {
  const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

  it('validate exits non-zero with file:line messages on a bad graph', () => {
    const dir = makeGraphDir({
      'base.yaml': BASE_YAML,
      'bad.yaml':
        'source: src-test\nedges:\n  - { type: ATTENDED, from: AUS, to: mtg-9, props: { mode: virtual }, prov: { section: 一, quote: 澳洲 } }\n',
    });
    const r = spawnSync(tsx, ['scripts/validate.ts', '--dir', dir], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /bad\.yaml:3 \[AUS\|ATTENDED\|mtg-9\] unknown-reference: "to" names unknown node "mtg-9" \(did you mean "mtg-1"\?\)/,
    );
  });

  it('export writes nothing when the graph is invalid, and four files when it is valid', () => {
    const out = mkdtempSync(join(tmpdir(), 'apec-kg-out-'));
    const bad = makeGraphDir({
      'base.yaml': BASE_YAML,
      'bad.yaml': 'nodes: [{ id: q, label: Topic, name: Q }]\n',
    });
    const r1 = spawnSync(tsx, ['scripts/export.ts', '--dir', bad, '--out', join(out, 'x')], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(r1.status).toBe(1);
    expect(r1.stderr).toContain('missing-provenance');
    expect(existsSync(join(out, 'x'))).toBe(false);
    const good = makeGraphDir({ 'base.yaml': BASE_YAML });
    const r2 = spawnSync(tsx, ['scripts/export.ts', '--dir', good, '--out', join(out, 'y')], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(r2.stderr).toBe('');
    expect(r2.status).toBe(0);
    expect(readdirSync(join(out, 'y')).sort()).toEqual([
      'apec-kg.edges.csv',
      'apec-kg.gexf',
      'apec-kg.graph.json',
      'apec-kg.nodes.csv',
    ]);
  });
});
