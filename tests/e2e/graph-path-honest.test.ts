// Honest shortest paths in real Chromium: only what is visible, hubs and relationship types left out on
// request, the k shortest alternatives, each read as a chain with the sources of its relationships.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Harness, useHarness } from './harness.js';

interface Listed {
  nodes: string[];
  edges: string[];
  chain: string;
}

/** The alternatives as listed: node ids, the relationships of each (from the sources), and the chain's text. */
function listed(page: Page): Promise<Listed[]> {
  return page.$$eval('#path-result .path-alt', (alts) =>
    alts.map((alt) => ({
      nodes: [...alt.querySelectorAll('.path-node')].map((n) => n.getAttribute('data-node') ?? ''),
      edges: [...alt.querySelectorAll('.path-source')].map((n) => n.getAttribute('data-edge') ?? ''),
      chain: [...alt.querySelectorAll('.path-chain > li')]
        .map((li) => (li.querySelector('.node-link') ?? li).textContent)
        .join(' '),
    })),
  );
}

/** Waits until the address has `key=value` (the page's CSP allows no string evaluation), then lists the paths. */
async function settle(page: Page, key: string, value: string): Promise<Listed[]> {
  await page.waitForFunction(({ k, v }) => new URL(location.href).searchParams.get(k) === v, {
    k: key,
    v: value,
  });
  return listed(page);
}

const relOf = (edge: string) => edge.split('|')[1];

describe('honest shortest paths', () => {
  let h: Harness;
  let page: Page;
  useHarness({ open: '/?pathFrom=VNM&pathTo=JPN' }, (started, opened) => {
    h = started;
    page = opened;
  });
  beforeAll(async () => {
    await page.waitForSelector('#path-result .path-alt');
  });

  it('lists five alternatives by default, shortest first, each a chain with its sources', async () => {
    const alts = await listed(page);
    expect(alts).toHaveLength(5);
    const hops = alts.map((a) => a.nodes.length);
    expect([...hops].sort((a, b) => a - b)).toEqual(hops);
    for (const a of alts) {
      expect(a.nodes[0]).toBe('VNM');
      expect(a.nodes.at(-1)).toBe('JPN');
      expect(new Set(a.nodes).size).toBe(a.nodes.length);
      expect(a.chain).toMatch(/^Viet Nam.*(–[a-z ]+→|←[a-z ]+–).*Japan/);
      expect(a.edges.length).toBeGreaterThanOrEqual(a.nodes.length - 1);
    }
    // Every relationship's source is quoted beneath its chain.
    await page.click('#path-result .path-alt[data-path-index="0"] .path-sources summary');
    const quotes = await page.$$eval(
      '#path-result .path-alt[data-path-index="0"] .path-source blockquote',
      (q) => q.map((x) => x.textContent ?? ''),
    );
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.every((q) => q.length > 0)).toBe(true);
    await h.screenshot(page, 'graph-path-alternatives');
  });

  it('leaves out a hub and relationship types on request, and keeps them in the URL', async () => {
    const before = await listed(page);
    const viaApec = before.some((a) => a.nodes.includes('apec'));
    if (viaApec) await page.click('#path-result .path-avoid-node[data-avoid="apec"]');
    else {
      await page.click('.path-options summary');
      await page.fill('#path-avoid', 'APEC');
      await page.click('#path-avoid-list [role="option"][data-node="apec"]');
    }
    let alts = await settle(page, 'pathAvoid', 'apec');
    expect(alts.length).toBeGreaterThan(0);
    for (const a of alts) expect(a.nodes).not.toContain('apec');

    if (!(await page.isVisible('input[data-path-rel="ASKED"]'))) await page.click('.path-options summary');
    await page.click('input[data-path-rel="ASKED"]');
    await page.click('input[data-path-rel="MEMBER_OF"]');
    alts = await settle(page, 'pathNoRel', 'ASKED,MEMBER_OF');
    expect(alts.length).toBeGreaterThan(0);
    for (const a of alts) for (const e of a.edges) expect(['ASKED', 'MEMBER_OF']).not.toContain(relOf(e));

    await page.fill('#path-max-degree', '40');
    await page.press('#path-max-degree', 'Enter');
    alts = await settle(page, 'pathMaxDeg', '40');
    const degrees = await page.evaluate(
      (ids) => ids.map((n) => window.__apecKg?.graph?.degree(n) ?? 0),
      alts.flatMap((a) => a.nodes.slice(1, -1)),
    );
    expect(degrees.every((d) => d <= 40)).toBe(true);
  });

  it('uses only what the filters leave visible', async () => {
    const before = await listed(page);
    const used = relOf(before[0]?.edges[0] ?? '') as string;
    await page.click('.rel-filter summary');
    await page.click(`input[data-rel="${used}"]`);
    await page.waitForFunction((r) => new URL(location.href).searchParams.get('hideRel') === r, used);
    await page.waitForFunction(
      (r) =>
        ![...document.querySelectorAll('#path-result .path-source')].some(
          (s) => s.getAttribute('data-edge')?.split('|')[1] === r,
        ),
      used,
    );
    const alts = await listed(page);
    const hidden = await page.evaluate(
      (edges) => edges.filter((e) => window.__apecKg?.graph?.getEdgeAttribute(e, 'hidden')),
      alts.flatMap((a) => a.edges),
    );
    expect(hidden).toEqual([]);
    for (const a of alts) for (const e of a.edges) expect(relOf(e)).not.toBe(used);
  });
});
