// The analysis views at a laptop's 1440×900: the coverage view over the whole window, the comparison of
// economies, Cypher results as files with node pickers, an axe-core check of every view, and CJK glyphs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPARE_SECTIONS } from '../../src/app/compare/model.js';
import { REPO_ROOT } from '../../src/model/read.js';
import { type Harness, startHarness } from './harness.js';

const AXE = join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

// From the report (graph/sources/desg-dps-2025-02.zh.txt), not from the graph: 貳.一.(一) lists the 14
// economies at DPS 50 (Russia is not among them); 貳.三.(一) "...俄羅斯線上與會" (Russia joined DESG online).
const DPS = 'mtg-dps-50';
const DESG = 'mtg-desg-2025-1';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ viewport: { width: 1440, height: 900 } });
});

afterAll(async () => {
  await harness?.close();
});

interface AxeViolation {
  id: string;
  impact: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core in the page and returns its violations (id, impact and the first offending elements). The
 * page's Content-Security-Policy (script-src 'self') refuses an added <script>, so the library is evaluated
 * through the DevTools protocol instead, which the policy does not govern.
 */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: unknown[] }> } })
      .axe;
    return (await axe.run(document)).violations;
  });
  return (violations as AxeViolation[]).map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
}

async function downloadedText(page: Page, selector: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8').replace(/^\uFEFF/, '') };
}

describe('coverage view over the whole window', () => {
  let page: Page;
  beforeAll(async () => {
    page = await harness.openPage('/?tab=coverage');
    await page.waitForSelector('table.cov-matrix tbody tr');
  });

  it('shows all 21 rows and every column without scrolling once the panel takes the window', async () => {
    await page.locator('#analysis-full').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('full')).toBe('1');
    expect(await page.locator('#analysis-full').getAttribute('aria-pressed')).toBe('true');
    const fits = async () =>
      page.evaluate(() => {
        const scroll = document.querySelector('.cov-scroll') as HTMLElement;
        const box = scroll.getBoundingClientRect();
        const rows = [...document.querySelectorAll<HTMLElement>('.cov-scroll tbody tr')];
        const inside = rows.filter((r) => {
          const b = r.getBoundingClientRect();
          return b.top >= box.top - 1 && b.bottom <= box.bottom + 1 && b.bottom <= window.innerHeight;
        });
        return {
          rows: rows.length,
          visibleRows: inside.length,
          sideways: scroll.scrollWidth - scroll.clientWidth,
          // The table's right edge (the last column) inside the window.
          rightEdge: (scroll.querySelector('table') as HTMLElement).getBoundingClientRect().right,
          width: window.innerWidth,
        };
      });
    const matrix = await fits();
    expect(matrix.rows).toBe(21);
    expect(matrix.visibleRows).toBe(21);
    expect(matrix.sideways).toBeLessThanOrEqual(0);
    expect(matrix.rightEdge).toBeLessThanOrEqual(matrix.width);
    await harness.screenshot(page, 'coverage-full-window');

    await page.locator('#cov-tab-focus').click();
    await page.waitForSelector('table.cov-focus');
    const focus = await fits();
    expect(focus.rows).toBe(11);
    expect(focus.sideways).toBeLessThanOrEqual(0);
    // "Addressed by" and "Under-served" are the last two columns: both inside the window.
    const lastHeaders = await page.$$eval('table.cov-focus thead th', (ths) =>
      ths.slice(-2).map((th) => th.getBoundingClientRect().right),
    );
    for (const right of lastHeaders) expect(right).toBeLessThanOrEqual(focus.width);
    await page.locator('#cov-tab-matrix').click();
    await page.waitForSelector('table.cov-matrix');
  });

  it('keeps the header row and the economy column in place while the table scrolls', async () => {
    // A short window forces vertical scrolling; a narrow one, sideways scrolling.
    await page.setViewportSize({ width: 900, height: 500 });
    const before = await page.evaluate(() => {
      const head = document.querySelector('.cov-matrix thead th') as HTMLElement;
      const economy = document.querySelector('.cov-matrix tbody th') as HTMLElement;
      return { head: head.getBoundingClientRect().top, economy: economy.getBoundingClientRect().left };
    });
    const moved = await page.evaluate(() => {
      const scroll = document.querySelector('.cov-scroll') as HTMLElement;
      scroll.scrollTop = scroll.scrollHeight;
      scroll.scrollLeft = scroll.scrollWidth;
      return { top: scroll.scrollTop, left: scroll.scrollLeft };
    });
    expect(moved.top).toBeGreaterThan(0);
    expect(moved.left).toBeGreaterThan(0);
    const after = await page.evaluate(() => {
      const head = document.querySelector('.cov-matrix thead th') as HTMLElement;
      const economy = document.querySelector('.cov-matrix tbody th') as HTMLElement;
      return { head: head.getBoundingClientRect().top, economy: economy.getBoundingClientRect().left };
    });
    expect(Math.abs(after.head - before.head)).toBeLessThan(1);
    expect(Math.abs(after.economy - before.economy)).toBeLessThan(1);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('passes axe-core, with sort buttons named after their visible text', async () => {
    expect(await axeViolations(page)).toEqual([]);
    const names = await page.$$eval('th[data-sort-key] > .cov-sort', (buttons) =>
      buttons.map((b) => ({
        visible: b.querySelector('.cov-col-title')?.textContent ?? '',
        name: b.getAttribute('aria-label') ?? b.textContent ?? '',
      })),
    );
    expect(names.length).toBeGreaterThanOrEqual(6);
    for (const n of names) expect(n.name).toContain(n.visible);
  });
});

describe('comparison of economies', () => {
  let page: Page;
  beforeAll(async () => {
    page = await harness.openPage('/?tab=compare');
    await page.waitForSelector('.cmp-pickers');
  });

  it('puts the chosen economies in columns and marks the rows where they differ', async () => {
    await page.selectOption('#cmp-pick-0', 'TWN');
    await page.selectOption('#cmp-pick-1', 'RUS');
    await page.waitForSelector('table.cmp-table');
    expect(new URL(page.url()).searchParams.get('cmp')).toBe('TWN,RUS');
    const heads = await page.$$eval('table.cmp-table thead th[data-economy]', (ths) =>
      ths.map((th) => (th as HTMLElement).dataset.economy),
    );
    expect(heads).toEqual(['TWN', 'RUS']);
    const row = (section: string, node: string) =>
      page.locator(`tbody[data-section="${section}"] tr[data-node="${node}"]`);
    // Chinese Taipei was at DPS 50, Russia was not: a difference.
    await expect.poll(() => row('meetings', DPS).getAttribute('class')).toContain('cmp-differs');
    expect(await row('meetings', DPS).locator('td').nth(1).getAttribute('class')).toBe('cmp-absent');
    // Both were at DESG, one in person and one online: still a difference, by mode.
    expect(await row('meetings', DESG).getAttribute('class')).toContain('cmp-differs');
    const desg = await row('meetings', DESG).locator('td').allInnerTexts();
    expect(desg[0]).toMatch(/in person/i);
    expect(desg[1]).toMatch(/virtual|online/i);
    // Russia's absence from DPS 50 is listed among its absences, not Chinese Taipei's.
    const absence = await row('absences', DPS).locator('td').allInnerTexts();
    expect(absence[0]).toBe('—');
    expect(absence[1]).not.toBe('—');
    // Rows that match for both are not marked.
    const sections = await page.$$eval('tbody[data-section]', (ts) =>
      ts.map((t) => (t as HTMLElement).dataset.section),
    );
    expect(sections).toEqual([...COMPARE_SECTIONS]);
    await harness.screenshot(page, 'compare-economies');
  });

  it('exports the comparison as CSV with a column per economy', async () => {
    const { name, text } = await downloadedText(page, '.cmp-csv');
    expect(name).toBe('apec-compare-TWN-RUS.csv');
    const rows = parse(text) as string[][];
    expect(rows[0]?.slice(3, 5)).toEqual(['Chinese Taipei', 'Russian Federation']);
    const dps = rows.find((r) => r[0] === 'Meetings attended' && r[1] === DPS);
    expect(dps?.[4]).toBe('—');
    expect(dps?.[5]).toBe('yes');
  });

  it('passes axe-core', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('Cypher results and parameters', () => {
  let page: Page;
  beforeAll(async () => {
    page = await harness.openPage('/?tab=cypher');
    await page.waitForSelector('.cq-status[data-connected="true"]');
  });

  it('offers node pickers that find a node by its Chinese name', async () => {
    await page.locator('button[data-query="shortest-path"]').click();
    await page.waitForSelector('.cq-table tbody tr');
    const picker = page.locator('input[data-param="to"]');
    expect(await picker.getAttribute('role')).toBe('combobox');
    // Shows the node's name, not the raw id.
    expect(await picker.inputValue()).not.toBe('cbpr');
    await picker.fill('美國');
    await page.locator('#cq-param-to-list [data-node="USA"]').waitFor();
    await picker.press('Enter');
    await expect.poll(() => picker.inputValue()).toBe('United States of America');
    const params = JSON.parse(new URL(page.url()).searchParams.get('params') ?? '{}');
    expect(params.to).toBe('USA');
    await page.locator('.cq-run').click();
    await page.waitForSelector('.cq-table tbody tr');
    const last = await page.$$eval('.cq-table tbody [data-node]', (els) =>
      els.map((e) => (e as HTMLElement).dataset.node),
    );
    expect(last).toContain('USA');
  });

  it('downloads the result as CSV and as JSON', async () => {
    const csv = await downloadedText(page, '.cq-export-csv');
    expect(csv.name).toMatch(/\.csv$/);
    const rows = parse(csv.text) as string[][];
    const columns = await page.$$eval('.cq-table thead th', (ths) => ths.map((th) => th.textContent));
    expect(rows[0]).toEqual(columns);
    expect(rows.length - 1).toBe(await page.locator('.cq-table tbody tr').count());

    const json = await downloadedText(page, '.cq-export-json');
    const body = JSON.parse(json.text);
    expect(body.params.to).toBe('USA');
    expect(body.columns).toEqual(columns);
    expect(body.rows).toHaveLength(rows.length - 1);
  });

  it('passes axe-core', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('graph view in both languages', () => {
  it('passes axe-core in English and in 繁體中文', async () => {
    const en = await harness.openPage('/');
    expect(await axeViolations(en)).toEqual([]);
    const zh = await harness.openPage('/?lang=zh-Hant&sel=TWN');
    expect(await axeViolations(zh)).toEqual([]);
  });

  it('draws Chinese text with a font that has the glyphs', async () => {
    const page = await harness.openPage('/?lang=zh-Hant&sel=TWN');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.app-title' });
    const text = (await page.locator('.app-title').textContent()) ?? '';
    expect(text).toMatch(/[\u3400-\u9fff]/);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    // Every glyph of the title comes from a font that has it: with no CJK font, Chromium reports the glyphs
    // under a Latin font's name (drawn as empty boxes) or a last-resort font.
    const total = fonts.reduce((n, f) => n + f.glyphCount, 0);
    const cjk = fonts.filter((f) => /CJK|Han|TC|Hei|Ming|Kai|Song|JhengHei/i.test(f.familyName));
    expect(cjk.length).toBeGreaterThan(0);
    const cjkChars = [...text].filter((c) => /[\u3400-\u9fff]/.test(c)).length;
    expect(cjk.reduce((n, f) => n + f.glyphCount, 0)).toBeGreaterThanOrEqual(cjkChars);
    expect(total).toBeGreaterThanOrEqual(cjkChars);
  });
});
