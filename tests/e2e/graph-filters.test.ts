// Filters and deep links in real Chromium: the legend and filter panel set `hidden` on the one graph,
// counts follow, and the address carries the whole view to a new page.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Harness, useHarness } from './harness.js';

function hiddenSummary(page: Page, label: string) {
  return page.evaluate((l) => {
    const g = window.__apecKg?.graph;
    if (!g) throw new Error('no graph');
    let withLabel = 0;
    let hiddenWithLabel = 0;
    let hiddenOthers = 0;
    let visible = 0;
    g.forEachNode((_n, a) => {
      if (a.category === l) {
        withLabel += 1;
        if (a.hidden) hiddenWithLabel += 1;
      } else if (a.hidden) hiddenOthers += 1;
      if (!a.hidden) visible += 1;
    });
    const touching = g.filterEdges(
      (_e, _a, s, t) => g.getNodeAttribute(s, 'category') === l || g.getNodeAttribute(t, 'category') === l,
    );
    const touchingShown = touching.filter((e) => !g.getEdgeAttribute(e, 'hidden')).length;
    return { withLabel, hiddenWithLabel, hiddenOthers, visible, order: g.order, touchingShown };
  }, label);
}

describe('filters and deep links', () => {
  let h: Harness;
  let page: Page;
  useHarness({ open: '/' }, (started, opened) => {
    h = started;
    page = opened;
  });

  it('hides a node type from the legend, with its relationships, and updates the counts', async () => {
    await page.click('.legend-item[data-label="Organization"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('hide') === 'Organization');
    const s = await hiddenSummary(page, 'Organization');
    expect(s.withLabel).toBeGreaterThan(0);
    expect(s.hiddenWithLabel).toBe(s.withLabel);
    expect(s.hiddenOthers).toBe(0);
    expect(s.touchingShown).toBe(0);
    expect(await page.getAttribute('#visible-count', 'data-nodes')).toBe(String(s.visible));
    expect(await page.getAttribute('.legend-item[data-label="Organization"]', 'aria-pressed')).toBe('false');
    expect(await page.locator('.legend-item[data-label="Organization"] .count').textContent()).toBe(
      `0/${s.withLabel}`,
    );
    await h.screenshot(page, 'graph-filtered');
  });

  it('hides a relationship type without hiding nodes', async () => {
    await page.click('#filters-reset');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('hide'));
    await page.click('.rel-filter summary');
    await page.click('input[data-rel="REPRESENTS"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('hideRel') === 'REPRESENTS');
    const r = await page.evaluate(() => {
      const g = window.__apecKg?.graph;
      if (!g) throw new Error('no graph');
      const reps = g.filterEdges((_e, a) => a.relType === 'REPRESENTS');
      return {
        size: g.size,
        reps: reps.length,
        hiddenReps: reps.filter((e) => g.getEdgeAttribute(e, 'hidden')).length,
        hiddenNodes: g.filterNodes((_n, a) => !!a.hidden).length,
        hiddenOther: g.filterEdges((_e, a) => a.relType !== 'REPRESENTS' && !!a.hidden).length,
      };
    });
    expect(r.reps).toBeGreaterThan(0);
    expect(r.hiddenReps).toBe(r.reps);
    expect(r.hiddenNodes).toBe(0);
    expect(r.hiddenOther).toBe(0);
    expect(await page.getAttribute('#visible-count', 'data-edges')).toBe(String(r.size - r.reps));
  });

  it('shows only what is connected to a chosen meeting', async () => {
    await page.click('#filters-reset');
    await page.selectOption('#filter-meeting', 'mtg-desg-2025-1');
    await page.waitForFunction(
      () => new URL(location.href).searchParams.get('meeting') === 'mtg-desg-2025-1',
    );
    const m = await page.evaluate(() => {
      const g = window.__apecKg?.graph;
      if (!g) throw new Error('no graph');
      const visible = g.filterNodes((_n, a) => !a.hidden);
      const sessions = g.filterInNeighbors('mtg-desg-2025-1', (_n, a) => a.category === 'Session');
      const unrelated = visible.filter(
        (n) =>
          n !== 'mtg-desg-2025-1' &&
          !g.areNeighbors(n, 'mtg-desg-2025-1') &&
          !sessions.some((s) => g.areNeighbors(n, s) || n === s),
      );
      return {
        visible: visible.length,
        order: g.order,
        meetingShown: visible.includes('mtg-desg-2025-1'),
        unrelated,
      };
    });
    expect(m.meetingShown).toBe(true);
    expect(m.visible).toBeLessThan(m.order);
    expect(m.unrelated).toEqual([]);
  });

  it('restores filters, selection and language from a link', async () => {
    const linked = await h.openPage('/?lang=zh-Hant&hide=Person&sel=TWN');
    await linked.waitForSelector('#panel-details[data-node="TWN"]');
    const s = await hiddenSummary(linked, 'Person');
    expect(s.hiddenWithLabel).toBe(s.withLabel);
    expect(s.hiddenOthers).toBe(0);
    expect(await linked.getAttribute('#panel-details', 'data-node')).toBe('TWN');
    expect(await linked.locator('#details-title').textContent()).toBe('中華台北');
    expect(await linked.evaluate(() => window.__apecKg?.sigma?.getNodeDisplayData('TWN')?.label)).toBe(
      '中華台北',
    );
    expect(await linked.getAttribute('button[data-lang="zh-Hant"]', 'aria-pressed')).toBe('true');
    expect(await linked.getAttribute('.legend-item[data-label="Person"]', 'aria-pressed')).toBe('false');
    await linked.close();
  });

  it('writes the economy profile for an economy, with what it is absent from', async () => {
    const p = await h.openPage('/?sel=TWN');
    await p.waitForSelector('#panel-details .profile');
    const text = await p.locator('#panel-details .profile').textContent();
    expect(text).toContain('Meetings attended');
    expect(text).toContain('Absent from');
    const links = await p.$$eval('#panel-details .profile .node-link', (els) =>
      els.map((e) => e.getAttribute('data-node')),
    );
    expect(links).toContain('cbpr');
    await h.screenshot(p, 'graph-details-economy');
    // A relationship in the list selects the node at its other end.
    await p.click('#panel-details .rel-list .node-link[data-node="cbpr"]');
    await p.waitForFunction(
      () => document.querySelector('#panel-details')?.getAttribute('data-node') === 'cbpr',
    );
    expect(new URL(p.url()).searchParams.get('sel')).toBe('cbpr');
    await p.keyboard.press('Escape');
    await p.waitForFunction(() => document.querySelector<HTMLElement>('#panel-details')?.hidden === true);
    await p.close();
  });
});
