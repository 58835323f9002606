// Reading graph/ with a drafted folder for review: the draft validates, pending entries are marked pending,
// rejected and merged ones are records only, the Sources list counts the pending ones, and the sync loads only
// reviewed entries.
import { rmSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { applyDecision } from '../../src/ingest/review/decisions.js';
import { selectForLoad } from '../../src/model/review.js';
import { listSources, reviewState } from '../../src/model/source-text-list.js';
import { readForReview } from '../../src/server/review/draft-format.js';
import { DRAFT, makeReviewGraph } from './fixture.js';

describe('reading a drafted folder for review', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('validates the draft and marks its pending entries', () => {
    ({ dir } = makeReviewGraph());
    const { kb, issues } = readForReview(dir);
    expect(issues).toEqual([]);
    const pending = [...kb.nodes, ...kb.edges].filter((r) => reviewState(r) === 'pending').map((r) => r.id);
    expect(pending.sort()).toEqual(
      [
        'mtg-rpt',
        'org-new-alliance',
        'AUS|ATTENDED|mtg-rpt',
        'KOR|ATTENDED|mtg-rpt',
        'TWN|ATTENDED|mtg-rpt',
        'TWN|LEADS|org-new-alliance',
      ].sort(),
    );
    expect(listSources(kb).find((s) => s.id === 'src-rpt')).toMatchObject({ backed: 1, pending: 6 });
  });

  it('keeps rejected and merged entries out of the knowledge base, and the sync loads reviewed entries only', () => {
    let draft = '';
    ({ dir, draft } = makeReviewGraph());
    let text = DRAFT;
    for (const d of [
      { kind: 'reject', entry: { kind: 'edge', id: 'KOR|ATTENDED|mtg-rpt' } },
      { kind: 'accept', entry: { kind: 'edge', id: 'AUS|ATTENDED|mtg-rpt' } },
      { kind: 'merge', node: 'org-new-alliance', into: 'org-alliance' },
    ] as const) {
      text = applyDecision(new Map([['d.yaml', text]]), d).get('d.yaml') ?? '';
    }
    writeFileSync(draft, text);
    const { kb, issues } = readForReview(dir);
    expect(issues).toEqual([]);
    expect(kb.edges.some((e) => e.id === 'KOR|ATTENDED|mtg-rpt')).toBe(false);
    expect(kb.nodes.some((n) => n.id === 'org-new-alliance')).toBe(false);
    expect(kb.edges.some((e) => e.id === 'TWN|LEADS|org-alliance')).toBe(true);
    const loaded = selectForLoad(kb).kb;
    // The meeting is still pending, so are the attendances on it, even the accepted one (it hangs on the meeting).
    expect(loaded.nodes.some((n) => n.id === 'mtg-rpt')).toBe(false);
    expect(loaded.edges.map((e) => e.id)).toEqual([]);
    expect(loaded.nodes.map((n) => n.id)).toContain('org-alliance');
  });
});
