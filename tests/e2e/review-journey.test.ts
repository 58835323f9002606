// Issue 15's whole review journey on one and the same draft, in real Chromium against a server started for
// review over a temporary copy of graph/: a report ingested from the Review tab, decisions on the draft just
// ingested (accept, edit, reject, merge, a later value against graph/'s), the YAML exactly as decided and
// valid by the real validate script, Sync to Neo4j (the test database), the graph on the page following without
// a reload, and "show in source" from an accepted relationship highlighting its quote in the Sources view.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { loadKnowledgeBase, REPO_ROOT } from '../../src/model/read.js';
import { createDriver, type Neo4jConfig } from '../../src/neo4j/config.js';
import { treeHash } from '../tree-hash.js';
import { type Harness, startHarness, testNeo4jWithGraph } from './harness.js';

const TOKEN = 'e2e-journey-token-0123456789';
const SLUG = 'dps-51-en';
const REPORT = join(REPO_ROOT, 'tests/fixtures/reports/dps-51.en.txt');
const MEETING = 'mtg-dps-51';
const ATTENDANCE_QUOTE =
  '(a) The 51st DPS Meeting was attended by Australia; Canada; Japan; Korea; Peru; Singapore; Chinese Taipei and the United States.';
const COVER_QUOTE = 'Incheon, Korea, 4–5 August 2025';

type Entry = Record<string, unknown> & { review?: string };
interface DraftFile {
  source: string;
  nodes: Entry[];
  edges: Entry[];
  updates: Entry[];
}

const squash = (s: string) => s.replace(/\s+/gu, '');
const edgeRef = (e: Entry) => `${e.from}|${e.type}|${e.to}${e.key ? `|${e.key}` : ''}`;

describe('the review journey on one draft', () => {
  let h: Harness;
  let page: Page;
  let root: string;
  let dir: string;
  let cfg: Neo4jConfig;
  /** draft.yaml as the page's ingestion wrote it. */
  let ingested: string;
  let elsewhere: string;
  const draftPath = () => join(dir, SLUG, 'draft.yaml');
  const outsideDraft = (rel: string) => rel === SLUG || rel.startsWith(`${SLUG}/`);

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'apec-kg-journey-'));
    dir = join(root, 'graph');
    cpSync(join(REPO_ROOT, 'graph'), dir, { recursive: true });
    h = await startHarness({ graphDir: dir, reviewToken: TOKEN, viewport: { width: 1366, height: 900 } });
    cfg = {
      uri: inject('neo4jUri'),
      user: inject('neo4jUser'),
      password: inject('neo4jPassword'),
    };
    // The analysis panel in full window: the queue and the merge and conflict views at their most legible.
    page = await h.openPage(`/?x.review=${TOKEN}&tab=review&full=1`);
    // Survives only as long as the page is not reloaded.
    await page.evaluate(() => {
      (window as unknown as { __journey: boolean }).__journey = true;
    });
  });
  afterAll(async () => {
    await h?.close();
    rmSync(root, { recursive: true, force: true });
    // Other files expect the database to hold graph/.
    await testNeo4jWithGraph();
  });

  const current = () => page.getAttribute('.rv-row.is-current', 'data-ref');
  const status = async () => (await page.textContent('.rv-status')) ?? '';
  /** Waits for the page to say a decision was written, then clears the message for the next one. */
  const decided = async () => {
    await page.waitForFunction(() =>
      document.querySelector('.rv-status')?.textContent?.startsWith('1 decision'),
    );
    await page.evaluate(() => {
      const s = document.querySelector('.rv-status');
      if (s) s.textContent = '';
    });
  };
  const goTo = async (ref: string) => {
    await page.focus('#rv-list');
    for (let i = 0; i < 30 && (await current()) !== ref; i++) await page.keyboard.press('j');
    for (let i = 0; i < 30 && (await current()) !== ref; i++) await page.keyboard.press('k');
    expect(await current()).toBe(ref);
  };
  const tabTo = async (id: string) => {
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== id; i++)
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(id);
  };
  const retype = async (text: string) => {
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(text);
  };
  const click = async (ref: string, button: string) => {
    await page.click(`.rv-row[data-ref="${ref}"]`);
    await page.waitForSelector(`.rv-row.is-current[data-ref="${ref}"]`);
    await page.click(`.rv-detail ${button}`);
  };

  it('ingests the report chosen in the Review tab: the draft is queued, in source order, all pending', async () => {
    const graphBefore = treeHash(dir);
    await page.setInputFiles('#rv-file', REPORT);
    await page.waitForFunction((slug) => new URL(location.href).searchParams.get('rf') === slug, SLUG);
    await page.waitForSelector(`.rv-row[data-ref="node:${MEETING}"]`);
    expect(await status()).toMatch(new RegExp(SLUG));

    ingested = readFileSync(draftPath(), 'utf8');
    const d = parse(ingested) as DraftFile;
    expect(d.source).toBe('src-dps-51-en');
    // Exactly what the report states: the meetings, the vice chair under a variant spelling of a person graph/
    // knows (a merge candidate), the attendance, the host, a CBPR count, the role, and a project status that
    // differs from graph/'s (an update). Korea's lead of that project is in graph/ already: not drafted again.
    expect(d.nodes.map((n) => [n.id, n.candidates])).toEqual([
      [MEETING, [{ id: 'mtg-desg-2025-1', score: 0.61 }]],
      ['mtg-dps-52', [{ id: 'mtg-desg-2024-2', score: 0.55 }]],
      ['person-sara-pham', [{ id: 'person-sarah-pham', score: 0.89 }]],
    ]);
    expect(d.edges.map(edgeRef)).toEqual([
      `${MEETING}|MEETING_OF|dps`,
      'mtg-dps-52|MEETING_OF|dps',
      ...['AUS', 'CAN', 'JPN', 'KOR', 'PER', 'SGP', 'TWN', 'USA', 'MEX'].map(
        (e) => `${e}|ATTENDED|${MEETING}`,
      ),
      `KOR|HOSTED|${MEETING}`,
      `JPN|PARTICIPATES_IN|cbpr|${SLUG}`,
      'person-sara-pham|HOLDS_ROLE|dps',
      'person-sara-pham|REPRESENTS|USA',
      `person-sara-pham|LED|${MEETING}`,
    ]);
    expect(d.updates).toEqual([
      expect.objectContaining({ node: 'proj-desg-202-2024a', prop: 'status', value: 'completed' }),
    ]);
    for (const e of [...d.nodes, ...d.edges, ...d.updates]) expect(e.review).toBe('pending');
    expect(readFileSync(join(dir, 'sources', `${SLUG}.en.txt`), 'utf8')).toBe(readFileSync(REPORT, 'utf8'));
    // Nothing else in graph/ changed.
    const skipNew = (rel: string) => outsideDraft(rel) || rel === `sources/${SLUG}.en.txt`;
    expect(treeHash(dir, skipNew)).toBe(graphBefore);
    elsewhere = treeHash(dir, outsideDraft);

    const refs = await page.$$eval('.rv-row', (els) => els.map((e) => e.getAttribute('data-ref')));
    expect(refs).toHaveLength(d.nodes.length + d.edges.length + d.updates.length);
    // Source order: the attendance (1.(a)) before the vice chair (1.(b)), the project (2.1), CBPR (3), DPS 52 (4).
    const at = (ref: string) => refs.indexOf(ref);
    expect(at(`edge:AUS|ATTENDED|${MEETING}`)).toBeLessThan(at('node:person-sara-pham'));
    expect(at('node:person-sara-pham')).toBeLessThan(at('update:draft.yaml:0'));
    expect(at('update:draft.yaml:0')).toBeLessThan(at(`edge:JPN|PARTICIPATES_IN|cbpr|${SLUG}`));
    expect(at(`edge:JPN|PARTICIPATES_IN|cbpr|${SLUG}`)).toBeLessThan(at('node:mtg-dps-52'));
    const aus = page.locator(`.rv-row[data-ref="edge:AUS|ATTENDED|${MEETING}"]`);
    expect(await aus.locator('mark').textContent()).toBe(ATTENDANCE_QUOTE);
    await h.screenshot(page, 'review-journey-queue');
  });

  it('decides on that draft with keys and mouse: edit, accept, reject, merge, keep the later value', async () => {
    // Edit (keys): the meeting's date and place, which the ingester did not read from the title block.
    await goTo(`node:${MEETING}`);
    await page.keyboard.press('e');
    await page.waitForSelector('#rv-edit-props');
    await tabTo('rv-edit-props');
    await retype(
      JSON.stringify({
        ordinal: 51,
        startDate: '2025-08-04',
        endDate: '2025-08-05',
        location: 'Incheon, Korea',
      }),
    );
    await tabTo('rv-edit-section');
    await retype('cover');
    await tabTo('rv-edit-quote');
    await retype(COVER_QUOTE);
    await tabTo('rv-edit-save');
    await page.keyboard.press('Enter');
    await decided();

    // Accept (mouse): the meeting's forum and Australia's attendance.
    await click(`edge:${MEETING}|MEETING_OF|dps`, '.rv-accept');
    await decided();
    await click(`edge:AUS|ATTENDED|${MEETING}`, '.rv-accept');
    await decided();
    // Accept (keys): Chinese Taipei's attendance.
    await goTo(`edge:TWN|ATTENDED|${MEETING}`);
    await page.keyboard.press('a');
    await decided();
    // Reject (mouse): Canada's attendance.
    await click(`edge:CAN|ATTENDED|${MEETING}`, '.rv-reject');
    await decided();

    // Merge: m shows the drafted person beside graph/'s candidate; the mouse merges.
    await goTo('node:person-sara-pham');
    await page.keyboard.press('m');
    await page.waitForSelector('.rv-merge .rv-card[data-candidate="person-sarah-pham"]');
    // Each side with its facts: the report's three about Sara Pham, graph/'s about Sarah Pham.
    const known = loadKnowledgeBase(dir).edges.filter(
      (e) => e.from === 'person-sarah-pham' || e.to === 'person-sarah-pham',
    ).length;
    expect(known).toBeGreaterThan(0);
    const cards = await page.$$eval('.rv-merge .rv-card', (els) => els.map((e) => e.textContent ?? ''));
    expect(cards).toHaveLength(2);
    expect(cards[0]).toMatch(/^Sara Pham \(drafted\).*Relationships \(3\)/);
    expect(cards[0]).toContain('→ holds role Data Privacy Sub-Group');
    expect(cards[1]).toMatch(
      new RegExp(`^Sarah Pham \\(person-sarah-pham\\)similarity 0\\.89.*Relationships \\(${known}\\)`),
    );
    await h.screenshot(page, 'review-journey-merge');
    await page.click('.rv-card[data-candidate="person-sarah-pham"] .rv-merge-into');
    await decided();
    // The vice chair's role, now on the existing person (keys).
    await goTo('edge:person-sarah-pham|HOLDS_ROLE|dps');
    await page.keyboard.press('a');
    await decided();

    // The later value: graph/ says ongoing, this report completed; keep the report's (mouse).
    await page.click('.rv-row[data-ref="update:draft.yaml:0"]');
    expect(await page.textContent('.rv-conflict')).toMatch(
      /graph\/ says status of .*\(proj-desg-202-2024a\) is ongoing; this report says completed/,
    );
    await h.screenshot(page, 'review-journey-conflict');
    await page.click('.rv-detail .rv-resolve-later');
    await decided();
  });

  it('wrote exactly those decisions into the YAML, and npm run validate passes on that graph/', async () => {
    const text = readFileSync(draftPath(), 'utf8');
    // The file's comment stays; nothing outside the draft changed.
    expect(text.split('\n').slice(0, 4)).toEqual(ingested.split('\n').slice(0, 4));
    expect(treeHash(dir, outsideDraft)).toBe(elsewhere);

    const before = parse(ingested) as DraftFile;
    const after = parse(text) as DraftFile;
    const byId = (list: Entry[], id: string) => list.find((n) => n.id === id) as Entry;
    const byRef = (list: Entry[], ref: string) => list.find((e) => edgeRef(e) === ref) as Entry;
    const expected = structuredClone(before);
    const meeting = byId(expected.nodes, MEETING);
    meeting.props = {
      ordinal: 51,
      startDate: '2025-08-04',
      endDate: '2025-08-05',
      location: 'Incheon, Korea',
    };
    meeting.prov = [{ section: 'cover', quote: COVER_QUOTE }, ...(meeting.prov as Entry[]).slice(1)];
    meeting.review = 'accepted';
    Object.assign(byId(expected.nodes, 'person-sara-pham'), {
      review: 'merged',
      mergedInto: 'person-sarah-pham',
    });
    for (const e of expected.edges) {
      if (e.from === 'person-sara-pham') e.from = 'person-sarah-pham';
    }
    byRef(expected.edges, `${MEETING}|MEETING_OF|dps`).review = 'accepted';
    byRef(expected.edges, `AUS|ATTENDED|${MEETING}`).review = 'accepted';
    byRef(expected.edges, `TWN|ATTENDED|${MEETING}`).review = 'accepted';
    byRef(expected.edges, `CAN|ATTENDED|${MEETING}`).review = 'rejected';
    byRef(expected.edges, 'person-sarah-pham|HOLDS_ROLE|dps').review = 'accepted';
    (expected.updates[0] as Entry).review = 'accepted';
    expect(after).toEqual(expected);
    // The meeting keeps its second quote (the edit replaced the first, the one the form shows).
    expect(meeting.prov).toHaveLength(2);
    const states = [...after.nodes, ...after.edges, ...after.updates].map((e) => e.review);
    expect(states.filter((s) => s === 'accepted')).toHaveLength(6);
    expect(states.filter((s) => s === 'rejected')).toHaveLength(1);
    expect(states.filter((s) => s === 'merged')).toHaveLength(1);

    const { stdout } = await promisify(execFile)(
      join(REPO_ROOT, 'node_modules/.bin/tsx'),
      [join(REPO_ROOT, 'scripts/validate.ts'), '--dir', dir],
      { cwd: REPO_ROOT },
    );
    // execFile rejects on a non-zero exit: getting here means exit 0.
    expect(stdout).toMatch(/^graph\/ is valid: /);
    const line = stdout.split('\n').find((l) => l.includes(`${SLUG}/:`)) ?? '';
    for (const count of ['12 pending', '6 accepted', '1 rejected', '1 merged']) expect(line).toContain(count);
  });

  it('syncs to Neo4j: the accepted facts are there, the rejected and pending ones are not', async () => {
    await page.click('#rv-sync');
    await page.waitForFunction(() =>
      /up to date/.test(document.querySelector('.rv-status')?.textContent ?? ''),
    );
    const driver = createDriver(cfg);
    const session = driver.session();
    try {
      const one = async (cypher: string) => (await session.run(cypher)).records.map((r) => r.toObject());
      expect(
        await one(
          `MATCH (e:Economy)-[:ATTENDED]->(:Meeting {id: '${MEETING}'}) RETURN e.id AS id ORDER BY id`,
        ),
      ).toEqual([{ id: 'AUS' }, { id: 'TWN' }]);
      expect(
        await one(
          `MATCH (m:Meeting {id: '${MEETING}'})-[:MEETING_OF]->(f) RETURN m.startDate AS start, m.endDate AS end, m.location AS place, m.draft AS draft, f.id AS forum`,
        ),
      ).toEqual([
        { start: '2025-08-04', end: '2025-08-05', place: 'Incheon, Korea', draft: null, forum: 'dps' },
      ]);
      expect(
        await one(
          "MATCH (p:Person)-[r:HOLDS_ROLE]->(:Forum {id: 'dps'}) WHERE r.role = 'vice chair' AND 'src-dps-51-en' IN r.provSources RETURN p.id AS id",
        ),
      ).toEqual([{ id: 'person-sarah-pham' }]);
      expect(
        await one(
          "MATCH (n) WHERE n.id IN ['person-sara-pham', 'mtg-dps-52'] OR (n)-[:ATTENDED]->(:Meeting {id: 'mtg-dps-51'}) AND n.id IN ['CAN', 'JPN', 'MEX'] RETURN n.id AS id",
        ),
      ).toEqual([]);
    } finally {
      await session.close();
      await driver.close();
    }
  });

  it('shows the accepted facts on the page without a reload, and "show in source" highlights the quote', async () => {
    const inPage = await page.evaluate((m) => {
      const g = window.__apecKg?.graph;
      const project = g?.getNodeAttributes('proj-desg-202-2024a') as
        | { history?: Record<string, { value: unknown; source: string; review?: string }[]> }
        | undefined;
      const status = project?.history?.status;
      return {
        notReloaded: (window as unknown as { __journey?: boolean }).__journey === true,
        meeting: g?.getNodeAttribute(m, 'props'),
        aus: g?.hasEdge(`AUS|ATTENDED|${m}`),
        twn: g?.hasEdge(`TWN|ATTENDED|${m}`),
        can: g?.hasEdge(`CAN|ATTENDED|${m}`),
        sara: g?.hasNode('person-sara-pham'),
        role: g?.hasEdge('person-sarah-pham|HOLDS_ROLE|dps'),
        status: status?.map((s) => [s.value, s.source, s.review ?? 'reviewed']),
        // Accepted facts are no longer drafts on the page; a pending one still is.
        drafts: [g?.getNodeAttributes(m), g?.getEdgeAttributes(`AUS|ATTENDED|${m}`)].map(
          (a) => a && 'draft' in a,
        ),
        pendingDraft: g?.getEdgeAttribute(`JPN|ATTENDED|${m}`, 'draft'),
      };
    }, MEETING);
    expect(inPage).toEqual({
      notReloaded: true,
      meeting: { ordinal: 51, startDate: '2025-08-04', endDate: '2025-08-05', location: 'Incheon, Korea' },
      aus: true,
      twn: true,
      can: false,
      sara: false,
      role: true,
      status: [
        ['ongoing', 'src-desg-dps-2025-02', 'reviewed'],
        ['completed', 'src-dps-51-en', 'reviewed'],
      ],
      drafts: [false, false],
      pendingDraft: true,
    });

    // Search and the counts follow the graph as well: the new meeting is found by name, the legend counts it.
    await page.fill('#search-input', '51st DPS');
    await page.waitForSelector(`#search-input-list [role="option"][data-node="${MEETING}"]`);
    await page.fill('#search-input', '');
    const meetings = await page.evaluate(
      () => window.__apecKg?.graph?.filterNodes((_n, a) => a.category === 'Meeting').length,
    );
    expect(meetings).toBeGreaterThan(loadKnowledgeBase().nodes.filter((n) => n.label === 'Meeting').length);
    await page.waitForFunction(
      (n) => document.querySelector('.legend-item[data-label="Meeting"] .count')?.textContent === String(n),
      meetings,
    );

    // The new source's title block: its quote backs the edited meeting, which opens on the graph from there.
    await page.click('#analysis-full');
    await page.click('#tab-sources');
    await page.click('.src-item[data-source="src-dps-51-en"]');
    await page.waitForSelector('.src-text mark.src-hl');
    await page.evaluate((quote) => {
      const mark = [...document.querySelectorAll<HTMLElement>('mark.src-hl')].find((m) =>
        m.textContent?.includes(quote),
      );
      if (!mark) throw new Error(`no highlight holds ${quote}`);
      mark.click();
    }, COVER_QUOTE);
    await page.click(`.src-fact-list li[data-fact="${MEETING}"] button`);
    await page.waitForFunction(
      (m) => document.querySelector('#panel-details')?.getAttribute('data-node') === m,
      MEETING,
    );
    // The graph alone beside the details: from Australia to its new meeting, framed with its neighbours.
    await page.click('#analysis-close');
    await page.waitForFunction(() => document.querySelector('.src-text')?.checkVisibility() === false);
    const selectFromDetails = async (node: string) => {
      await page.click(`#panel-details [data-rel-group] [data-node="${node}"]`);
      await page.waitForFunction(
        (n) => document.querySelector('#panel-details')?.getAttribute('data-node') === n,
        node,
      );
    };
    await selectFromDetails('AUS');
    await selectFromDetails(MEETING);
    // The framing starts once the details panel has opened: wait until the camera has stopped where it went.
    await page.waitForFunction(
      () => {
        const camera = window.__apecKg?.sigma?.getCamera();
        const w = window as unknown as { __lastCamera?: string };
        const now = JSON.stringify(camera?.getState());
        const still = camera?.isAnimated() === false && w.__lastCamera === now;
        w.__lastCamera = now;
        return still;
      },
      undefined,
      { polling: 200 },
    );
    // Framed: the meeting and the two accepted attendees are inside the canvas.
    for (const n of [MEETING, 'AUS', 'TWN']) {
      const p = await h.nodeScreenPosition(page, n);
      const box = await page.locator('#graph').boundingBox();
      expect(
        box && p.x > box.x && p.x < box.x + box.width && p.y > box.y && p.y < box.y + box.height,
        n,
      ).toBe(true);
    }
    // Its neighbourhood is what stands out (the Sources view's quote highlight gave way to the selection):
    // the accepted attendees and the pending ones drawn in front, Canada (rejected) not among them.
    expect(
      await page.evaluate(() =>
        ['AUS', 'TWN', 'JPN', 'CAN'].map((n) => window.__apecKg?.sigma?.getNodeDisplayData(n)?.zIndex),
      ),
    ).toEqual([2, 2, 2, 0]);
    // The details tell the accepted attendances from those still pending review (not in Neo4j).
    const attendees = await page.$$eval(
      '#panel-details [data-rel-group="in:ATTENDED"] .rel-list > li',
      (els) =>
        els.map((li) => [
          li.querySelector('[data-node]')?.getAttribute('data-node'),
          li.querySelector('.draft-chip')?.textContent ?? 'reviewed',
        ]),
    );
    expect(Object.fromEntries(attendees)).toEqual({
      AUS: 'reviewed',
      TWN: 'reviewed',
      ...Object.fromEntries(['JPN', 'KOR', 'PER', 'SGP', 'USA', 'MEX'].map((e) => [e, 'pending review'])),
    });
    expect(await page.$$eval('#panel-details .details-head .draft-chip', (els) => els.length)).toBe(0);
    await h.screenshot(page, 'review-journey-graph');

    // Australia's accepted attendance, its provenance, "show in source".
    const item = page.locator('#panel-details [data-rel-group="in:ATTENDED"] li', {
      has: page.locator('[data-node="AUS"]'),
    });
    await item.locator('details.edge-prov summary').click();
    await item.locator('.show-in-source').click();
    await page.waitForSelector('mark.is-current');
    const where = await page.evaluate(() => {
      const q = new URL(location.href).searchParams;
      return { src: q.get('src'), sec: q.get('sec'), tab: q.get('tab') };
    });
    expect(where).toEqual({ src: 'src-dps-51-en', sec: '1.(a)', tab: 'sources' });
    const marked = await page.$$eval('mark.is-current', (els) =>
      els.map((e) => e.textContent ?? '').join(''),
    );
    expect(squash(marked)).toBe(squash(ATTENDANCE_QUOTE));
    // The quote was brought into view inside the text viewer, not by scrolling the page (its header stays).
    await page.waitForFunction(() => {
      const viewer = document.querySelector('.src-text')?.getBoundingClientRect();
      const m = document.querySelector('mark.is-current')?.getBoundingClientRect();
      return !!viewer && !!m && m.top >= viewer.top && m.bottom <= viewer.bottom;
    });
    expect(await page.evaluate(() => [document.documentElement.scrollTop, document.body.scrollTop])).toEqual([
      0, 0,
    ]);
    await h.screenshot(page, 'review-journey-source');

    // Another Sync refreshes the graph: the quotes already shown are fetched again, not left empty.
    await page.click('#tab-review');
    await page.click('#rv-sync');
    await page.waitForFunction(() =>
      /up to date/.test(document.querySelector('.rv-status')?.textContent ?? ''),
    );
    await selectFromDetails('AUS');
    await selectFromDetails(MEETING);
    await page.waitForSelector('#panel-details section[aria-labelledby="details-prov"] .prov li');
    expect(
      await page.$$eval('#panel-details section[aria-labelledby="details-prov"] .prov li blockquote', (els) =>
        els.map((e) => e.textContent),
      ),
    ).toEqual([COVER_QUOTE, expect.stringContaining('Ms Sara Pham (United States)')]);
    expect(h.pageErrors(page)).toEqual([]);
  });
});
