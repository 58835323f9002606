// The HTTP server without a database: graph, saved queries, static page, headers and request checks.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { SerializedGraph } from 'graphology-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportGraphJson, splitForView } from '../../src/model/export.js';
import { DEFAULT_GRAPH_DIR, loadKnowledgeBase } from '../../src/model/read.js';
import { SAVED_QUERIES } from '../../src/neo4j/saved-queries.js';
import { createServer, type RunningServer } from '../../src/server/create-server.js';
import { MAX_DETAIL_IDS } from '../../src/server/graph-route.js';

const GRAPH: SerializedGraph = {
  attributes: {},
  options: { type: 'directed', multi: true, allowSelfLoops: true },
  nodes: [
    { key: 'AUS', attributes: { label: 'Australia', category: 'Economy' } },
    { key: 'cbpr', attributes: { label: 'CBPR', category: 'Framework' } },
  ],
  edges: [
    {
      key: 'AUS|PARTICIPATES_IN|cbpr',
      source: 'AUS',
      target: 'cbpr',
      attributes: { relType: 'PARTICIPATES_IN' },
    },
  ],
};

function makeStaticDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apec-kg-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>explorer</title><script src="./assets/app-1.js"></script>',
  );
  writeFileSync(join(dir, 'assets', 'app-1.js'), 'console.log(1)');
  return dir;
}

async function postJson(server: RunningServer, body: unknown): Promise<Response> {
  return fetch(new URL('/api/query', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('server in static mode (no database configured)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await createServer({ graphJson: GRAPH, staticDir: makeStaticDir(), neo4j: null });
  });
  afterAll(() => server.close());

  it('listens on the loopback interface by default and nowhere else', async () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a?.address as string);
    for (const address of others) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port: server.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
      });
      expect(outcome, `reachable on ${address}`).not.toBe('connected');
    }
    expect((await fetch(new URL('/api/health', server.url))).status).toBe(200);
  });

  it('refuses requests addressed to another host name (DNS rebinding) and accepts loopback names', async () => {
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: server.port, path: '/api/health', headers: { host } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.once('error', reject);
        req.end();
      });
    expect(await status(`evil.example:${server.port}`)).toBe(403);
    expect(await status('127.0.0.1.evil.example')).toBe(403);
    expect(await status(`localhost:${server.port}`)).toBe(200);
    expect(await status(`127.0.0.1:${server.port}`)).toBe(200);
    // The Vite dev server forwards /api with its own port in the Host header.
    expect(await status('127.0.0.1:5173')).toBe(200);
  });

  it('reports health: not connected, how to connect, and the graph size', async () => {
    const health = await (await fetch(new URL('/api/health', server.url))).json();
    expect(health.graph).toEqual({ nodes: 2, edges: 1 });
    expect(health.neo4j.connected).toBe(false);
    expect(health.neo4j.configured).toBe(false);
    expect(health.neo4j.message).toContain('npm run neo4j -- start');
    expect(health.neo4j.message).toContain('NEO4J_URI');
    const res = await fetch(new URL('/api/health', server.url));
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('serves the given graph with an ETag and answers 304 when it has not changed', async () => {
    const res = await fetch(new URL('/api/graph', server.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual(GRAPH);
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await fetch(new URL('/api/graph', server.url), {
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(again.status).toBe(304);
    const other = await fetch(new URL('/api/graph', server.url), { headers: { 'if-none-match': '"other"' } });
    expect(other.status).toBe(200);
  });

  it('sends the graph gzipped to clients that accept it, and plain to the others', async () => {
    const raw = (acceptEncoding?: string) =>
      new Promise<{ encoding?: string; vary?: string; body: Buffer }>((resolve, reject) => {
        const url = new URL('/api/graph', server.url);
        const headers = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {};
        request(url, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              encoding: res.headers['content-encoding'],
              vary: res.headers.vary,
              body: Buffer.concat(chunks),
            }),
          );
        })
          .on('error', reject)
          .end();
      });
    const zipped = await raw('br, gzip;q=0.8');
    expect(zipped.encoding).toBe('gzip');
    expect(zipped.vary).toMatch(/accept-encoding/i);
    expect(JSON.parse(gunzipSync(zipped.body).toString('utf8'))).toEqual(GRAPH);
    for (const plain of [await raw(), await raw('gzip;q=0'), await raw('identity')]) {
      expect(plain.encoding).toBeUndefined();
      expect(JSON.parse(plain.body.toString('utf8'))).toEqual(GRAPH);
    }
  });

  it('lists the saved queries with both languages and their parameters', async () => {
    const queries = await (await fetch(new URL('/api/queries', server.url))).json();
    expect(queries).toEqual(JSON.parse(JSON.stringify(SAVED_QUERIES)));
    for (const q of queries) {
      expect(q.title.en && q.title.zh && q.description.en && q.description.zh, q.id).toBeTruthy();
    }
  });

  it('answers a query with 503 and how to start or connect a database', async () => {
    const res = await postJson(server, { cypher: 'MATCH (n) RETURN count(n)' });
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.error.code).toBe('NEO4J_NOT_CONFIGURED');
    expect(body.error.message).toContain('npm run neo4j -- start');
    expect(body.error.message).toContain('NEO4J_URI');
  });

  it('checks the request before it needs a database', async () => {
    const missing = await postJson(server, { params: {} });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.message).toMatch(/needs `cypher`/);
    const wrongType = await postJson(server, { cypher: 42 });
    expect(wrongType.status).toBe(400);
    expect((await wrongType.json()).error.message).toMatch(/`cypher` must be a string/);
    const empty = await postJson(server, { cypher: '   ' });
    expect(empty.status).toBe(400);
    const badParams = await postJson(server, { cypher: 'RETURN 1', params: [1, 2] });
    expect(badParams.status).toBe(400);
    expect((await badParams.json()).error.message).toMatch(/`params` must be an object/);
    const notAnObject = await postJson(server, ['RETURN 1']);
    expect(notAnObject.status).toBe(400);
  });

  it('refuses malformed, non-JSON and oversized bodies with a JSON error', async () => {
    const url = new URL('/api/query', server.url);
    const malformed = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"cypher": "RETURN 1"',
    });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe('INVALID_JSON');
    const text = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'RETURN 1',
    });
    expect(text.status).toBe(415);
    expect((await text.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const huge = await postJson(server, { cypher: `RETURN '${'x'.repeat(100 * 1024)}'` });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error).toMatchObject({ code: 'BODY_TOO_LARGE', message: /64 KB/ });
  });

  it('serves the page, falls back to it for page routes, and 404s missing files and API routes', async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>explorer</title>');
    const route = await fetch(new URL('/coverage/economies', server.url));
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>explorer</title>');
    const asset = await fetch(new URL('/assets/app-1.js', server.url));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(new URL('/assets/missing.js', server.url))).status).toBe(404);
    const api = await fetch(new URL('/api/nothing', server.url));
    expect(api.status).toBe(404);
    expect((await api.json()).error.code).toBe('NOT_FOUND');
  });

  it('sends security headers on pages and API answers', async () => {
    for (const path of ['/', '/api/health']) {
      const res = await fetch(new URL(path, server.url));
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("worker-src 'self' blob:");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });
});

describe('server before the page is built', () => {
  it('explains how to build the page instead of failing', async () => {
    const server = await createServer({ graphJson: GRAPH, staticDir: join(tmpdir(), 'apec-kg-no-such-dir') });
    try {
      const res = await fetch(server.url);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('vite build');
      expect((await fetch(new URL('/api/graph', server.url))).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('server with the real graph/', () => {
  it('serves the export of graph/', async () => {
    // A snapshot, so that people editing graph/ while the tests run cannot make the two reads differ.
    const graphDir = mkdtempSync(join(tmpdir(), 'apec-kg-graph-copy-'));
    cpSync(DEFAULT_GRAPH_DIR, graphDir, { recursive: true });
    const expected = exportGraphJson(loadKnowledgeBase(graphDir));
    const server = await createServer({ graphDir, staticDir: makeStaticDir() });
    try {
      const graph = await (await fetch(new URL('/api/graph', server.url))).json();
      const split = splitForView(expected);
      expect(graph).toEqual(JSON.parse(JSON.stringify(split.view)));
      // The first view carries no quotes or notes: about half the bytes of the full export.
      expect(
        graph.nodes.every(
          (n: { attributes: { prov: unknown[]; note?: string } }) =>
            n.attributes.prov.length === 0 && n.attributes.note === undefined,
        ),
      ).toBe(true);
      const fullBytes = JSON.stringify(expected).length;
      expect(JSON.stringify(graph).length).toBeLessThan(fullBytes * 0.7);
      // Merging every item's details back gives the full export.
      const edgeKeys: string[] = graph.edges.map((e: { key: string }) => e.key);
      const nodeKeys: string[] = graph.nodes.map((n: { key: string }) => n.key);
      const merged = JSON.parse(JSON.stringify(graph));
      const postDetails = async (body: unknown) =>
        fetch(new URL('/api/details', server.url), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      for (const [kind, keys] of [
        ['nodes', nodeKeys],
        ['edges', edgeKeys],
      ] as const) {
        for (let i = 0; i < keys.length; i += MAX_DETAIL_IDS) {
          const body = await (await postDetails({ [kind]: keys.slice(i, i + MAX_DETAIL_IDS) })).json();
          for (const item of merged[kind]) Object.assign(item.attributes, body[kind][item.key] ?? {});
        }
      }
      const order = (g: {
        nodes: { attributes: Record<string, unknown> }[];
        edges: { attributes: Record<string, unknown> }[];
      }) =>
        JSON.stringify(g, (_k, v) =>
          v && typeof v === 'object' && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
            : v,
        );
      expect(order(merged)).toBe(order(JSON.parse(JSON.stringify(expected))));
      // One item, and clear errors for unknown ids and oversized requests.
      const twn = await (await fetch(new URL('/api/nodes/TWN', server.url))).json();
      expect(twn.prov.length).toBeGreaterThan(0);
      expect(twn.note).toContain('我國');
      const edge = await (
        await fetch(new URL(`/api/edges/${encodeURIComponent(edgeKeys[0] as string)}`, server.url))
      ).json();
      expect(edge.prov.length).toBeGreaterThan(0);
      const missing = await fetch(new URL('/api/nodes/NOPE', server.url));
      expect(missing.status).toBe(404);
      expect((await missing.json()).error.message).toContain('NOPE');
      const tooMany = await postDetails({
        nodes: Array.from({ length: MAX_DETAIL_IDS + 1 }, (_, i) => `n${i}`),
      });
      expect(tooMany.status).toBe(400);
      const badList = await postDetails({ nodes: 'TWN' });
      expect(badList.status).toBe(400);
      expect((await badList.json()).error.message).toContain('"nodes" must be a list of ids');
      const health = await (await fetch(new URL('/api/health', server.url))).json();
      expect(health.graph).toEqual({ nodes: expected.nodes.length, edges: expected.edges.length });
      expect(health.graph.nodes).toBeGreaterThan(100);
    } finally {
      await server.close();
    }
  });
});
