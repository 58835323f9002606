// `npm start` serves the page while the embedded Neo4j is still starting: the graph works at once, the Cypher
// console says it is connecting, and once the database is up it works without a reload, running the query of a
// shared link by itself.
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.js';
import { createServer, type RunningServer } from '../../src/server/create-server.js';
import { ensureBuilt, testNeo4jWithGraph } from './harness.js';

let server: RunningServer;
let browser: Browser;
let state: 'starting' | 'other' = 'starting';

beforeAll(async () => {
  await ensureBuilt();
  const cfg = await testNeo4jWithGraph();
  server = await createServer({
    neo4j: cfg,
    databaseProcess: () => ({ state, message: 'The embedded Neo4j is starting.' }),
  });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the Cypher console while the database starts', () => {
  it('says it is connecting, then runs the linked query once the database is up, without a reload', async () => {
    const page = await browser.newPage();
    let loads = 0;
    page.on('load', () => {
      loads += 1;
    });
    await page.goto(
      new URL('/?tab=cypher&q=shortest-path&params={"from":"TWN","to":"USA"}', server.url).href,
    );
    await page.waitForSelector('.cq-status.cq-connecting');
    expect(await page.locator('.cq-status').textContent()).toMatch(/Connecting to Neo4j/);
    await page.waitForFunction(() => (window.__apecKg?.graph?.order ?? 0) > 100);
    expect(await page.locator('.cq-table').count()).toBe(0);

    state = 'other';
    await page.waitForSelector('.cq-status[data-connected="true"]');
    await page.waitForSelector('.cq-table tbody tr');
    expect(loads).toBe(1);
  });
});
