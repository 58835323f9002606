// The review queue in real Chromium, on a server started for review over a temporary graph/ with a drafted
// folder: a keyboard-only review (j/k, a, r, e, m) of the drafted facts, the YAML written as decided and valid,
// then Sync to Neo4j: the database holds the accepted facts and not the rejected one, and the graph on the
// page has them without a reload.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.js';
import { REPO_ROOT } from '../../src/model/read.js';
import { createDriver, type Neo4jConfig } from '../../src/neo4j/config.js';
import { createServer, type RunningServer } from '../../src/server/create-server.js';
import { readForReview } from '../../src/server/review/draft-format.js';
import { makeReviewGraph } from '../review/fixture.js';
import { ensureBuilt, SCREENSHOT_DIR, testNeo4jWithGraph } from './harness.js';

const TOKEN = 'e2e-review-token-0123456789';

describe('review queue', () => {
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let dir: string;
  let draft: string;
  let profile: string;
  const cfg: Neo4jConfig = {
    uri: inject('neo4jUri'),
    user: inject('neo4jUser'),
    password: inject('neo4jPassword'),
  };

  beforeAll(async () => {
    await ensureBuilt();
    ({ dir, draft } = makeReviewGraph());
    server = await createServer({ graphDir: dir, neo4j: cfg, port: 0, review: { token: TOKEN } });
    profile = mkdtempSync(join(tmpdir(), 'apec-kg-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1366, height: 900 },
    });
    page = await context.newPage();
    await page.goto(`${server.reviewUrl}&tab=review`);
    await page.evaluate(() => window.__apecKg?.ready);
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
    // Other files expect the database to hold graph/.
    await testNeo4jWithGraph();
  });

  const current = () => page.getAttribute('.rv-row.is-current', 'data-ref');
  const reviews = () => {
    const d = parse(readFileSync(draft, 'utf8')) as Record<
      string,
      { review?: string; [k: string]: unknown }[]
    >;
    return d;
  };
  const waitWritten = (n: number) =>
    page.waitForFunction(
      (count) => document.querySelector('.rv-status')?.textContent?.startsWith(`${count} decision`),
      n,
    );

  it('lists every pending entry in source order with its quote in context, confidence and rule, and lists the keys', async () => {
    await page.waitForSelector('.rv-row');
    const refs = await page.$$eval('.rv-row', (els) => els.map((e) => e.getAttribute('data-ref')));
    expect(refs).toHaveLength(7);
    // Source order: the meeting and the attendance (一) before the project update and the forum (二).
    expect(refs.indexOf('node:mtg-rpt')).toBeLessThan(refs.indexOf('update:draft.yaml:0'));
    expect(refs.indexOf('edge:KOR|ATTENDED|mtg-rpt')).toBeLessThan(refs.indexOf('node:org-new-alliance'));
    const kor = page.locator('.rv-row[data-ref="edge:KOR|ATTENDED|mtg-rpt"]');
    expect(await kor.locator('mark').textContent()).toBe('韓國以視訊方式與會');
    expect(await kor.textContent()).toContain('attendance-mode');
    expect(await page.textContent('#rv-keys')).toMatch(/j \/ k.*a accept.*e edit.*r reject.*m merge/);
  });

  it('filters by rule and confidence', async () => {
    await page.selectOption('#rv-rule', 'attendance-list');
    expect(await page.$$eval('.rv-row', (els) => els.length)).toBe(2);
    await page.selectOption('#rv-rule', '');
    await page.fill('#rv-conf', '0.85');
    await page.dispatchEvent('#rv-conf', 'change');
    expect(await page.$$eval('.rv-row', (els) => els.length)).toBe(3);
    await page.fill('#rv-conf', '0');
    await page.dispatchEvent('#rv-conf', 'change');
    expect(await page.$$eval('.rv-row', (els) => els.length)).toBe(7);
  });

  it('reviews with the keyboard alone: accept, reject, edit, merge and resolve', async () => {
    await page.focus('#rv-list');
    const goTo = async (ref: string) => {
      await page.focus('#rv-list');
      for (let i = 0; i < 10 && (await current()) !== ref; i++) await page.keyboard.press('j');
      if ((await current()) !== ref)
        for (let i = 0; i < 10 && (await current()) !== ref; i++) await page.keyboard.press('k');
      expect(await current()).toBe(ref);
    };
    let written = 0;
    /** Waits for the page to say a decision was written, then clears that message for the next one. */
    const decided = async () => {
      await waitWritten(1);
      written++;
      await page.evaluate(() => {
        const s = document.querySelector('.rv-status');
        if (s) s.textContent = '';
      });
    };
    const press = async (key: string) => {
      await page.keyboard.press(key);
      await decided();
    };
    // Accept the meeting and two attendances.
    await goTo('node:mtg-rpt');
    await press('a');
    await goTo('edge:AUS|ATTENDED|mtg-rpt');
    await press('a');
    await goTo('edge:TWN|ATTENDED|mtg-rpt');
    await press('a');
    // Reject Korea's attendance.
    await goTo('edge:KOR|ATTENDED|mtg-rpt');
    await press('r');
    // Merge the drafted forum into the existing one: m shows the candidates side by side, Enter merges.
    await goTo('node:org-new-alliance');
    await page.keyboard.press('m');
    await page.waitForSelector('.rv-merge .rv-card[data-candidate="org-alliance"]');
    expect(await page.$$eval('.rv-merge .rv-card', (els) => els.length)).toBe(2);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'review-queue.png') });
    await press('Enter');
    // Edit the leads relationship (now on the existing forum): Tab to its section, retype, save with Enter.
    await goTo('edge:TWN|LEADS|org-alliance');
    await page.keyboard.press('e');
    await page.waitForSelector('#rv-edit-section');
    for (
      let i = 0;
      i < 8 && (await page.evaluate(() => document.activeElement?.id)) !== 'rv-edit-section';
      i++
    )
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('rv-edit-section');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('二.2 (edited)');
    await press('Enter');
    // Resolve the conflict: the report's later value, both kept.
    await goTo('update:draft.yaml:0');
    expect(await page.textContent('.rv-conflict')).toMatch(
      /graph\/ says status of .* is ongoing; this report says completed/,
    );
    await press('a');
    expect(written).toBe(7);

    const d = reviews();
    expect(d.nodes?.map((n) => [n.id, n.review])).toEqual([
      ['src-rpt', undefined],
      ['mtg-rpt', 'accepted'],
      ['org-new-alliance', 'merged'],
    ]);
    expect(d.nodes?.[2]?.mergedInto).toBe('org-alliance');
    expect(d.edges?.map((e) => [`${e.from}|${e.type}|${e.to}`, e.review])).toEqual([
      ['AUS|ATTENDED|mtg-rpt', 'accepted'],
      ['KOR|ATTENDED|mtg-rpt', 'rejected'],
      ['TWN|ATTENDED|mtg-rpt', 'accepted'],
      ['TWN|LEADS|org-alliance', 'accepted'],
    ]);
    expect((d.edges?.[3]?.prov as { section: string } | undefined)?.section).toBe('二.2 (edited)');
    expect(d.updates?.[0]).toMatchObject({ node: 'prj-trust', value: 'completed', review: 'accepted' });
    expect(readForReview(dir).issues).toEqual([]);
  });

  it('syncs to Neo4j: the accepted facts are there and the rejected one is not; the graph shows them', async () => {
    await page.click('#rv-sync');
    await page.waitForFunction(() =>
      /up to date/.test(document.querySelector('.rv-status')?.textContent ?? ''),
    );
    const driver = createDriver(cfg);
    try {
      const session = driver.session();
      const res = await session.run(
        "MATCH (e:Economy)-[:ATTENDED]->(:Meeting {id: 'mtg-rpt'}) RETURN e.id AS id ORDER BY id",
      );
      await session.close();
      expect(res.records.map((r) => r.get('id'))).toEqual(['AUS', 'TWN']);
    } finally {
      await driver.close();
    }
    const inPage = await page.evaluate(() => {
      const g = window.__apecKg?.graph;
      return {
        meeting: g?.hasNode('mtg-rpt'),
        kor: g?.hasEdge('KOR|ATTENDED|mtg-rpt'),
        aus: g?.hasEdge('AUS|ATTENDED|mtg-rpt'),
      };
    });
    expect(inPage).toEqual({ meeting: true, kor: false, aus: true });
  });
  it('ingests a report chosen on the page: the same ingestion as the CLI, a valid folder, its facts queued', async () => {
    const report = join(REPO_ROOT, 'tests/fixtures/reports/ecsg-51.en.txt');
    await page.setInputFiles('#rv-file', report);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('rf') === 'ecsg-51-en');
    await page.waitForSelector('.rv-row[data-review="pending"]');
    const folder = join(dir, 'ecsg-51-en');
    expect(readFileSync(join(folder, 'draft.yaml'), 'utf8')).toMatch(/review: pending/);
    expect(readFileSync(join(dir, 'sources', 'ecsg-51-en.en.txt'), 'utf8')).toBe(
      readFileSync(report, 'utf8'),
    );
    const { kb, issues } = readForReview(dir);
    expect(issues).toEqual([]);
    const drafted = [...kb.nodes, ...kb.edges].filter((x) => x.origin.file.endsWith('ecsg-51-en/draft.yaml'));
    expect(drafted.length).toBeGreaterThan(5);
    expect(drafted.every((x) => (x as { review?: string }).review === 'pending')).toBe(true);
    expect(kb.nodes.some((n) => n.label === 'Source' && n.origin.file.includes('ecsg-51-en/'))).toBe(true);
    expect(await page.$$eval('.rv-row[data-review="pending"]', (els) => els.length)).toBeGreaterThan(5);
    // A file the ingester cannot read is refused with its one-line reason, and nothing is written.
    const before = readFileSync(join(folder, 'draft.yaml'), 'utf8');
    await page.setInputFiles('#rv-file', {
      name: 'notes.rtf',
      mimeType: 'application/rtf',
      buffer: Buffer.from('{\\rtf1}'),
    });
    await page.waitForFunction(() =>
      /notes\.rtf/.test(document.querySelector('.rv-status')?.textContent ?? ''),
    );
    expect(await page.textContent('.rv-status')).toMatch(/not supported|unsupported/i);
    expect(readFileSync(join(folder, 'draft.yaml'), 'utf8')).toBe(before);
  });
});
