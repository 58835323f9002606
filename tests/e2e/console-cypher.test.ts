// The Cypher console in the real page against the real Neo4j: a saved query highlights its answer on the graph,
// writes are refused, syntax errors point at their position, Ctrl+Enter runs.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/model/read.js';
import { createDriver, type Neo4jConfig } from '../../src/neo4j/config.js';
import { loadIntoNeo4j } from '../../src/neo4j/loader.js';
import { type Harness, startHarness } from './harness.js';

// From the report: the 21 economies minus the 14 at DPS 50 (貳.一.(一)) and the 17 at DESG (貳.三.(一)).
const ATTENDED_NEITHER = ['BRN', 'CAN', 'MEX', 'PNG'];
const DIM = '#dde1e6';

const neo4j: Neo4jConfig = {
  uri: inject('neo4jUri'),
  user: inject('neo4jUser'),
  password: inject('neo4jPassword'),
};

let harness: Harness;
let page: Page;

beforeAll(async () => {
  // Other files may have changed the database; this one needs exactly graph/ in it.
  const driver = createDriver(neo4j);
  try {
    await loadIntoNeo4j(driver, loadKnowledgeBase());
  } finally {
    await driver.close();
  }
  harness = await startHarness({ neo4j });
  page = await harness.openPage('/?tab=cypher');
  await page.waitForSelector('.cq .cm-content');
  await page.waitForSelector('.cq-status[data-connected="true"]');
});

afterAll(async () => {
  await harness?.close();
});

/** Replaces the editor's text the way a person would: select all, type. */
async function typeQuery(text: string): Promise<void> {
  await page.locator('.cq .cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.locator('.cq .cm-content').pressSequentially(text);
}

async function displayColor(node: string): Promise<string | undefined> {
  return page.evaluate((id) => window.__apecKg?.sigma?.getNodeDisplayData(id)?.color, node);
}

describe('Cypher console', () => {
  it('runs a saved query with one click and highlights its answer on the graph', async () => {
    await page.locator('button[data-query="attended-neither-meeting"]').click();
    await page.waitForSelector('.cq-table tbody tr');
    const cells = await page.$$eval('.cq-table tbody tr td:first-child', (tds) =>
      tds.map((td) => td.textContent),
    );
    expect(cells.length).toBe(ATTENDED_NEITHER.length);
    // The first column is the economy id, shown as a link named after the node.
    const ids = await page.$$eval('.cq-table tbody tr td:first-child [data-node]', (els) =>
      els.map((el) => (el as HTMLElement).dataset.node),
    );
    expect(ids.sort()).toEqual(ATTENDED_NEITHER);
    expect(await page.locator('.cq-meta .cq-time').textContent()).toMatch(/4 rows in \d+ ms/);

    await harness.waitForRender(page);
    for (const e of ATTENDED_NEITHER) expect(await displayColor(e), e).not.toBe(DIM);
    // Australia attended both meetings: not part of the answer, so dimmed.
    expect(await displayColor('AUS')).toBe(DIM);
    // The open query lives in the URL.
    expect(new URL(page.url()).searchParams.get('q')).toBe('attended-neither-meeting');
    await harness.screenshot(page, 'cypher-console');
  });

  it('shows only the result on the graph when asked', async () => {
    await page.locator('#cq-only').check();
    await harness.waitForRender(page);
    const shown = await page.evaluate(() => {
      const sigma = window.__apecKg?.sigma;
      return { aus: sigma?.getNodeDisplayData('AUS')?.hidden, brn: sigma?.getNodeDisplayData('BRN')?.hidden };
    });
    expect(shown).toEqual({ aus: true, brn: false });
    await page.locator('#cq-only').uncheck();
    await harness.waitForRender(page);
    expect(await page.evaluate(() => window.__apecKg?.sigma?.getNodeDisplayData('AUS')?.hidden)).toBe(false);
  });

  it('runs a saved query again with an edited parameter', async () => {
    await page.locator('button[data-query="shortest-path"]').click();
    await page.waitForSelector('.cq-table tbody tr');
    // A node parameter is a picker: it shows the node's name and keeps its id.
    const input = page.locator('input[data-param="to"]');
    expect(await input.getAttribute('data-value')).toBe('cbpr');
    expect(await input.inputValue()).toBe('APEC Cross-Border Privacy Rules System');
    // Typing the id still finds the node; Ctrl+Enter picks the first match and runs.
    await input.fill('USA');
    await page.locator('#cq-param-to-list [data-node="USA"]').waitFor();
    await input.press('Control+Enter');
    await expect
      .poll(() => page.$$eval('.cq-table tbody td', (tds) => tds.map((td) => td.textContent).join(' ')))
      .toMatch(/United States/);
    await harness.waitForRender(page);
    expect(await displayColor('TWN')).not.toBe(DIM);
    expect(await displayColor('USA')).not.toBe(DIM);
  });

  it('refuses a write query with a clear message', async () => {
    const before = await page.evaluate(() => window.__apecKg?.graph?.order);
    await typeQuery('CREATE (n) RETURN n');
    await page.locator('.cq-run').click();
    const error = page.locator('.cq-error[data-kind="refused"]');
    await error.waitFor();
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await error.textContent()).toMatch(/read-only/);
    expect(await page.evaluate(() => window.__apecKg?.graph?.order)).toBe(before);
  });

  it('shows a syntax error with its position, in the message and in the editor', async () => {
    await typeQuery('MATCH (n) RETRN n');
    await page.locator('.cq-run').click();
    const error = page.locator('.cq-error[data-kind="syntax"]');
    await error.waitFor();
    expect(await error.locator('strong').textContent()).toBe('Syntax error at line 1, column 11');
    // The editor underlines the offending word itself.
    await page.waitForSelector('.cq .cm-lintRange-error');
    expect(await page.locator('.cq .cm-lintRange-error').first().textContent()).toBe('RETRN');
  });

  it('runs the query with Ctrl+Enter', async () => {
    await typeQuery("MATCH (e:Economy {id: 'TWN'}) RETURN e.name AS name");
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('.cq-table tbody td').first().textContent()).toBe('Chinese Taipei');
    const history = await page.evaluate(() => localStorage.getItem('apec-kg.console.history') ?? '');
    expect(history).toContain("MATCH (e:Economy {id: 'TWN'})");
  });

  it('says when the result was cut at the row limit', async () => {
    await typeQuery('UNWIND range(1, 100000) AS x RETURN x');
    await page.keyboard.press('Control+Enter');
    const notice = page.locator('.cq-truncated');
    await notice.waitFor();
    const shown = await page.locator('.cq-table tbody tr').count();
    expect(shown).toBeLessThan(100000);
    expect(await notice.textContent()).toContain(`first ${shown} rows`);
  });

  it('restores the open query from a link and shows its answer', async () => {
    const shared = await harness.openPage('/?tab=cypher&q=shortest-path&params={"from":"TWN","to":"USA"}');
    try {
      await shared.waitForSelector('.cq-table tbody tr');
      expect(await shared.locator('input[data-param="to"]').getAttribute('data-value')).toBe('USA');
      expect(await shared.locator('input[data-param="to"]').inputValue()).toBe('United States of America');
      expect(await shared.locator('.cq .cm-content').textContent()).toContain('shortestPath');
      expect(await shared.locator('button[data-query="shortest-path"]').getAttribute('aria-current')).toBe(
        'true',
      );
    } finally {
      await shared.close();
    }
  });

  it('offers labels and relationship types from the graph as completions', async () => {
    // The popup may still show the list for an earlier prefix while typing, so wait for the one asked for.
    const options = () =>
      page.$$eval('.cm-tooltip-autocomplete li', (lis) => lis.map((li) => li.textContent ?? ''));
    await typeQuery('MATCH (e:Eco');
    await page.keyboard.press('Control+Space');
    await expect.poll(options).toEqual([expect.stringMatching(/^Economy/)]);
    await page.keyboard.press('Escape');
    await typeQuery('MATCH (e)-[:ATT');
    await page.keyboard.press('Control+Space');
    await expect.poll(options).toContainEqual(expect.stringMatching(/^ATTENDED/));
    // Relationship types are offered inside [ ], not labels.
    expect((await options()).some((o) => o.startsWith('Economy'))).toBe(false);
    await page.keyboard.press('Escape');
  });
});

describe('lazy loading', () => {
  it('loads the editor only when the Cypher tab opens', async () => {
    const fresh = await harness.openPage('/');
    try {
      const scripts = () =>
        fresh.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .map((e) => e.name)
            .filter((n) => /\.js(\?|$)/.test(n)),
        );
      /** Whether any loaded script carries CodeMirror's editor (its class names are in its code). */
      const hasEditor = async (urls: string[]) => {
        for (const url of urls)
          if ((await (await fresh.request.get(url)).text()).includes('cm-content')) return true;
        return false;
      };
      expect(await hasEditor(await scripts())).toBe(false);
      await fresh.locator('#tab-cypher').click();
      await fresh.waitForSelector('.cq .cm-content');
      expect(await hasEditor(await scripts())).toBe(true);
    } finally {
      await fresh.close();
    }
  });
});

describe('Cypher console without Neo4j', () => {
  let offline: Harness;

  afterAll(async () => {
    await offline?.close();
  });

  it('says Neo4j is not connected and how to connect, while the rest keeps working', async () => {
    offline = await startHarness({ neo4j: null });
    const p = await offline.openPage('/?tab=cypher');
    await p.waitForSelector('.cq-status[data-connected="false"]');
    expect(await p.locator('.cq-status').textContent()).toMatch(/NEO4J_URI/);
    // Saved queries still list, and running one explains the situation instead of failing silently.
    await p.locator('button[data-query="attended-neither-meeting"]').waitFor();
    await p.locator('.cq-run').click();
    const error = p.locator('.cq-error[data-kind="unavailable"]');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/not connected/);
    expect(await p.evaluate(() => window.__apecKg?.graph?.order)).toBeGreaterThan(100);
  });
});
