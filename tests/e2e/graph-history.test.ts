// History in real Chromium: every navigation is an entry, Back and Forward walk through them inside the page,
// camera moves replace the entry, Ctrl+Z / Ctrl+Shift+Z undo and redo, and a query's highlight goes away
// when the console closes or another node is selected.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Harness, useHarness } from './harness.js';

const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

async function selectBySearch(page: Page, query: string, node: string): Promise<void> {
  await page.fill('#search-input', query);
  await page.click(`#search-input-list [role="option"][data-node="${node}"]`);
  await page.waitForFunction(
    (n) => document.querySelector('#panel-details')?.getAttribute('data-node') === n,
    node,
  );
}

async function waitForSelection(page: Page, node: string | null): Promise<void> {
  await page.waitForFunction(
    (n) => new URL(location.href).searchParams.get('sel') === n && window.__apecKg?.sigma !== undefined,
    node,
  );
}

describe('history', () => {
  let h: Harness;
  let page: Page;
  useHarness({ open: '/' }, (started, opened) => {
    h = started;
    page = opened;
  });

  it('walks Back through three selections without leaving the explorer, and Forward again', async () => {
    const origin = new URL(page.url()).origin;
    const start = await page.evaluate(() => history.length);
    await selectBySearch(page, 'Chinese Taipei', 'TWN');
    await page.click('#panel-details .rel-list .node-link[data-node="cbpr"]');
    await waitForSelection(page, 'cbpr');
    await selectBySearch(page, 'Japan', 'JPN');
    // The camera flew three times and will settle: moves replace the entry, they add none.
    await page.waitForFunction(() => new URL(location.href).searchParams.has('cam'));
    expect(await page.evaluate(() => history.length)).toBe(start + 3);

    const seen: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goBack();
      seen.push(param(page, 'sel'));
      expect(new URL(page.url()).origin).toBe(origin);
    }
    expect(seen).toEqual(['cbpr', 'TWN', null]);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#panel-details')?.hidden === true);
    await page.goForward();
    await waitForSelection(page, 'TWN');
    await page.waitForFunction(
      () => document.querySelector('#panel-details')?.getAttribute('data-node') === 'TWN',
    );
  });

  it('undoes and redoes a filter change with Ctrl+Z and Ctrl+Shift+Z, never past the first entry', async () => {
    const fresh = await h.openPage('/');
    try {
      const visible = () =>
        fresh.evaluate(() => document.querySelector('#visible-count')?.getAttribute('data-nodes'));
      const all = await visible();
      await fresh.click('.rel-filter summary');
      await fresh.click('input[data-rel="REPRESENTS"]');
      await fresh.click('input[data-rel="ASKED"]');
      const filtered = param(fresh, 'hideRel');
      expect(filtered).toContain('REPRESENTS');
      await fresh.locator('#graph').click({ position: { x: 5, y: 5 } });
      await fresh.keyboard.press('Control+z');
      await fresh.waitForFunction((f) => new URL(location.href).searchParams.get('hideRel') !== f, filtered);
      expect(param(fresh, 'hideRel')).toBe('REPRESENTS');
      await fresh.keyboard.press('Control+z');
      await fresh.waitForFunction(() => !new URL(location.href).searchParams.has('hideRel'));
      expect(await visible()).toBe(all);
      // Nothing of the explorer's lies behind: a further undo stays on the page.
      await fresh.keyboard.press('Control+z');
      await h.waitForRender(fresh);
      expect(fresh.url()).toMatch(/^http/);
      await fresh.keyboard.press('Control+Shift+z');
      await fresh.waitForFunction(() => new URL(location.href).searchParams.get('hideRel') === 'REPRESENTS');
      await fresh.waitForFunction(
        () => document.querySelector<HTMLInputElement>('input[data-rel="REPRESENTS"]')?.checked === false,
      );
    } finally {
      await fresh.close();
    }
  });

  it('makes a query run an entry, and clears its highlight on another selection and when the console closes', async () => {
    const p = await h.openPage('/');
    try {
      const dimmed = (node: string) =>
        p.evaluate((n) => {
          const sigma = window.__apecKg?.sigma;
          const d = sigma?.getNodeDisplayData(n);
          return d?.color;
        }, node);
      const normal = await dimmed('AUS');
      await p.click('#tab-cypher');
      await p.locator('button[data-query="attended-neither-meeting"]').click();
      await p.waitForSelector('.cq-table tbody tr');
      await h.waitForRender(p);
      // Australia attended both meetings: outside the answer, so greyed out.
      expect(await dimmed('AUS')).not.toBe(normal);
      await p.goBack();
      expect(param(p, 'q')).toBeNull();
      await p.goForward();
      expect(param(p, 'q')).toBe('attended-neither-meeting');

      await selectBySearch(p, 'Australia', 'AUS');
      await h.waitForRender(p);
      const selectedColor = await dimmed('AUS');
      expect(selectedColor).toBe(normal);

      await p.locator('button[data-query="attended-neither-meeting"]').click();
      await p.waitForSelector('.cq-table tbody tr');
      await p.click('#analysis-close');
      await p.waitForFunction(() => !new URL(location.href).searchParams.has('tab'));
      await h.waitForRender(p);
      // With the console closed, no node outside the answer is greyed out any more.
      const neighbourDimmed = await p.evaluate(() => {
        const sigma = window.__apecKg?.sigma;
        const g = window.__apecKg?.graph;
        if (!sigma || !g) throw new Error('not ready');
        return g
          .filterNodes((n) => g.areNeighbors(n, 'AUS') || n === 'AUS')
          .filter((n) => sigma.getNodeDisplayData(n)?.color !== g.getNodeAttribute(n, 'color'));
      });
      expect(neighbourDimmed).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
