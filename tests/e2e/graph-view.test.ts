// The graph view in real Chromium: it draws, nodes respond to the mouse, and the language switch relabels.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORY_COLORS } from '../../src/model/palette.js';
import { type Harness, startHarness } from './harness.js';

describe('graph view', () => {
  let h: Harness;
  let page: Page;
  beforeAll(async () => {
    h = await startHarness();
    page = await h.openPage('/');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('loads the whole graph with its precomputed positions', async () => {
    const info = await page.evaluate(async () => {
      const res = await fetch('/api/graph');
      const data = (await res.json()) as { nodes: { key: string; attributes: { x: number; y: number } }[] };
      const g = window.__apecKg?.graph;
      const first = data.nodes[0];
      return {
        order: g?.order,
        expected: data.nodes.length,
        samePosition: first ? g?.getNodeAttribute(first.key, 'x') === first.attributes.x : false,
      };
    });
    expect(info.order).toBe(info.expected);
    expect(info.expected).toBeGreaterThan(50);
    expect(info.samePosition).toBe(true);
  });

  it('draws the graph on the canvas, in the category colours', async () => {
    const stats = await h.samplePixels(page, [CATEGORY_COLORS.Economy, CATEGORY_COLORS.Forum]);
    expect(stats.width).toBeGreaterThan(400);
    expect(stats.inkShare).toBeGreaterThan(0.01);
    expect(stats.colorCounts[CATEGORY_COLORS.Economy]).toBeGreaterThan(50);
    expect(stats.colorCounts[CATEGORY_COLORS.Forum]).toBeGreaterThan(50);
    await h.screenshot(page, 'graph-overview');
  });

  it('opens the details of a node clicked at its screen position', async () => {
    const p = await h.nodeScreenPosition(page, 'JPN');
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(
      () => document.querySelector('#panel-details')?.getAttribute('data-node') === 'JPN',
    );
    await expect.poll(() => page.locator('#details-title').textContent()).toBe('Japan');
    expect(new URL(page.url()).searchParams.get('sel')).toBe('JPN');
  });

  it('highlights the hovered node and its neighbours and dims the rest', async () => {
    await page.keyboard.press('Escape');
    const isolated = await h.isolatedNode(page, 'Economy');
    const target = await page.evaluate((node) => {
      const g = window.__apecKg?.graph;
      if (!g) throw new Error('no graph');
      const neighbour = g.neighbors(node)[0] as string;
      const stranger = g.findNode((n) => n !== node && !g.areNeighbors(n, node)) as string;
      return { node, neighbour, stranger };
    }, isolated);
    const p = await h.nodeScreenPosition(page, target.node);
    await page.mouse.move(p.x, p.y);
    await page.waitForFunction(
      ({ stranger }) => window.__apecKg?.sigma?.getNodeDisplayData(stranger)?.color === '#dde1e6',
      target,
    );
    const colors = await page.evaluate(({ node, neighbour }) => {
      const sigma = window.__apecKg?.sigma;
      return [sigma?.getNodeDisplayData(node)?.color, sigma?.getNodeDisplayData(neighbour)?.color];
    }, target);
    expect(colors[0]).toBe(CATEGORY_COLORS.Economy);
    expect(colors[1]).not.toBe('#dde1e6');
    // Leave over an empty corner of the canvas (not off it), so sigma also clears its own hover drawing.
    const box = await page.locator('#graph').boundingBox();
    if (!box) throw new Error('no canvas');
    await page.mouse.move(box.x + 4, box.y + box.height - 4);
    await page.waitForFunction(
      ({ stranger }) => window.__apecKg?.sigma?.getNodeDisplayData(stranger)?.color !== '#dde1e6',
      target,
    );
  });

  it('switches UI strings and node labels to Traditional Chinese and back', async () => {
    // No selection here: a selection dims (and unlabels) everything outside its neighbourhood.
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('sel'));
    await page.click('button[data-lang="zh-Hant"]');
    await page.waitForFunction(() => window.__apecKg?.sigma?.getNodeDisplayData('TWN')?.label === '中華台北');
    expect(await page.locator('#legend-title').textContent()).toBe('節點類型');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hant');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('zh-Hant');
    await h.screenshot(page, 'graph-zh-Hant');
    await page.click('button[data-lang="en"]');
    await page.waitForFunction(
      () => window.__apecKg?.sigma?.getNodeDisplayData('TWN')?.label === 'Chinese Taipei',
    );
    expect(await page.locator('#legend-title').textContent()).toBe('Node types');
  });

  it('re-runs ForceAtlas2 in a worker, stops it, and resets to the precomputed positions', async () => {
    await page.click('#layout-run');
    expect(await page.getAttribute('#layout-run', 'aria-pressed')).toBe('true');
    await page.waitForFunction(() => {
      const g = window.__apecKg?.graph;
      return !!g && g.someNode((_n, a) => a.x !== a.x0 || a.y !== a.y0);
    });
    await page.click('#layout-run');
    expect(await page.getAttribute('#layout-run', 'aria-pressed')).toBe('false');
    await page.click('#layout-reset');
    const moved = await page.evaluate(
      () => window.__apecKg?.graph?.filterNodes((_n, a) => a.x !== a.x0 || a.y !== a.y0).length,
    );
    expect(moved).toBe(0);
  });

  it('shows in the header that the database is connected, with its version', async () => {
    await page.waitForFunction(
      () => document.querySelector('#neo4j-status')?.getAttribute('data-state') === 'up',
    );
    expect(await page.locator('#neo4j-status .status-text').textContent()).toMatch(/^Neo4j \d+\.\d+/);
  });
});

describe('graph view without a database', () => {
  let h: Harness;
  afterAll(async () => {
    await h?.close();
  });

  it('still shows the graph, and the header says how to connect Neo4j', async () => {
    h = await startHarness({ neo4j: null });
    const page = await h.openPage('/');
    expect(await page.evaluate(() => window.__apecKg?.graph?.order)).toBeGreaterThan(50);
    await page.waitForFunction(
      () => document.querySelector('#neo4j-status')?.getAttribute('data-state') === 'down',
    );
    await page.click('#neo4j-status summary');
    expect(await page.locator('.status-help').isVisible()).toBe(true);
    expect(await page.locator('.status-help').textContent()).toMatch(/NEO4J_URI/);
  });
});
