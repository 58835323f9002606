// eval:ingest on the seed: the draft made from graph/ without the report's folder, scored against the folder.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftReport } from '../../src/ingest/draft-report.js';
import { referenceFacts, withoutFolder } from '../../src/ingest/eval/reference.js';
import { scoreDraft } from '../../src/ingest/eval/score.js';
import type { Draft } from '../../src/ingest/types.js';
import { DEFAULT_GRAPH_DIR } from '../../src/model/read.js';
import { kb } from './helpers.js';

const SLUG = 'desg-dps-2025-02';
const text = readFileSync(join(DEFAULT_GRAPH_DIR, 'sources', `${SLUG}.zh.txt`), 'utf8');

describe('eval:ingest on the seed report', () => {
  const base = withoutFolder(kb(), `graph/${SLUG}`);
  const draft = draftReport({ text, format: 'txt', fileName: `${SLUG}.zh.txt` }, base, {
    slug: SLUG,
    lang: 'zh',
  });
  const score = scoreDraft(draft, kb(), `src-${SLUG}`);

  it('drafts without the answer: the gazetteer has none of the report folder', () => {
    expect(base.nodes.some((n) => n.id === 'mtg-dps-50' || n.id.startsWith('proj-'))).toBe(false);
    expect(draft.nodes.find((n) => n.label === 'Meeting' && n.props.ordinal === 50)?.status).toBe('new');
  });

  it.each(score.rows.filter((r) => r.target !== undefined).map((r) => [r.kind, r] as const))(
    'meets the recall target for %s',
    (_k, r) => {
      expect(r.recall, `missed: ${r.missed.join(', ')}`).toBeGreaterThanOrEqual(r.target ?? 0);
    },
  );

  it('meets the overall precision target', () => {
    expect(score.overall.precision).toBeGreaterThanOrEqual(0.9);
  });
});

describe('scoring', () => {
  const reference = referenceFacts(kb(), `src-${SLUG}`);

  it('counts a drafted fact the reviewed graph lacks against precision, and a missing one against recall', () => {
    const one = reference.find((f) => f.kind === 'VOLUNTEERED_FOR');
    expect(one).toBeDefined();
    const [from, to] = (one?.key ?? '').split('|');
    const draft: Draft = {
      source: { id: 's', file: 'f', language: 'zh', title: '', date: '' },
      sections: [],
      nodes: [from ?? '', to ?? '', 'NZL'].map((id) => ({
        id,
        label: kb().nodes.find((n) => n.id === id)?.label ?? '',
        name: id,
        props: {},
        prov: [],
        status: 'existing' as const,
        confidence: 1,
        rule: 't',
      })),
      edges: [
        {
          type: 'VOLUNTEERED_FOR',
          from: from ?? '',
          to: to ?? '',
          props: {},
          prov: [],
          confidence: 1,
          rule: 't',
        },
        { type: 'VOLUNTEERED_FOR', from: 'NZL', to: to ?? '', props: {}, prov: [], confidence: 1, rule: 't' },
      ],
      updates: [],
    };
    const row = scoreDraft(draft, kb(), `src-${SLUG}`).rows.find((r) => r.kind === 'VOLUNTEERED_FOR');
    expect(row?.precision).toBe(0.5);
    expect(row?.recall).toBeCloseTo(1 / 11);
  });

  it('takes a relationship the reviewers marked inferred as optional', () => {
    expect(reference.some((f) => f.optional)).toBe(true);
    const keys = reference.filter((f) => f.kind.startsWith('ATTENDED')).map((f) => f.key);
    expect(keys).toContain('RUS|mtg-desg-2025-1|virtual');
  });
});
