// The grounding rule and the draft's JSON shape.
import { describe, expect, it } from 'vitest';
import { DraftBuilder } from '../../src/ingest/draft-builder.js';
import { draftToJson } from '../../src/ingest/draft-json.js';
import { buildGazetteer } from '../../src/ingest/entities/gazetteer.js';
import { ECSG_51_EN } from '../fixtures/reports/expected.js';
import { draftFixture, kb } from './helpers.js';

const text = '美國、越南及我國等3個經濟體與會。\n日本表示支持。';

function builder() {
  const b = new DraftBuilder(text, kb(), buildGazetteer(kb()), 't', '2025-02-26');
  const quote = b.prov('貳.一', 0, text.indexOf('。') + 1);
  b.mentionExisting('USA', quote, 'test');
  b.mentionExisting('JPN', b.prov('貳.二', text.indexOf('日本'), text.length), 'test');
  const mtg = b.addNew({
    key: 'm',
    label: 'Meeting',
    name: '50th DPS Meeting',
    prov: quote,
    rule: 'test',
    confidence: 0.9,
  });
  return { b, mtg: mtg as string };
}

describe('grounding rule', () => {
  it('drafts an edge whose quote names one of its ends', () => {
    const { b, mtg } = builder();
    const ok = b.addEdge({
      type: 'ATTENDED',
      from: 'USA',
      to: mtg,
      prov: b.prov('貳.一', 0, 16),
      rule: 't',
      confidence: 0.9,
    });
    expect(ok).toBe(true);
    expect(b.result().edges).toHaveLength(1);
  });

  it('refuses an edge whose quote names neither end ("borrowed provenance")', () => {
    const { b, mtg } = builder();
    const quote = b.prov('貳.二', text.indexOf('日本'), text.length);
    expect(
      b.addEdge({ type: 'ATTENDED', from: 'USA', to: mtg, prov: quote, rule: 't', confidence: 0.9 }),
    ).toBe(false);
    expect(b.result().edges).toEqual([]);
    expect(b.refused).toHaveLength(1);
  });

  it('refuses a quote that is not in the stored text', () => {
    const { b, mtg } = builder();
    expect(
      b.addEdge({
        type: 'ATTENDED',
        from: 'USA',
        to: mtg,
        prov: { section: 'x', quote: '美國出席了會議' },
        rule: 't',
        confidence: 0.9,
      }),
    ).toBe(false);
  });

  it('gives a new node merge candidates ranked by similarity', () => {
    const { b } = builder();
    const id = b.addNew({
      key: 'p',
      label: 'Person',
      name: 'Ichwan Nasution',
      prov: b.prov('x', 0, 5),
      rule: 't',
      confidence: 0.8,
    });
    const n = b.result().nodes.find((x) => x.id === id);
    expect(n?.status).toBe('new');
    expect(n?.candidates?.[0]?.id).toBe('person-ichwan-makmur-nasution');
    const scores = n?.candidates?.map((c) => c.score) ?? [];
    expect([...scores].sort((a, c) => c - a)).toEqual(scores);
  });
});

describe('draftToJson', () => {
  it('prints the shape issue 14 fixes', () => {
    const j = JSON.parse(draftToJson(draftFixture(ECSG_51_EN)));
    expect(Object.keys(j)).toEqual(['source', 'sections', 'nodes', 'edges', 'updates']);
    expect(Object.keys(j.source)).toEqual(['id', 'file', 'language', 'title', 'date']);
    expect(j.source).toMatchObject({ id: 'src-ecsg-51', file: 'sources/ecsg-51.en.txt', language: 'en' });
    expect(j.sections[1]).toEqual({ label: '1', title: 'Opening and attendance' });
    const node = j.nodes.find((n: { status: string }) => n.status === 'new');
    expect(Object.keys(node)).toEqual([
      'id',
      'label',
      'name',
      'nameZh',
      'props',
      'prov',
      'status',
      'confidence',
      'rule',
      'candidates',
    ]);
    expect(Object.keys(node.prov[0])).toEqual(['section', 'quote']);
    const edge = j.edges[0];
    expect(Object.keys(edge)).toEqual(['type', 'from', 'to', 'props', 'prov', 'confidence', 'rule']);
  });
});
