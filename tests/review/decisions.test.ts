// The review decisions on a drafted folder's YAML: each changes exactly what it says, keeps comments, and a
// decision on an entry that is not there is refused.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyDecision, applyDecisions, ReviewError } from '../../src/ingest/review/decisions.js';
import { queueOf } from '../../src/ingest/review/queue.js';
import { DRAFT } from './fixture.js';

const files = () => new Map([['draft.yaml', DRAFT]]);
type Raw = Record<string, unknown> & { review?: string };
const doc = (text: string | undefined) => parse(text ?? '') as { nodes: Raw[]; edges: Raw[]; updates: Raw[] };

describe('review decisions', () => {
  it('accepts and rejects one entry, keeping the file comment and every other entry as it was', () => {
    const out = applyDecisions(files(), [
      { kind: 'accept', entry: { kind: 'edge', id: 'AUS|ATTENDED|mtg-rpt' } },
      { kind: 'reject', entry: { kind: 'edge', id: 'KOR|ATTENDED|mtg-rpt' } },
    ]);
    const text = out.get('draft.yaml');
    expect(text?.startsWith('# Drafted by ingestion')).toBe(true);
    const d = doc(text);
    expect(d.edges.map((e) => e.review)).toEqual(['accepted', 'rejected', 'pending', 'pending']);
    expect(d.nodes.map((n) => n.review)).toEqual([undefined, 'pending', 'pending']);
    const before = doc(DRAFT);
    expect(d.edges.map(({ review: _r, ...e }) => e)).toEqual(before.edges.map(({ review: _r, ...e }) => e));
  });

  it('edits an edge (endpoint, properties, quote) and marks it accepted', () => {
    const out = applyDecision(files(), {
      kind: 'edit',
      entry: { kind: 'edge', id: 'KOR|ATTENDED|mtg-rpt' },
      edit: { from: 'TWN', props: { mode: 'virtual' }, prov: { section: '一', quote: '韓國以視訊方式與會' } },
    });
    const e = doc(out.get('draft.yaml')).edges[1];
    expect(e).toMatchObject({ from: 'TWN', to: 'mtg-rpt', review: 'accepted', props: { mode: 'virtual' } });
    expect(e?.prov).toEqual({ section: '一', quote: '韓國以視訊方式與會' });
    expect(() =>
      applyDecision(files(), {
        kind: 'edit',
        entry: { kind: 'edge', id: 'KOR|ATTENDED|mtg-rpt' },
        edit: { label: 'X' },
      }),
    ).toThrow(/no editable "label"/);
  });

  it('an edit of a quote replaces the first quote of an entry backed by several and keeps the others', () => {
    const out = applyDecision(files(), {
      kind: 'edit',
      entry: { kind: 'node', id: 'src-rpt' },
      edit: {
        props: { file: 'sources/rpt.zh.txt' },
        prov: { section: '一', quote: '本次會議共有澳洲、韓國' },
      },
    });
    expect(doc(out.get('draft.yaml')).nodes[0]?.prov).toEqual([
      { section: '一', quote: '本次會議共有澳洲、韓國' },
      { section: '二', quote: '報告日期：2025年10月1日' },
    ]);
  });

  it('merges a new node into an existing one and rewrites the relationships drafted on it', () => {
    const out = applyDecision(files(), { kind: 'merge', node: 'org-new-alliance', into: 'org-alliance' });
    const d = doc(out.get('draft.yaml'));
    expect(d.nodes[2]).toMatchObject({
      id: 'org-new-alliance',
      review: 'merged',
      mergedInto: 'org-alliance',
    });
    expect(d.edges[3]).toMatchObject({ type: 'LEADS', from: 'TWN', to: 'org-alliance', review: 'pending' });
    expect(JSON.stringify(d.edges)).not.toContain('org-new-alliance');
  });

  it('resolves a conflict by keeping the later value as an accepted update, the earlier one untouched', () => {
    const out = applyDecision(files(), {
      kind: 'resolve',
      entry: { kind: 'update', file: 'draft.yaml', index: 0 },
      keep: 'later',
    });
    expect(doc(out.get('draft.yaml')).updates[0]).toMatchObject({
      node: 'prj-trust',
      value: 'completed',
      asOf: '2025-10',
      review: 'accepted',
    });
  });

  it('refuses a decision on an entry that is not in the folder', () => {
    expect(() => applyDecision(files(), { kind: 'accept', entry: { kind: 'node', id: 'nope' } })).toThrow(
      ReviewError,
    );
    expect(() => applyDecision(files(), { kind: 'merge', node: 'mtg-rpt', into: 'mtg-rpt' })).toThrow(
      /itself/,
    );
  });

  it('lists the queue with state, confidence, rule, candidates and quotes', () => {
    const q = queueOf(files());
    expect(q).toHaveLength(3 + 4 + 1);
    const org = q.find((e) => e.ref.kind === 'node' && e.ref.id === 'org-new-alliance');
    expect(org).toMatchObject({
      review: 'pending',
      confidence: 0.6,
      rule: 'organisations',
      type: 'Forum',
    });
    expect(org?.candidates).toEqual([{ id: 'org-alliance', score: 0.8 }]);
    expect(q.find((e) => e.type === 'update')).toMatchObject({
      node: 'prj-trust',
      prop: 'status',
      value: 'completed',
    });
    expect(q.filter((e) => e.review === 'pending')).toHaveLength(7);
  });
});
