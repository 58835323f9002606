// GET /api/sources and /api/sources/:id on a real server in static mode (no database).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/model/read.js';
import type { SourceView } from '../../src/model/source-text.js';
import type { SourceSummary } from '../../src/model/source-text-list.js';
import { createServer, type RunningServer } from '../../src/server/create-server.js';

describe('sources API', () => {
  let server: RunningServer;
  const kb = loadKnowledgeBase();
  beforeAll(async () => {
    server = await createServer({ knowledgeBase: kb, neo4j: null, staticDir: '/nonexistent' });
  });
  afterAll(() => server.close());

  it('lists every Source node of graph/ with its counts', async () => {
    const res = await fetch(new URL('/api/sources', server.url));
    expect(res.status).toBe(200);
    const list = (await res.json()) as SourceSummary[];
    const ids = kb.nodes.filter((n) => n.label === 'Source').map((n) => n.id);
    expect(list.map((s) => s.id).sort()).toEqual([...ids].sort());
    for (const s of list) {
      expect(s.backed).toBeGreaterThan(0);
      expect(s.pending).toBe(0);
    }
  });

  it('answers a source with its full text, outline and highlights as offsets into that text', async () => {
    const res = await fetch(new URL('/api/sources/src-apec-facts', server.url));
    expect(res.status).toBe(200);
    const view = (await res.json()) as SourceView;
    expect(view.text).toBe(kb.sourceTexts.get('src-apec-facts'));
    expect(view.highlights.length).toBeGreaterThan(50);
    for (const hl of view.highlights) {
      expect(hl.end).toBeGreaterThan(hl.start);
      expect(hl.end).toBeLessThanOrEqual(view.text.length);
      expect(hl.factIds.length).toBeGreaterThan(0);
    }
    expect(view.sections.map((s) => s.label)).toContain('§1');
  });

  it('says which source is unknown with 404', async () => {
    const res = await fetch(new URL('/api/sources/src-nope', server.url));
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('UNKNOWN_SOURCE');
    expect(body.error.message).toContain('src-nope');
  });
});
