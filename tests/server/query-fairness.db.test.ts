// POST /api/query under contention, against the real database: one client filling every slot with slow
// queries does not keep another analyst's saved query from being answered; beyond the short wait the answer
// is the documented 429 with Retry-After; and a fault inside the route is answered 500 with an id that finds
// exactly one line, with the query, in the server's log.
import { request as httpRequest } from 'node:http';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/model/read.js';
import type { KnowledgeBase } from '../../src/model/types.js';
import { loadIntoNeo4j } from '../../src/neo4j/loader.js';
import { defaultParams, SAVED_QUERIES } from '../../src/neo4j/saved-queries.js';
import { createServer, type RunningServer } from '../../src/server/create-server.js';
import { testConfig, testDriver } from '../neo4j/db-helpers.js';

let driver: Driver;
let kb: KnowledgeBase;

interface Answer {
  status: number;
  retryAfter: string | undefined;
  body: { rows?: unknown[][]; error?: { code: string; message: string } };
}

/** POST /api/query from a given loopback address, so the server sees different clients. */
function post(server: RunningServer, from: string, cypher: string, params: object = {}): Promise<Answer> {
  const body = JSON.stringify({ cypher, params });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      new URL('/api/query', server.url),
      {
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'] as string | undefined,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const MARKER = 'slot-hog-marker';
const SLOW = `MATCH (a), (b), (c), (d) WHERE a.name + b.name + c.name + d.name = '${MARKER}' RETURN count(*)`;

/** How many of the slow queries the database is running now. */
async function slowRunning(): Promise<number> {
  const { records } = await driver.executeQuery(
    // The marker is split here so that this query does not count itself.
    "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'slot-hog' + '-marker' RETURN count(*) AS n",
  );
  return Number(records[0]?.get('n'));
}

beforeAll(async () => {
  driver = testDriver();
  kb = loadKnowledgeBase();
  await loadIntoNeo4j(driver, kb);
});

afterAll(async () => {
  await driver.close();
});

describe('POST /api/query under contention', () => {
  it("answers another analyst's saved query while one client holds every slot with slow queries", async () => {
    const server = await createServer({
      neo4j: testConfig(),
      knowledgeBase: kb,
      // Long enough that the slow queries still hold their slots through every step below on a loaded machine.
      queryTimeoutMs: 10_000,
      maxConcurrentQueries: 2,
    });
    try {
      const settled: boolean[] = [];
      const hogs = [0, 1].map((i) =>
        post(server, '127.0.0.2', SLOW).finally(() => {
          settled[i] = true;
        }),
      );
      // Should an assertion fail first, closing the server cuts these: that is not a second failure.
      for (const hog of hogs) hog.catch(() => undefined);
      await expect.poll(slowRunning, { timeout: 20_000, interval: 100 }).toBe(2);
      const matrix = SAVED_QUERIES.find((q) => q.id === 'attendance-matrix');
      if (!matrix) throw new Error('the saved query attendance-matrix is gone');
      const saved = await post(server, '127.0.0.3', matrix.cypher, defaultParams(matrix));
      expect(saved.status).toBe(200);
      expect(saved.body.rows?.length).toBeGreaterThan(0);
      // Answered while both slow queries were still running, not after them.
      expect(settled.filter(Boolean)).toHaveLength(0);
      expect(await slowRunning()).toBe(2);
      // An ad-hoc query finds no slot within its short wait: the documented refusal, with when to retry.
      const adHoc = await post(server, '127.0.0.3', 'RETURN 1 AS one');
      expect(adHoc.status).toBe(429);
      expect(adHoc.body.error?.code).toBe('TOO_MANY_QUERIES');
      expect(Number(adHoc.retryAfter)).toBeGreaterThanOrEqual(1);
      for (const hog of await Promise.all(hogs)) {
        expect(hog.status).toBe(422);
        expect(hog.body.error?.message).toMatch(/Narrow it/);
      }
      await expect
        .poll(async () => (await post(server, '127.0.0.3', 'RETURN 1 AS one')).status, {
          timeout: 30_000,
          interval: 250,
        })
        .toBe(200);
    } finally {
      await server.close();
    }
  });

  it('answers a fault inside the route 500 with an id, and logs one line with that id and the query', async () => {
    const logged: string[] = [];
    const server = await createServer({
      neo4j: testConfig(),
      knowledgeBase: kb,
      logError: (line) => logged.push(...line.split('\n')),
      queryHooks: {
        beforeAnswer() {
          throw new Error('a fault planted by the test');
        },
      },
    });
    try {
      const cypher = "RETURN 'fault-test' AS marker";
      const answer = await post(server, '127.0.0.1', cypher);
      expect(answer.status).toBe(500);
      expect(answer.body.error?.code).toBe('INTERNAL');
      // The client learns the id, not the details.
      expect(answer.body.error?.message).not.toMatch(/planted|fault-test/);
      const id = /logged as (\S+)\./.exec(answer.body.error?.message ?? '')?.[1];
      expect(id).toMatch(/^q-[0-9a-f]{12}$/);
      const lines = logged.filter((line) => line.includes(id as string));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(JSON.stringify(cypher));
      expect(logged.join('\n')).toContain('a fault planted by the test');
    } finally {
      await server.close();
    }
  });
});
