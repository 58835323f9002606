// Search in real Chromium: aliases in either language find the same node; the keyboard drives the list.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Harness, useHarness } from './harness.js';

async function optionIds(page: Page): Promise<string[]> {
  await page.waitForSelector('#search-input-list [role="option"]');
  return page.$$eval('#search-input-list [role="option"]', (els) =>
    els.map((e) => e.getAttribute('data-node') ?? ''),
  );
}

describe('search', () => {
  let h: Harness;
  let page: Page;
  useHarness({ open: '/' }, (started, opened) => {
    h = started;
    page = opened;
  });

  it('finds Chinese Taipei by 我國, and Enter opens its details and flies there', async () => {
    const before = await page.evaluate(() => window.__apecKg?.sigma?.getCamera().getState());
    await page.fill('#search-input', '我國');
    expect((await optionIds(page))[0]).toBe('TWN');
    expect(await page.getAttribute('#search-input', 'aria-expanded')).toBe('true');
    await h.screenshot(page, 'graph-search');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.querySelector('#panel-details')?.getAttribute('data-node') === 'TWN',
    );
    expect(await page.locator('#details-title').textContent()).toBe('Chinese Taipei');
    expect(await page.locator('#panel-details .other-name').textContent()).toBe('中華台北');
    expect(await page.getAttribute('#search-input', 'aria-expanded')).toBe('false');
    await page.waitForFunction(
      (ratio) => (window.__apecKg?.sigma?.getCamera().getState().ratio ?? 1) < (ratio ?? 1),
      before?.ratio,
    );
  });

  it('finds the same economy by 中華台北, Taiwan, 中華臺北, its English name in any case or width, and its code', async () => {
    // Aliases come from graph/base/economies.yaml.
    for (const q of [
      '中華台北',
      'Taiwan',
      '中華臺北',
      'chinese taipei',
      'ＣＨＩＮＥＳＥ　ＴＡＩＰＥＩ',
      'twn',
    ]) {
      await page.fill('#search-input', q);
      expect((await optionIds(page))[0], q).toBe('TWN');
    }
  });

  it('finds Korea by 韓國', async () => {
    await page.fill('#search-input', '韓國');
    expect((await optionIds(page))[0]).toBe('KOR');
  });

  it('moves through results with the arrow keys and closes with Escape', async () => {
    await page.fill('#search-input', 'privacy');
    const ids = await optionIds(page);
    expect(ids.length).toBeGreaterThan(2);
    const active = () => page.getAttribute('#search-input', 'aria-activedescendant');
    expect(await active()).toBe('search-input-list-0');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await active()).toBe('search-input-list-2');
    expect(await page.getAttribute('#search-input-list-2', 'aria-selected')).toBe('true');
    await page.keyboard.press('ArrowUp');
    expect(await active()).toBe('search-input-list-1');
    await page.keyboard.press('Escape');
    expect(await page.getAttribute('#search-input', 'aria-expanded')).toBe('false');
    expect(await page.locator('#search-input-list').isHidden()).toBe(true);
  });

  it('says so when nothing matches', async () => {
    await page.fill('#search-input', 'Atlantis');
    await page.waitForSelector('#search-input-list .combo-empty');
    expect(await page.$$('#search-input-list [role="option"]')).toHaveLength(0);
  });
});
