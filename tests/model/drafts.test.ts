// Drafted entries (review, confidence, rule, candidates, mergedInto), `updates:` and property history.
import { describe, expect, it } from 'vitest';
import { toGraph } from '../../src/model/graph.js';
import { formatHistory, propertyHistory } from '../../src/model/history.js';
import { readKnowledgeBase } from '../../src/model/read.js';
import { reviewSummary, selectForLoad } from '../../src/model/review.js';
import { BASE_YAML, makeGraphDir } from './fixture.js';

const read = (extra: string) =>
  readKnowledgeBase(makeGraphDir({ 'base.yaml': BASE_YAML, 'r/draft.yaml': extra }));

const PROJECT = `source: src-test
nodes:
  - id: prj-1
    label: Project
    name: P
    props: { status: ongoing }
    prov: { section: 一, quote: 主席提議取消此一議程 }
`;

describe('drafted entries', () => {
  it('validates pending entries like any other, keeps rejected and merged ones out of the graph, and redirects merged nodes', () => {
    const { kb, issues } = read(`source: src-test
nodes:
  - { id: TWN2, label: Economy, name: Taiwan, prov: { section: 一, quote: 我國 }, review: merged, mergedInto: TWN, confidence: 0.7, rule: names }
  - { id: CHL, label: Economy, name: Chile, prov: { section: 一, quote: 智利 }, review: pending, confidence: 0.9, rule: names, candidates: [{ id: AUS, score: 0.2 }] }
  - { id: t-x, label: Topic, name: X, prov: { section: 一, quote: 議程 }, review: rejected, rule: topics }
edges:
  - { type: ATTENDED, from: TWN2, to: mtg-1, props: { mode: virtual, inferred: true }, note: mode not in the quote, prov: { section: 一, quote: 及我國等3個 }, review: accepted }
  - { type: ATTENDED, from: CHL, to: mtg-1, props: { mode: in-person }, prov: { section: 一, quote: 智利及我國 }, review: pending }
  - { type: DISCUSSED, from: mtg-1, to: t-x, prov: { section: 一, quote: 議程 }, review: pending }
  - { type: ATTENDED, from: CHL, to: mtg-1, key: again, props: { mode: virtual, inferred: true }, note: mode not in the quote, prov: { section: 一, quote: 智利 }, review: accepted }
`);
    expect(issues).toEqual([]);
    expect(kb.nodes.map((n) => n.id)).toEqual(['src-test', 'AUS', 'TWN', 'mtg-1', 'CHL']);
    expect(kb.setAside?.nodes.map((n) => n.id)).toEqual(['TWN2', 't-x']);
    expect(kb.edges.map((e) => e.id)).toContain('TWN|ATTENDED|mtg-1');
    expect(kb.setAside?.edges.map((e) => e.id)).toEqual(['mtg-1|DISCUSSED|t-x']);
    expect(kb.nodes.find((n) => n.id === 'CHL')).toMatchObject({
      review: 'pending',
      confidence: 0.9,
      rule: 'names',
    });
    expect(reviewSummary(kb)).toEqual([
      {
        folder: expect.stringMatching(/\/r\/$/),
        counts: { merged: 1, pending: 3, rejected: 1, accepted: 2 },
      },
    ]);

    const reviewedOnly = selectForLoad(kb);
    expect(reviewedOnly.kb.nodes.map((n) => n.id)).not.toContain('CHL');
    expect(reviewedOnly.kb.edges.map((e) => e.id)).toEqual(['AUS|ATTENDED|mtg-1', 'TWN|ATTENDED|mtg-1']);
    expect(reviewedOnly.heldBack).toEqual({ nodes: 1, edges: 1, reviewedEdges: 1 });
    // A relationship to a node that does not exist at all is not held back: the loader refuses it.
    const stray = { ...kb.edges[0], id: 'AUS|ATTENDED|nowhere', to: 'nowhere' } as (typeof kb.edges)[number];
    expect(selectForLoad({ ...kb, edges: [...kb.edges, stray] }).kb.edges).toContain(stray);
    expect(selectForLoad(kb, { includeDrafts: true }).kb.nodes).toHaveLength(5);
    const g = toGraph(kb);
    expect(g.getNodeAttribute('CHL', 'draft')).toBe(true);
    expect(g.getNodeAttribute('AUS', 'draft')).toBeUndefined();
  });

  it('reports bad review fields, merges into nothing, unknown candidates and reviewed facts on rejected nodes', () => {
    const { issues } = read(`source: src-test
nodes:
  - { id: a1, label: Topic, name: A, prov: { section: 一, quote: 議程 }, review: maybe }
  - { id: a2, label: Topic, name: A, prov: { section: 一, quote: 議程 }, review: merged }
  - { id: a3, label: Topic, name: A, prov: { section: 一, quote: 議程 }, review: merged, mergedInto: nowhere }
  - { id: a4, label: Topic, name: A, prov: { section: 一, quote: 議程 }, confidence: 1.5 }
  - { id: a5, label: Topic, name: A, prov: { section: 一, quote: 議程 }, candidates: [{ id: gone, score: 0.5 }] }
  - { id: a6, label: Topic, name: A, prov: { section: 一, quote: 議程 }, review: rejected }
edges:
  - { type: DISCUSSED, from: mtg-1, to: a6, prov: { section: 一, quote: 議程 } }
`);
    expect(issues.map((i) => [i.kind, i.entity, i.message.slice(0, 40)])).toEqual([
      ['shape', 'a1', expect.stringContaining('review')],
      ['shape', 'a2', expect.stringContaining('mergedInto')],
      ['shape', 'a4', expect.stringContaining('confidence')],
      ['unknown-reference', 'a3', expect.stringContaining('mergedInto names "nowhere"')],
      ['unknown-reference', 'a5', expect.stringContaining('candidate "gone"')],
      ['unknown-reference', 'mtg-1|DISCUSSED|a6', expect.stringContaining('relationship is reviewed but')],
    ]);
  });
});

describe('updates: a later value of a property', () => {
  it('are checked: node, property of its label, allowed values, dates and quotes', () => {
    const { issues } = read(`${PROJECT}updates:
  - { node: prj-1, prop: status, value: completed, asOf: '2025-10', prov: { section: 二, quote: 主席提議取消此一議程 }, review: pending }
  - { node: prj-2, prop: status, value: completed, asOf: '2025-10', prov: { section: 二, quote: 主席提議取消此一議程 } }
  - { node: prj-1, prop: status, value: done, asOf: '2025-10', prov: { section: 二, quote: 主席提議取消此一議程 } }
  - { node: prj-1, prop: colour, value: red, asOf: '2025-10', prov: { section: 二, quote: 主席提議取消此一議程 } }
  - { node: prj-1, prop: status, value: proposed, asOf: '2025-13', prov: { section: 二, quote: 不在原文 } }
  - { node: prj-1, prop: name, value: Q, asOf: '2025', prov: { section: 二, quote: 主席提議取消此一議程 } }
  - { node: prj-1, prop: status, value: completed, prov: { section: 二, quote: 主席提議取消此一議程 } }
`);
    expect(issues.map((i) => [i.kind, i.line])).toEqual([
      ['shape', 15],
      ['unknown-reference', 10],
      ['bad-enum', 11],
      ['shape', 12],
      ['bad-date', 13],
      ['quote-not-found', 13],
      ['shape', 14],
    ]);
    expect(issues[1]?.message).toContain('did you mean "prj-1"');
    expect(issues[2]?.message).toContain('"done" is not one of completed | ongoing | proposed');
    expect(issues[3]?.message).toContain('a Project has no property "colour"');
  });

  it('give a property its history, oldest first, in the model and in the exported graph', () => {
    const { kb, issues } = read(`${PROJECT}updates:
  - { node: prj-1, prop: status, value: completed, asOf: '2025-10', prov: { section: 二, quote: 主席提議取消此一議程 }, review: pending }
  - { node: prj-1, prop: status, value: proposed, asOf: '2025-03', prov: { section: 三, quote: 主席提議取消此一議程 } }
  - { node: prj-1, prop: status, value: ongoing, asOf: '2026', prov: { section: 四, quote: 主席提議取消此一議程 }, review: rejected }
`);
    expect(issues).toEqual([]);
    const history = propertyHistory(kb, 'prj-1', 'status');
    expect(formatHistory(history)).toBe(
      'ongoing (src-test, 一), proposed as of 2025-03 (src-test, 三), completed as of 2025-10 (src-test, 二; pending review)',
    );
    expect(propertyHistory(kb, 'prj-1', 'nothing')).toEqual([]);
    expect(toGraph(kb).getNodeAttribute('prj-1', 'history')).toEqual({ status: history });
    expect(toGraph(kb).getNodeAttribute('AUS', 'history')).toBeUndefined();
  });
});
