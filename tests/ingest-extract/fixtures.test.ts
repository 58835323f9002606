// The rules must generalise: two reports written for these tests, laid out and worded unlike the seed (a
// Chinese TELWG trip report, an English ECSG chair's summary), each with the facts it states.
import { describe, expect, it } from 'vitest';
import { ECSG_51_EN, type ExpectedReport, TELWG_70_ZH } from '../fixtures/reports/expected.js';
import { draftFixture, findEdge, resolveEnd } from './helpers.js';

const squash = (s: string) => s.replace(/\s+/gu, '');

describe.each([TELWG_70_ZH, ECSG_51_EN] as ExpectedReport[])('fixture $file', (r) => {
  const draft = draftFixture(r);

  it('drafts its meeting with forum, ordinal and dates', () => {
    const ids = resolveEnd(draft, r, 'mtg');
    expect(ids).toHaveLength(1);
    const m = draft.nodes.find((n) => n.id === ids[0]);
    expect(m?.props).toMatchObject({ startDate: r.meeting.startDate, endDate: r.meeting.endDate });
  });

  it.each(r.edges.map((e) => [`${e.type} ${e.from} → ${e.to}`, e] as const))('finds %s', (_name, x) => {
    expect(findEdge(draft, r, x), JSON.stringify(x)).toBeDefined();
  });

  it.each(r.projects.map((p) => [p.number ?? p.name ?? '', p] as const))(
    'finds project %s and its status',
    (_n, p) => {
      const ids = resolveEnd(draft, r, p.number ? `proj:${p.number}` : `name:${p.name}`);
      const statuses = draft.nodes.filter((n) => ids.includes(n.id)).map((n) => n.props.status);
      expect(statuses).toContain(p.status);
    },
  );

  it('grounds every node and edge in a verbatim quote that names an end', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { FIXTURES } = await import('./helpers.js');
    const text = squash(readFileSync(join(FIXTURES, r.file), 'utf8'));
    for (const x of [...draft.nodes, ...draft.edges]) {
      expect(x.prov.length).toBeGreaterThan(0);
      for (const p of x.prov) expect(text.includes(squash(p.quote)), p.quote).toBe(true);
      expect(x.rule).not.toBe('');
      expect(x.confidence).toBeGreaterThan(0);
    }
  });
});
