// Ready for a cluster: every command works with a routing URI (neo4j://), which the embedded database answers
// as a single-member cluster (it is its own router, reader and writer). Reads run in READ sessions, so a
// cluster sends them to readers; the load runs in a WRITE session, sent to the writer. NEO4J_DATABASE is
// honoured: a database that does not exist is named in the error instead of the default one being used.
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/model/read.js';
import { createDriver, type Neo4jConfig } from '../../src/neo4j/config.js';
import { loadIntoNeo4j } from '../../src/neo4j/loader.js';
import { runReadOnly } from '../../src/neo4j/read-only.js';
import { defaultParams, SAVED_QUERIES } from '../../src/neo4j/saved-queries.js';
import { createServer } from '../../src/server/create-server.js';
import { launch } from '../../src/server/launch.js';
import { fingerprint, runScript, testConfig } from './db-helpers.js';

let cfg: Neo4jConfig;
let driver: Driver;

beforeAll(async () => {
  const direct = testConfig();
  cfg = { ...direct, uri: direct.uri.replace(/^bolt:/, 'neo4j:') };
  driver = createDriver(cfg);
  await loadIntoNeo4j(driver, loadKnowledgeBase());
});

afterAll(async () => {
  await driver?.close();
});

async function script(name: string, args: string[], env: Record<string, string> = {}) {
  const run = await runScript(name, args, env, cfg);
  return { code: run.code, out: run.stdout + run.stderr };
}

describe('a neo4j:// routing URI', () => {
  it('is used as given', () => {
    expect(cfg.uri).toMatch(/^neo4j:\/\/127\.0\.0\.1:\d+$/);
  });

  it('runs every saved query through the read-only runner', async () => {
    for (const query of SAVED_QUERIES) {
      const result = await runReadOnly(driver, query.cypher, defaultParams(query), { timeoutMs: 30_000 });
      expect(result.columns.length, query.id).toBeGreaterThan(0);
    }
  }, 180_000);

  it('loads (a WRITE session, sent to the writer) without changing a database that holds graph/', async () => {
    const before = await fingerprint(driver);
    const report = await loadIntoNeo4j(driver, loadKnowledgeBase());
    expect(report.nodesCreated + report.nodesUpdated + report.nodesDeleted).toBe(0);
    expect(await fingerprint(driver)).toEqual(before);
  });

  it('serves read-only Cypher and health', async () => {
    const server = await createServer({ neo4j: cfg });
    try {
      const health = await (await fetch(new URL('/api/health', server.url))).json();
      expect(health.neo4j).toMatchObject({ connected: true, status: 'connected' });
      const res = await fetch(new URL('/api/query', server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ cypher: 'MATCH (e:Economy) RETURN count(e) AS n' }),
      });
      expect((await res.json()).rows).toEqual([[21]]);
    } finally {
      await server.close();
    }
  });

  it('works for npm start, npm run load and npm run query', async () => {
    const app = await launch({
      env: { NEO4J_URI: cfg.uri, NEO4J_USER: cfg.user, NEO4J_PASSWORD: cfg.password, PORT: '0' },
      buildPage: false,
      log: () => {},
    });
    try {
      expect(await app.loaded).toBe(true);
    } finally {
      await app.stop();
    }
    const load = await script('load.ts', []);
    expect(load.code, load.out).toBe(0);
    expect(load.out).toMatch(/0 created, 0 updated, 0 deleted/);
    const query = await script('query.ts', [
      'MATCH (e:Economy {id: $id}) RETURN e.name AS name',
      '--param',
      'id=TWN',
    ]);
    expect(query.code, query.out).toBe(0);
    expect(query.out).toContain('Chinese Taipei');
  }, 240_000);

  it('names the database of NEO4J_DATABASE in every session', async () => {
    const named = await script('query.ts', ['RETURN 1 AS one'], { NEO4J_DATABASE: 'neo4j' });
    expect(named.code, named.out).toBe(0);
    const missing = await script('query.ts', ['RETURN 1 AS one'], { NEO4J_DATABASE: 'nosuchdb' });
    expect(missing.code).toBe(1);
    expect(missing.out).toMatch(/nosuchdb/);
  }, 120_000);
});
