// Framing and large relationship groups in real Chromium at 1440×900: a selection fits the node and its
// neighbourhood beside the panels; query results fit the graph left beside the console; a group of more than
// 12 relationships gets an expander with its count, sub-grouped by the label at the other end.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Harness, useHarness } from './harness.js';

/** Waits for the camera to stop, then lists the given nodes that lie outside the canvas as it is laid out. */
async function offScreen(page: Page, nodes: string[]): Promise<string[]> {
  await page.waitForFunction(() => window.__apecKg?.sigma?.getCamera().isAnimated() === false);
  return page.evaluate((ids) => {
    const sigma = window.__apecKg?.sigma;
    const g = window.__apecKg?.graph;
    if (!sigma || !g) throw new Error('not ready');
    const box = sigma.getContainer().getBoundingClientRect();
    sigma.resize();
    return ids.filter((n) => {
      const p = sigma.graphToViewport(g.getNodeAttributes(n));
      return !(p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height);
    });
  }, nodes);
}

describe('framing and large groups', () => {
  let h: Harness;
  let page: Page;
  useHarness({ viewport: { width: 1440, height: 900 }, open: '/' }, (started, opened) => {
    h = started;
    page = opened;
  });

  it('fits DESG 203 2024A and its lead economy beside the details panel', async () => {
    await page.fill('#search-input', 'AI in Trade Context');
    await page.click('#search-input-list [role="option"][data-node="proj-desg-203-2024a"]');
    await page.waitForFunction(
      () => document.querySelector('#panel-details')?.getAttribute('data-node') === 'proj-desg-203-2024a',
    );
    const around = await page.evaluate(() => {
      const g = window.__apecKg?.graph;
      return g?.filterNeighbors('proj-desg-203-2024a', (_n, a) => !a.hidden) ?? [];
    });
    const lead = await page.evaluate(() => {
      const g = window.__apecKg?.graph;
      return g
        ?.filterInEdges('proj-desg-203-2024a', (_e, a) => a.relType === 'LEADS')
        .map((e) => g.source(e));
    });
    expect(lead?.length).toBeGreaterThan(0);
    expect(around.length).toBeGreaterThan(1);
    expect(around).toEqual(expect.arrayContaining(lead ?? []));
    expect(await offScreen(page, ['proj-desg-203-2024a', ...around])).toEqual([]);
    await h.screenshot(page, 'graph-framing');
  });

  it('shows CBPR’s 17 participants behind an expander, the 9 economies apart from the rest', async () => {
    const p = await h.openPage('/?sel=cbpr');
    try {
      const group = p.locator('[data-rel-group="in:PARTICIPATES_IN"]');
      const total = await p.evaluate(() => {
        const g = window.__apecKg?.graph;
        return g?.filterInEdges('cbpr', (_e, a) => a.relType === 'PARTICIPATES_IN').length ?? 0;
      });
      expect(total).toBeGreaterThan(12);
      expect(await group.getAttribute('open')).toBeNull();
      const expander = group.locator('.rel-expander');
      expect(await expander.isVisible()).toBe(true);
      expect(await expander.textContent()).toContain(`Show all ${total}`);
      await expander.click();
      await p.waitForFunction(() =>
        document.querySelector('[data-rel-group="in:PARTICIPATES_IN"]')?.hasAttribute('open'),
      );
      const subs = await group.locator('.rel-subgroup').evaluateAll((els) =>
        els.map((el) => ({
          label: el.getAttribute('data-rel-label'),
          heading: el.querySelector('h5')?.textContent,
          items: el.querySelectorAll('li .node-link').length,
        })),
      );
      expect(subs[0]).toEqual({ label: 'Economy', heading: 'Economies (9)', items: 9 });
      expect(subs.length).toBeGreaterThan(1);
      expect(subs.reduce((n, s) => n + s.items, 0)).toBe(total);
      // Small groups stay open and flat.
      const small = await p.$$eval('.rel-group:not(.rel-group-large)', (els) =>
        els.every((el) => el.hasAttribute('open') && !el.querySelector('.rel-subgroup')),
      );
      expect(small).toBe(true);
      await h.screenshot(p, 'graph-large-group');
    } finally {
      await p.close();
    }
  });

  it('fits a Cypher result into the graph left beside the console', async () => {
    const p = await h.openPage('/');
    try {
      await p.evaluate(() => window.__apecKg?.sigma?.getCamera().setState({ x: 0.9, y: 0.9, ratio: 0.1 }));
      await p.click('#tab-cypher');
      await p.locator('button[data-query="attended-neither-meeting"]').click();
      await p.waitForSelector('.cq-table tbody tr');
      const ids = await p.$$eval('.cq-table tbody tr td:first-child [data-node]', (els) =>
        els.map((el) => (el as HTMLElement).dataset.node as string),
      );
      expect(ids.length).toBeGreaterThan(0);
      await p.waitForFunction(() => (window.__apecKg?.sigma?.getCamera().ratio ?? 0) > 0.1);
      expect(await offScreen(p, ids)).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
