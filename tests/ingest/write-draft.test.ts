import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { IngestError } from '../../src/ingest/types.js';
import { writeDraft } from '../../src/ingest/write/write-draft.js';
import { formatHistory, propertyHistory } from '../../src/model/history.js';
import { readKnowledgeBase } from '../../src/model/read.js';
import { reviewSummary } from '../../src/model/review.js';
import { treeHash } from '../tree-hash.js';
import { draft, extracted, graphCopy, TEXT } from './draft-fixture.js';

const SLUG = 'dps-51';

function first<T>(list: T[]): T {
  const item = list[0];
  if (item === undefined) throw new Error('empty list');
  return item;
}
const inDraftPlaces = (rel: string) =>
  rel === SLUG || rel.startsWith(`${SLUG}/`) || rel === `sources/${SLUG}.en.txt`;

function draftYaml(graph: string): {
  nodes: Record<string, unknown>[];
  edges: Record<string, unknown>[];
  updates: Record<string, unknown>[];
} {
  return parse(readFileSync(join(graph, SLUG, 'draft.yaml'), 'utf8'));
}

describe('writeDraft', () => {
  it('writes a folder that validates, only in graph/<slug>/ and graph/sources/', () => {
    const graph = graphCopy();
    const others = treeHash(graph, inDraftPlaces);
    const result = writeDraft(draft(), extracted(), { graphDir: graph, slug: SLUG });
    expect(result).toMatchObject({ folder: join(graph, SLUG), kept: 0, added: 4 });
    expect(result.files.map((f) => f.slice(graph.length + 1)).sort()).toEqual([
      'dps-51/draft.yaml',
      'dps-51/source.yaml',
      'sources/dps-51.en.txt',
    ]);
    expect(treeHash(graph, inDraftPlaces)).toBe(others);
    expect(readFileSync(join(graph, 'sources', 'dps-51.en.txt'), 'utf8')).toBe(TEXT);

    const { kb, issues } = readKnowledgeBase(graph);
    expect(issues).toEqual([]);
    const source = kb.nodes.find((n) => n.id === 'src-dps-51');
    expect(source?.props).toMatchObject({
      file: 'sources/dps-51.en.txt',
      language: 'en',
      date: '2025-10-10',
      originalFile: 'dps-51.txt',
    });
    const written = draftYaml(graph);
    // Existing nodes are referred to, not declared again.
    expect(written.nodes.map((n) => n.id)).toEqual(['mtg-dps-51', 'topic-pet-workshop']);
    for (const e of [...written.nodes, ...written.edges, ...written.updates]) {
      expect(e).toMatchObject({
        review: 'pending',
        rule: expect.any(String),
        confidence: expect.any(Number),
      });
    }
    expect(written.nodes[1]?.candidates).toEqual([{ id: 'topic-ai-governance', score: 0.8 }]);
    expect(reviewSummary(kb)).toEqual([
      { folder: expect.stringMatching(/dps-51\/$/), counts: { pending: 4 } },
    ]);
    expect(formatHistory(propertyHistory(kb, 'proj-desg-03-2024s', 'status'))).toBe(
      'ongoing as of 2025-02-28 (src-desg-dps-2025-02, 附件.DESG.8.2), completed as of 2025-10 (src-dps-51, 2; pending review)',
    );
  });

  it('is idempotent and keeps review decisions: a rejected fact does not come back, an edited one is not drafted again', () => {
    const graph = graphCopy();
    writeDraft(draft(), extracted(), { graphDir: graph, slug: SLUG });
    const once = treeHash(graph);
    expect(writeDraft(draft(), extracted(), { graphDir: graph, slug: SLUG })).toMatchObject({
      kept: 4,
      added: 0,
    });
    expect(treeHash(graph)).toBe(once);

    const path = join(graph, SLUG, 'draft.yaml');
    const reviewed = readFileSync(path, 'utf8')
      .replace(/(id: topic-pet-workshop[\s\S]*?review: )pending/, '$1rejected')
      .replace(
        // The attendance is accepted (a mode of its own would need a quote that states it).
        /(type: ATTENDED[\s\S]*?)mode: virtual([\s\S]*?review: )pending/,
        '$1mode: virtual$2accepted',
      )
      .replace(/(node: proj-desg-03-2024s[\s\S]*?review: )pending/, '$1accepted');
    expect(reviewed).not.toBe(readFileSync(path, 'utf8'));
    writeFileSync(path, reviewed);
    // A reviewer also moved the attendance to another meeting: its key changed, its rule and quote did not.
    writeFileSync(path, reviewed.replace('from: KOR', 'from: JPN'));
    const before = treeHash(graph);
    expect(writeDraft(draft(), extracted(), { graphDir: graph, slug: SLUG })).toMatchObject({
      kept: 4,
      added: 0,
    });
    expect(treeHash(graph)).toBe(before);

    const { kb, issues } = readKnowledgeBase(graph);
    expect(issues).toEqual([]);
    expect(kb.nodes.some((n) => n.id === 'topic-pet-workshop')).toBe(false);
    expect(kb.setAside?.nodes.map((n) => n.id)).toEqual(['topic-pet-workshop']);
    expect(kb.edges.find((e) => e.from === 'JPN' && e.to === 'mtg-dps-51')).toMatchObject({
      review: 'accepted',
      props: { mode: 'virtual' },
    });

    // A new fact in a later run is added beside the decisions.
    const more = draft();
    more.edges.push({
      ...first(more.edges),
      type: 'HOSTED',
      from: 'CHL',
      to: 'mtg-dps-51',
      props: {},
      prov: [{ section: '2', quote: 'proposed by Chile' }],
      rule: 'host',
    });
    // (an existing-node claim never needs a declaration: CHL is in graph/base)
    const r = writeDraft(more, extracted(), { graphDir: graph, slug: SLUG });
    expect(r).toMatchObject({ kept: 4, added: 1 });
    expect(draftYaml(graph).nodes.find((n) => n.id === 'topic-pet-workshop')?.review).toBe('rejected');
  });

  it('a relationship graph/ already has is not declared again; one the report gives other values is keyed by the slug', () => {
    const graph = graphCopy();
    const d = draft();
    const restated = {
      prov: [{ section: '2', quote: 'Project DESG 03 2024S has been completed.' }],
      confidence: 0.85,
    };
    // graph/desg-dps-2025-02 has CHN leading DESG 03 2024S, and Korea at the DESG meeting in person.
    d.edges.push(
      { type: 'LEADS', from: 'CHN', to: 'proj-desg-03-2024s', props: {}, ...restated, rule: 'project-list' },
      {
        type: 'ATTENDED',
        from: 'KOR',
        to: 'mtg-desg-2025-1',
        props: { mode: 'virtual' },
        prov: [{ section: '1', quote: 'Republic of Korea participated virtually.' }],
        confidence: 0.6,
        rule: 'attendance-list',
      },
    );
    expect(writeDraft(d, extracted(), { graphDir: graph, slug: SLUG })).toMatchObject({ added: 5 });
    const edges = draftYaml(graph).edges.map((e) => [e.from, e.type, e.to, e.key, e.props]);
    expect(edges).toEqual([
      ['KOR', 'ATTENDED', 'mtg-dps-51', undefined, { mode: 'virtual' }],
      ['KOR', 'ATTENDED', 'mtg-desg-2025-1', SLUG, { mode: 'virtual' }],
    ]);
    expect(readKnowledgeBase(graph).issues).toEqual([]);
    // Again: nothing new.
    expect(writeDraft(d, extracted(), { graphDir: graph, slug: SLUG })).toMatchObject({ added: 0 });
  });

  it('refuses bad slugs, taken slugs and invalid drafts, writing nothing', () => {
    const graph = graphCopy();
    const outside = join(graph, '..', 'outside');
    mkdirSync(outside);
    symlinkSync(outside, join(graph, 'linked'));
    const refusals: [string, () => unknown, RegExp][] = [
      [
        '..',
        () => writeDraft(draft(), extracted(), { graphDir: graph, slug: '..' }),
        /slug "\.\." is not allowed/,
      ],
      ['../x', () => writeDraft(draft(), extracted(), { graphDir: graph, slug: '../x' }), /not allowed/],
      [
        'absolute',
        () => writeDraft(draft(), extracted(), { graphDir: graph, slug: '/tmp/x' }),
        /not allowed/,
      ],
      ['separator', () => writeDraft(draft(), extracted(), { graphDir: graph, slug: 'a/b' }), /not allowed/],
      ['backslash', () => writeDraft(draft(), extracted(), { graphDir: graph, slug: 'a\\b' }), /not allowed/],
      ['sources', () => writeDraft(draft(), extracted(), { graphDir: graph, slug: 'sources' }), /reserved/],
      [
        'symlink',
        () => writeDraft(draft(), extracted(), { graphDir: graph, slug: 'linked' }),
        /symbolic link/,
      ],
      [
        'hand-made folder',
        () => writeDraft(draft(), extracted(), { graphDir: graph, slug: 'desg-dps-2025-02' }),
        /not written by ingest/,
      ],
      [
        'quote not in text',
        () => {
          const d = draft();
          first(d.edges).prov = [{ section: '1', quote: 'Korea attended in person' }];
          return writeDraft(d, extracted(), { graphDir: graph, slug: SLUG });
        },
        /would not validate.*quote-not-found.*Korea attended in person/,
      ],
      [
        'unknown end',
        () => {
          const d = draft();
          first(d.edges).from = 'KOREA';
          return writeDraft(d, extracted(), { graphDir: graph, slug: SLUG });
        },
        /would not validate.*"from" names unknown node "KOREA"/,
      ],
      [
        'bad status',
        () => {
          const d = draft();
          first(d.updates).value = 'done';
          return writeDraft(d, extracted(), { graphDir: graph, slug: SLUG });
        },
        /would not validate.*status "done" is not one of completed \| ongoing \| proposed/,
      ],
    ];
    const before = treeHash(join(graph, '..'));
    for (const [name, run, message] of refusals) {
      let error: unknown;
      try {
        run();
      } catch (e) {
        error = e;
      }
      expect(error, name).toBeInstanceOf(IngestError);
      expect((error as IngestError).message, name).toMatch(/^dps-51\.txt: /);
      expect((error as IngestError).message, name).toMatch(message);
      expect(treeHash(join(graph, '..')), name).toBe(before);
    }

    writeDraft(draft(), extracted(), { graphDir: graph, slug: SLUG });
    const written = treeHash(join(graph, '..'));
    expect(() => writeDraft(draft(), extracted('other-report.pdf'), { graphDir: graph, slug: SLUG })).toThrow(
      /already used by another source \(dps-51\.txt\)/,
    );
    expect(() =>
      writeDraft(draft(), extracted('dps-51.txt', `${TEXT}\nmore`), { graphDir: graph, slug: SLUG }),
    ).toThrow(/already used by another text/);
    expect(treeHash(join(graph, '..'))).toBe(written);
  });
});
