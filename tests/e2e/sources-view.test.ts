// The Sources view in real Chromium (static mode: it needs no database): the list, the full text with every
// backing quote highlighted, the outline, a quote's facts, "show in source" from the details panel and the
// coverage evidence, and the state in the URL.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/model/read.js';
import { listSources } from '../../src/model/source-text-list.js';
import { type Harness, useHarness } from './harness.js';

const SEED = 'src-desg-dps-2025-02';
const squash = (s: string) => s.replace(/\s+/gu, '');

/** The current quote's marks are inside the text viewer's visible box. */
async function currentQuoteVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const viewer = document.querySelector('.src-text')?.getBoundingClientRect();
    const mark = document.querySelector('mark.is-current')?.getBoundingClientRect();
    if (!viewer || !mark) return false;
    return mark.top >= viewer.top && mark.bottom <= viewer.bottom;
  });
}

const currentText = (page: Page) =>
  page.$$eval('mark.is-current', (els) => els.map((e) => e.textContent ?? '').join(''));

const extra = (page: Page, key: string) =>
  page.evaluate((k) => new URL(location.href).searchParams.get(k), key);

describe('sources view', () => {
  let h: Harness;
  const kb = loadKnowledgeBase();
  useHarness({ neo4j: null }, (started) => {
    h = started;
  });

  it('lists every source with its counts and shows the full text with every backing quote highlighted', async () => {
    const page = await h.openPage('/?tab=sources');
    await page.waitForSelector('.src-item');
    const items = await page.$$eval('.src-item', (els) =>
      els.map((e) => ({ id: e.getAttribute('data-source'), text: e.textContent ?? '' })),
    );
    const expected = listSources(kb);
    expect(items.map((i) => i.id)).toEqual(expected.map((s) => s.id));
    const seed = expected.find((s) => s.id === SEED);
    expect(items.find((i) => i.id === SEED)?.text).toContain(`${seed?.backed} facts, 0 pending review`);

    await page.click(`.src-item[data-source="${SEED}"]`);
    await page.waitForSelector('.src-text mark.src-hl');
    expect(await extra(page, 'src')).toBe(SEED);
    const text = await page.$eval('.src-text', (e) => e.textContent ?? '');
    expect(text).toBe(kb.sourceTexts.get(SEED));
    // Every quote of every fact from this source is inside a highlight: the text with unmarked characters
    // replaced by a bar must still contain it.
    const marked = await page.$eval('.src-text', (root) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let out = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const inMark = !!n.parentElement?.closest('mark.src-hl');
        out += inMark ? (n.textContent ?? '') : (n.textContent ?? '').replace(/\S/gu, '|');
      }
      return out.replace(/\s+/gu, '');
    });
    const quotes = [...kb.nodes, ...kb.edges].flatMap((f) =>
      f.prov.filter((p) => p.source === SEED).map((p) => squash(p.quote)),
    );
    expect(quotes.length).toBeGreaterThan(1000);
    for (const q of quotes) expect(marked.includes(q), q).toBe(true);
    await h.screenshot(page, 'sources-view');
    await page.close();
  });

  it('jumps through the outline and lists the facts of a clicked quote, which select on the graph', async () => {
    const page = await h.openPage(`/?tab=sources&x.src=${SEED}`);
    await page.waitForSelector('.src-sec[data-section="貳.三.(六)"]');
    await page.click('.src-sec[data-section="貳.三.(六)"]');
    expect(await extra(page, 'sec')).toBe('貳.三.(六)');
    // The heading of that section is at the top of the text viewer.
    await page.waitForFunction(() => {
      const viewer = document.querySelector('.src-text');
      if (!viewer) return false;
      const box = viewer.getBoundingClientRect();
      const probe = document.elementFromPoint(box.left + 20, box.top + 14);
      return probe?.closest('.src-block')?.textContent?.includes('(六) 政策對話') ?? false;
    });

    await page.click('.src-sec[data-section="貳.一.(八).4"]');
    // The first mark of the sentence about the GPA in Seoul (several facts quote parts of it).
    await page.evaluate(() => {
      const mark = [...document.querySelectorAll<HTMLElement>('mark.src-hl')].find((m) =>
        m.textContent?.includes('首爾'),
      );
      if (!mark) throw new Error('no highlight mentions 首爾');
      mark.click();
    });
    await page.waitForSelector('.src-fact-list li[data-fact]');
    const facts = await page.$$eval('.src-fact-list li[data-fact]', (els) =>
      els.map((e) => e.getAttribute('data-fact')),
    );
    expect(facts).toContain('mtg-gpa-2025');
    expect(await extra(page, 'at')).toMatch(/^\d+-\d+$/);
    expect(await extra(page, 'sec')).toBe('貳.一.(八).4');
    await h.screenshot(page, 'sources-quote');
    // The keyboard way: the next quote after this one becomes the selected one.
    const at = Number((await extra(page, 'at'))?.split('-')[0]);
    await page.focus('#src-next');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (before) => Number(new URL(location.href).searchParams.get('at')?.split('-')[0]) > before,
      at,
    );
    await page.click('.src-fact-list li[data-fact="mtg-gpa-2025"] button');
    await page.waitForFunction(
      () => document.querySelector('#panel-details')?.getAttribute('data-node') === 'mtg-gpa-2025',
    );
    await page.close();
  });

  it('"show in source" from the details panel opens the source scrolled to that quote, and a reload keeps it', async () => {
    const page = await h.openPage('/?sel=mtg-dps-50');
    const quote = kb.nodes.find((n) => n.id === 'mtg-dps-50')?.prov[4];
    expect(quote?.quote).toBe('26 February, 14:00 – 17:00');
    await page
      .locator('#panel-details section[aria-labelledby="details-prov"] .prov li')
      .nth(4)
      .locator('.show-in-source')
      .click();
    await page.waitForSelector('mark.is-current');
    expect(await extra(page, 'src')).toBe(SEED);
    expect(await extra(page, 'sec')).toBe('附件.DPS');
    expect(squash(await currentText(page))).toBe(squash(quote?.quote ?? ''));
    await page.waitForFunction(() => {
      const viewer = document.querySelector('.src-text')?.getBoundingClientRect();
      const m = document.querySelector('mark.is-current')?.getBoundingClientRect();
      return !!viewer && !!m && m.top >= viewer.top && m.bottom <= viewer.bottom;
    });
    const url = page.url();
    await page.close();

    const again = await h.openPage(new URL(url).pathname + new URL(url).search);
    await again.waitForSelector('mark.is-current');
    expect(squash(await currentText(again))).toBe(squash(quote?.quote ?? ''));
    expect(await currentQuoteVisible(again)).toBe(true);
    await again.close();
  });

  it('"show in source" from the coverage evidence highlights the quote of that fact', async () => {
    const page = await h.openPage('/?tab=coverage');
    await page.locator('td[data-economy="TWN"][data-col="meeting:mtg-dps-50"] button').click();
    const link = page.locator('.cov-fact .show-in-source').first();
    await link.waitFor();
    const expected = await link.evaluate(
      (b) => b.closest('.cov-prov')?.querySelector('blockquote')?.textContent ?? '',
    );
    await link.click();
    await page.waitForSelector('mark.is-current');
    expect(squash(await currentText(page))).toBe(squash(expected));
    expect(await page.getAttribute('#tab-sources', 'aria-selected')).toBe('true');
    await page.close();
  });
});
