// The analysis views at a laptop's 1440×900: the coverage view over the whole window, the comparison of
// economies, Cypher results as files with node pickers, an axe-core check of every view, and CJK glyphs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMPARE_SECTIONS } from '../../src/app/compare/model.js';
import { REPO_ROOT } from '../../src/model/read.js';
import { type Harness, useHarness } from './harness.js';

const AXE = join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

// From the report (graph/sources/desg-dps-2025-02.zh.txt), not from the graph: 貳.一.(一) lists the 14
// economies at DPS 50 (Russia is not among them); 貳.三.(一) "...俄羅斯線上與會" (Russia joined DESG online).
const DPS = 'mtg-dps-50';
const DESG = 'mtg-desg-2025-1';

let harness: Harness;

useHarness({ viewport: { width: 1440, height: 900 } }, (started) => {
  harness = started;
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
    // The panel opens at once and fills in when the node's details have arrived.
    await zh.waitForSelector('#panel-details[data-node="TWN"] dl.props dt');
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

/** Dark (text-like) pixels of a PNG, counted in the page; clip is in the image's pixels. */
async function darkPixels(
  page: Page,
  png: Buffer,
  clip?: { x: number; y: number; width: number; height: number },
): Promise<{ width: number; height: number; dark: number }> {
  return page.evaluate(
    async ({ b64, clip }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d') as CanvasRenderingContext2D;
      g.drawImage(img, 0, 0);
      const r = clip ?? { x: 0, y: 0, width: img.width, height: img.height };
      const data = g.getImageData(r.x, r.y, r.width, r.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) {
        const luma =
          0.3 * (data[i] as number) + 0.59 * (data[i + 1] as number) + 0.11 * (data[i + 2] as number);
        if (luma < 90) dark += 1;
      }
      return { width: img.width, height: img.height, dark };
    },
    { b64: png.toString('base64'), clip },
  );
}

async function downloadBytes(page: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf) }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i += 1) {
    const content = await (await doc.getPage(i)).getTextContent();
    parts.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  // Compared without white space and ligatures: the PDF splits words where a ligature (ﬁ) was drawn.
  return { pages: doc.numPages, text: parts.join('').normalize('NFKC').replace(/\s+/g, '') };
}

describe('report-ready output', () => {
  const HEADER = 48;

  it('exports a PNG with the labels on screen, a title band and a legend, at 1x, 2x or a chosen width', async () => {
    const page = await harness.openPage('/?sel=TWN');
    await harness.waitForRender(page);
    const graph = await page.evaluate(
      () => window.__apecKg?.sigma?.getDimensions() ?? { width: 0, height: 0 },
    );
    const one = await downloadBytes(page, '#export-png');
    expect(one.name).toBe('apec-kg.png');
    const png1 = await darkPixels(page, one.bytes);
    expect(png1.width).toBe(graph.width);
    // Title band above, legend below the graph.
    expect(png1.height).toBeGreaterThan(graph.height + HEADER);
    const title = await darkPixels(page, one.bytes, { x: 0, y: 0, width: 400, height: HEADER });
    expect(title.dark).toBeGreaterThan(100);
    const legend = await darkPixels(page, one.bytes, {
      x: 0,
      y: HEADER + graph.height,
      width: graph.width,
      height: png1.height - HEADER - graph.height,
    });
    expect(legend.dark).toBeGreaterThan(100);
    // The labels: as much dark ink in the picture's graph as on screen (edges and discs are light or coloured).
    const screen = await page.locator('#graph').screenshot();
    const onScreen = await darkPixels(page, screen);
    const inImage = await darkPixels(page, one.bytes, {
      x: 0,
      y: HEADER,
      width: graph.width,
      height: graph.height,
    });
    expect(onScreen.dark).toBeGreaterThan(300);
    expect(inImage.dark).toBeGreaterThan(onScreen.dark * 0.8);

    await page.selectOption('#export-size', '2');
    const two = await darkPixels(page, (await downloadBytes(page, '#export-png')).bytes);
    expect(two.width).toBe(graph.width * 2);
    expect(two.height).toBe(png1.height * 2);
    await page.selectOption('#export-size', 'width');
    await page.fill('#export-width', '1000');
    const chosen = await darkPixels(page, (await downloadBytes(page, '#export-png')).bytes);
    expect(chosen.width).toBe(1000);
    // The page is drawn at its own resolution again afterwards.
    expect(await page.evaluate(() => window.devicePixelRatio)).toBe(1);
    expect(harness.pageErrors(page)).toEqual([]);
  });

  it('exports an SVG with the nodes, the labels on screen, the title and the legend', async () => {
    const page = await harness.openPage('/?sel=TWN');
    await harness.waitForRender(page);
    const svg = (await downloadBytes(page, '#export-svg')).bytes.toString('utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    const visible = await page.evaluate(() => {
      const k = window.__apecKg;
      return k?.graph?.filterNodes((n) => !k.sigma?.getNodeDisplayData(n)?.hidden).length ?? 0;
    });
    expect(svg.match(/<circle [^>]*data-node=/g)?.length).toBe(visible);
    const labelled = [...svg.matchAll(/<text [^>]*data-node="([^"]+)">([^<]*)</g)].map((m) => [m[1], m[2]]);
    expect(labelled).toContainEqual(['TWN', 'Chinese Taipei']);
    // Every label is one sigma chose to show (forced by the focus or picked by its label grid).
    const allowed = await page.evaluate(() => {
      const s = window.__apecKg?.sigma as unknown as {
        displayedNodeLabels: Set<string>;
        getNodeDisplayData(n: string): { forceLabel?: boolean } | undefined;
        getGraph(): { nodes(): string[] };
      };
      return s
        .getGraph()
        .nodes()
        .filter((n) => s.displayedNodeLabels.has(n) || s.getNodeDisplayData(n)?.forceLabel);
    });
    for (const [id] of labelled) expect(allowed).toContain(id);
    expect(svg).toContain('>APEC digital economy knowledge graph · Chinese Taipei</text>');
    expect(svg).toMatch(/<g class="legend"[^>]*>\s*<circle [^>]*\/><text [^>]*>Economy<\/text>/);
  });

  it.each([
    ['/?tab=coverage', 'Who takes part in what', 'Australia'],
    [
      '/?tab=compare&cmp=TWN,RUS',
      'Compare economies: Chinese Taipei, Russian Federation',
      'Meetings attended',
    ],
    ['/?sel=TWN', 'Chinese Taipei', 'Meetings'],
  ])('prints %s to PDF with its title, the date and the sources cited', async (path, title, content) => {
    const page = await harness.openPage(path);
    await page.emulateMedia({ media: 'print' });
    await page.locator('#print-sources li[data-source]').first().waitFor();
    const hidden = await page.evaluate(() =>
      ['.app-header', '.panel-left', '#graph'].map((s) => {
        const el = document.querySelector(s);
        return el
          ? getComputedStyle(el).display === 'none' || (el as HTMLElement).offsetParent === null
          : true;
      }),
    );
    expect(hidden).toEqual([true, true, true]);
    const pdf = await page.pdf({ format: 'A4' });
    const { pages, text } = await pdfText(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    expect(text).toContain(squeeze(title));
    expect(text).toContain(squeeze(content));
    expect(text).toMatch(/Printedon\d{4}-\d{2}-\d{2}/);
    expect(text).toContain('Sourcescited');
    expect(text).toContain(squeeze('Report on attending the 2025 first APEC DESG and DPS meetings'));
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('both languages in the details', () => {
  it('translates property names and values in 繁體中文 and labels Chinese quotes in English', async () => {
    const zh = await harness.openPage('/?lang=zh-Hant&sel=TWN');
    // The panel opens at once and fills in when the node's details have arrived.
    await zh.waitForSelector('#panel-details[data-node="TWN"] dl.props dt');
    const props = await zh.$$eval('#panel-details dl.props dt', (dts) => dts.map((d) => d.textContent));
    expect(props).toContain('加入 APEC');
    expect(props).not.toContain('joinedApec');
    const details = (await zh.locator('#panel-details').textContent()) ?? '';
    // Relationship properties and the profile's roles (notes are free text and stay as written).
    expect(details).toContain('出席方式: 實體');
    expect(details).toContain('科長 · 國家發展委員會');
    expect(details).not.toMatch(/mode: in-person|section chief ·/);

    const en = await harness.openPage('/?sel=TWN');
    // Quotes sit in folded "Sources" sections: present, not visible.
    await en.waitForSelector('#panel-details[data-node="TWN"] blockquote', { state: 'attached' });
    const quotes = en.locator('#panel-details blockquote[lang="zh-Hant"]');
    expect(await quotes.count()).toBeGreaterThan(0);
    const labels = await en.$$eval('#panel-details blockquote[lang="zh-Hant"] + .quote-lang', (ls) =>
      ls.map((l) => l.textContent),
    );
    expect(labels.length).toBe(await quotes.count());
    expect(new Set(labels)).toEqual(new Set(['(quoted in Chinese)']));
  });
});
