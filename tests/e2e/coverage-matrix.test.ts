// The coverage view in the real page: gaps where the report says economies were absent, sorting by mouse and
// keyboard, evidence highlighted on the graph, CSV export, and the AIDER focus areas.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/model/read.js';
import { type Harness, useHarness } from './harness.js';

// From the report (graph/sources/desg-dps-2025-02.zh.txt), not from the graph:
// 貳.一.(一) "本次會議共有澳洲、智利、中國、日本、韓國、馬來西亞、紐西蘭、秘魯、菲律賓、新加坡、泰國、美國、越南及我國等14個經濟體與會"
const AT_DPS_50 = [
  'AUS',
  'CHL',
  'CHN',
  'JPN',
  'KOR',
  'MYS',
  'NZL',
  'PER',
  'PHL',
  'SGP',
  'THA',
  'USA',
  'VNM',
  'TWN',
];
// 貳.三.(一) "...我國、泰國、美國及越南計 16 個經濟體實體與會，俄羅斯線上與會"
const AT_DESG_IN_PERSON = [
  'AUS',
  'CHL',
  'CHN',
  'HKG',
  'IDN',
  'JPN',
  'KOR',
  'MYS',
  'NZL',
  'PER',
  'PHL',
  'SGP',
  'TWN',
  'THA',
  'USA',
  'VNM',
];
const AT_DESG_VIRTUAL = ['RUS'];
const ALL_ECONOMIES = [
  'AUS',
  'BRN',
  'CAN',
  'CHL',
  'CHN',
  'HKG',
  'IDN',
  'JPN',
  'KOR',
  'MYS',
  'MEX',
  'NZL',
  'PNG',
  'PER',
  'PHL',
  'RUS',
  'SGP',
  'TWN',
  'THA',
  'USA',
  'VNM',
];
const AT_NEITHER = ALL_ECONOMIES.filter(
  (e) => !AT_DPS_50.includes(e) && !AT_DESG_IN_PERSON.includes(e) && !AT_DESG_VIRTUAL.includes(e),
);
const SOURCES = ['desg-dps-2025-02.zh.txt', 'apec-facts.md']
  .map((f) => readFileSync(join(REPO_ROOT, 'graph', 'sources', f), 'utf8'))
  .join('\n')
  .replace(/\s+/g, '');
const DPS = 'meeting:mtg-dps-50';
const DESG = 'meeting:mtg-desg-2025-1';

let harness: Harness;
let page: Page;

useHarness({ open: '/?tab=coverage' }, (started, opened) => {
  harness = started;
  page = opened;
});
beforeAll(async () => {
  await page.waitForSelector('table.cov-matrix tbody tr');
});

/** economy -> column id -> {value, gap} for every cell of the rendered table. */
async function readMatrix(): Promise<Record<string, Record<string, { value: number; gap: boolean }>>> {
  return page.$$eval('table.cov-matrix td.cov-cell', (cells) => {
    const out: Record<string, Record<string, { value: number; gap: boolean }>> = {};
    for (const td of cells as HTMLElement[]) {
      const economy = td.dataset.economy as string;
      out[economy] ??= {};
      (out[economy] as Record<string, { value: number; gap: boolean }>)[td.dataset.col as string] = {
        value: Number(td.dataset.value),
        gap: td.classList.contains('cov-gap'),
      };
    }
    return out;
  });
}

async function rowOrder(): Promise<string[]> {
  return page.$$eval('table.cov-matrix tbody tr', (rows) =>
    rows.map((r) => (r as HTMLElement).dataset.economy ?? ''),
  );
}

async function columnValues(col: string): Promise<number[]> {
  return page.$$eval(`table.cov-matrix tbody td[data-col="${col}"]`, (cells) =>
    cells.map((c) => Number((c as HTMLElement).dataset.value)),
  );
}

describe('coverage matrix', () => {
  it('has one row per economy and marks as gaps exactly the meetings the report says they missed', async () => {
    const m = await readMatrix();
    expect(Object.keys(m).sort()).toEqual([...ALL_ECONOMIES].sort());
    for (const e of ALL_ECONOMIES) {
      expect(m[e]?.[DPS], `${e} at DPS 50`).toEqual({
        value: AT_DPS_50.includes(e) ? 1 : 0,
        gap: !AT_DPS_50.includes(e),
      });
      const atDesg = AT_DESG_IN_PERSON.includes(e) || AT_DESG_VIRTUAL.includes(e);
      expect(m[e]?.[DESG], `${e} at DESG`).toEqual({ value: atDesg ? 1 : 0, gap: !atDesg });
    }
    expect(AT_NEITHER).toEqual(['BRN', 'CAN', 'MEX', 'PNG']);
    for (const e of AT_NEITHER) {
      expect(m[e]?.[DPS]?.gap && m[e]?.[DESG]?.gap, `${e} attended neither`).toBe(true);
    }
    // Russia attended DESG virtually: the cell says so.
    const rus = await page.$eval(`td[data-economy="RUS"][data-col="${DESG}"]`, (td) => ({
      cls: td.className,
      label: td.querySelector('button')?.getAttribute('aria-label') ?? '',
    }));
    expect(rus.cls).toContain('cov-virtual');
    expect(rus.label).toMatch(/virtual/);
  });

  it('makes empty cells stand out from filled ones', async () => {
    const look = (sel: string) =>
      page.$eval(sel, (td) => {
        const s = getComputedStyle(td);
        return `${s.backgroundColor} ${s.backgroundImage}`;
      });
    const gap = await look(`td[data-economy="BRN"][data-col="${DPS}"]`);
    const filled = await look(`td[data-economy="TWN"][data-col="${DPS}"]`);
    expect(gap).not.toEqual(filled);
  });

  it('shows row and column totals that agree with the cells', async () => {
    const totals = await page.$$eval('table.cov-matrix tbody tr', (rows) =>
      rows.map((r) => ({
        total: Number((r.querySelector('td.cov-total') as HTMLElement).dataset.total),
        present: [...r.querySelectorAll('td.cov-cell')].filter(
          (c) => Number((c as HTMLElement).dataset.value) > 0,
        ).length,
      })),
    );
    for (const t of totals) expect(t.total).toBe(t.present);
    const dpsTotal = await page.$eval(`tfoot td[data-col="${DPS}"]`, (td) => Number(td.textContent));
    expect(dpsTotal).toBe(AT_DPS_50.length);
    const desgTotal = await page.$eval(`tfoot td[data-col="${DESG}"]`, (td) => Number(td.textContent));
    expect(desgTotal).toBe(AT_DESG_IN_PERSON.length + AT_DESG_VIRTUAL.length);
  });

  it('sorts by a column with the mouse, both ways, and records it in aria-sort', async () => {
    const header = page.locator(`thead th[data-col="${DPS}"]`);
    await header.locator('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    const up = await columnValues(DPS);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(up[0]).toBe(0);
    await header.locator('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    const down = await columnValues(DPS);
    expect(down).toEqual([...down].sort((a, b) => b - a));
    expect(await page.locator('th[data-sort-key="economy"]').getAttribute('aria-sort')).toBe('none');
  });

  it('sorts with the keyboard and keeps focus on the header', async () => {
    await page.locator('th[data-sort-key="total"] button').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('th[data-sort-key="total"]').getAttribute('aria-sort'))
      .toBe('ascending');
    const totals = await page.$$eval('table.cov-matrix tbody td.cov-total', (tds) =>
      tds.map((td) => Number((td as HTMLElement).dataset.total)),
    );
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    expect(await page.evaluate(() => document.activeElement?.closest('th')?.dataset.sortKey)).toBe('total');
    // Back to the economy order by name.
    await page.locator('th[data-sort-key="economy"] button').press('Enter');
    await expect
      .poll(() => page.locator('th[data-sort-key="economy"]').getAttribute('aria-sort'))
      .toBe('ascending');
    const order = await rowOrder();
    expect(order).toHaveLength(21);
  });

  it('clicking a cell highlights its evidence on the graph and shows the source quote', async () => {
    await page.locator(`td[data-economy="TWN"][data-col="${DPS}"] button`).click();
    await page.waitForSelector('.cov-evidence .cov-fact');
    const evidence = await page.$$eval('.cov-evidence .cov-fact', (lis) =>
      lis.map((li) => ({ edge: (li as HTMLElement).dataset.edge ?? '', text: li.textContent ?? '' })),
    );
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence[0]?.edge).toMatch(/^TWN\|ATTENDED\|mtg-dps-50/);
    // Every quote shown is verbatim from a source (compared without whitespace, as the validator does).
    const quotes = await page.$$eval('.cov-evidence blockquote', (bs) => bs.map((b) => b.textContent ?? ''));
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(SOURCES).toContain(q.replace(/\s+/g, ''));
    await harness.waitForRender(page);
    const shown = await page.evaluate((edge) => {
      const sigma = window.__apecKg?.sigma;
      if (!sigma) throw new Error('no renderer');
      // A node that is neither end of the evidence: dimmed by the highlight.
      const other = sigma.getNodeDisplayData('kfa-1');
      return {
        twn: sigma.getNodeDisplayData('TWN')?.color,
        meeting: sigma.getNodeDisplayData('mtg-dps-50')?.color,
        other: other?.color,
        edge: sigma.getEdgeDisplayData(edge)?.color,
        edgeHidden: sigma.getEdgeDisplayData(edge)?.hidden,
      };
    }, evidence[0]?.edge as string);
    expect(shown.other).toBe('#dde1e6');
    expect(shown.twn).not.toBe('#dde1e6');
    expect(shown.meeting).not.toBe('#dde1e6');
    expect(shown.edge).not.toBe('#edeff2');
    expect(shown.edgeHidden).toBeFalsy();
    await harness.screenshot(page, 'coverage-matrix');
  });

  it('clicking a gap highlights both ends and says there is no evidence', async () => {
    await page.locator(`td[data-economy="BRN"][data-col="${DESG}"] button`).click();
    await page.waitForSelector('.cov-evidence .cov-no-evidence');
    await harness.waitForRender(page);
    const colors = await page.evaluate(() => {
      const sigma = window.__apecKg?.sigma;
      return ['BRN', 'mtg-desg-2025-1', 'TWN'].map((n) => sigma?.getNodeDisplayData(n)?.color);
    });
    expect(colors[0]).not.toBe('#dde1e6');
    expect(colors[1]).not.toBe('#dde1e6');
    expect(colors[2]).toBe('#dde1e6');
  });

  it('moves between cells with the arrow keys and opens one with Enter', async () => {
    const first = page.locator(`td[data-economy="BRN"][data-col="${DESG}"] button`);
    await first.focus();
    await page.keyboard.press('ArrowLeft');
    const focused = await page.evaluate(() => {
      const td = document.activeElement?.closest('td') as HTMLElement | null;
      return { economy: td?.dataset.economy, col: td?.dataset.col };
    });
    expect(focused).toEqual({ economy: 'BRN', col: DPS });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.cov-evidence h3').textContent()).toMatch(/Brunei/);
  });

  it('exports the matrix as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.cov-csv').click()]);
    const path = await download.path();
    const lines = readFileSync(path, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(1 + 21 + 1);
    expect(lines[0]).toMatch(/^id,Economy,/);
    const brn = lines.find((l) => l.startsWith('BRN,'));
    expect(brn?.split(',').slice(2, 4)).toEqual(['0', '0']);
  });
});

describe('AIDER focus areas', () => {
  it('lists the 11 focus areas and flags those the report calls under-served', async () => {
    await page.locator('#cov-tab-focus').click();
    await page.waitForSelector('table.cov-focus tbody tr');
    const rows = await page.$$eval('table.cov-focus tbody tr', (trs) =>
      trs.map((tr) => ({
        id: (tr as HTMLElement).dataset.kfa,
        flagged: tr.classList.contains('cov-under-served'),
      })),
    );
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 11 }, (_v, i) => `kfa-${i + 1}`));
    // 貳.三: "2 項較少受到關注之議題為：資訊與數據自由流通(KFA 8)及數位經濟測量(KFA 9)"
    expect(rows.filter((r) => r.flagged).map((r) => r.id)).toEqual(['kfa-8', 'kfa-9']);
    await harness.screenshot(page, 'coverage-focus-areas');
  });

  it('switches headers to Chinese with the language', async () => {
    await page.evaluate(() => {
      const url = new URL(window.location.href);
      url.searchParams.set('lang', 'zh-Hant');
      window.history.replaceState(null, '', url);
    });
    await page.reload();
    await page.evaluate(() => window.__apecKg?.ready);
    await page.waitForSelector('table.cov-focus');
    expect(await page.locator('table.cov-focus thead').textContent()).toContain('重點領域');
    await page.locator('#cov-tab-matrix').click();
    expect(await page.locator('table.cov-matrix thead').textContent()).toContain('經濟體');
  });
});
