// Shortest path and exports in real Chromium: the path is drawn through the highlight and listed;
// downloads are real files with what is visible.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Harness, useHarness } from './harness.js';

async function pick(page: Page, input: string, query: string, node: string): Promise<void> {
  await page.fill(input, query);
  await page.waitForSelector(`${input}-list [role="option"][data-node="${node}"]`);
  await page.click(`${input}-list [role="option"][data-node="${node}"]`);
}

async function downloadText(
  page: Page,
  button: string,
): Promise<{ name: string; text: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const path = await download.path();
  const bytes = readFileSync(path);
  return { name: download.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

describe('shortest path and export', () => {
  let h: Harness;
  let page: Page;
  useHarness({ open: '/' }, (started, opened) => {
    h = started;
    page = opened;
  });

  it('finds a path between two nodes chosen by search, lists it and draws it', async () => {
    await pick(page, '#path-from', 'Papua', 'PNG');
    await pick(page, '#path-to', 'CBPR', 'cbpr');
    await page.waitForSelector('#path-result .path-list');
    const listed = await page.$$eval('#path-result .path-alt[data-path-index="0"] .path-node', (els) =>
      els.map((e) => e.getAttribute('data-node')),
    );
    expect(listed[0]).toBe('PNG');
    expect(listed.at(-1)).toBe('cbpr');
    expect(listed.length).toBeGreaterThanOrEqual(2);
    const url = new URL(page.url());
    expect(url.searchParams.get('pathFrom')).toBe('PNG');
    expect(url.searchParams.get('pathTo')).toBe('cbpr');
    const drawn = await page.evaluate((nodes) => {
      const sigma = window.__apecKg?.sigma;
      const g = window.__apecKg?.graph;
      if (!sigma || !g) throw new Error('not ready');
      const onPath = new Set(nodes);
      const other = g.findNode((n) => !onPath.has(n)) as string;
      const pathEdges = g.filterEdges((_e, _a, s, t) => onPath.has(s) && onPath.has(t));
      return {
        pathColors: nodes.map((n) => sigma.getNodeDisplayData(n)?.color),
        otherColor: sigma.getNodeDisplayData(other)?.color,
        edgeColors: pathEdges.map((e) => sigma.getEdgeDisplayData(e)?.color),
      };
    }, listed as string[]);
    expect(drawn.otherColor).toBe('#dde1e6');
    expect(drawn.pathColors).not.toContain('#dde1e6');
    expect(drawn.edgeColors).toContain('#5d6675');
    await h.screenshot(page, 'graph-path');
  });

  it('clears the path and the highlight', async () => {
    await page.click('#path-clear');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('pathFrom'));
    const color = await page.evaluate(() => window.__apecKg?.sigma?.getNodeDisplayData('cbpr')?.color);
    expect(color).not.toBe('#dde1e6');
  });

  it('exports the visible graph as GEXF, without hidden nodes', async () => {
    await page.click('.legend-item[data-label="Person"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('hide') === 'Person');
    const visible = await page.evaluate(() => {
      const g = window.__apecKg?.graph;
      return {
        nodes: g?.filterNodes((_n, a) => !a.hidden).length,
        edges: g?.filterEdges((_e, a) => !a.hidden).length,
      };
    });
    const { name, text } = await downloadText(page, '#export-gexf');
    expect(name).toBe('apec-kg.gexf');
    // The browser's own XML parser: a malformed file yields a <parsererror> document.
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      return {
        root: doc.documentElement.nodeName,
        error: doc.getElementsByTagName('parsererror').length,
        ids: [...doc.getElementsByTagName('node')].map((n) => n.getAttribute('id')),
        edges: doc.getElementsByTagName('edge').length,
      };
    }, text);
    expect(parsed.error).toBe(0);
    expect(parsed.root).toBe('gexf');
    expect(parsed.ids).toHaveLength(visible.nodes as number);
    expect(parsed.edges).toBe(visible.edges);
    expect(parsed.ids.some((id) => id?.startsWith('person-'))).toBe(false);
    expect(parsed.ids).toContain('TWN');
  });

  it('exports nodes and relationships as CSV, without hidden ones', async () => {
    const visible = await page.evaluate(
      () => window.__apecKg?.graph?.filterNodes((_n, a) => !a.hidden).length,
    );
    const nodes = await downloadText(page, '#export-csv-nodes');
    expect(nodes.name).toBe('apec-kg-nodes.csv');
    const lines = nodes.text.trim().split('\n');
    expect(lines[0]?.startsWith('id,label,name,nameZh')).toBe(true);
    const ids = lines.slice(1).map((l) => l.split(',')[0]);
    expect(ids).toContain('TWN');
    expect(ids.some((id) => id?.startsWith('person-'))).toBe(false);
    // Quoted fields may hold line breaks, so count records by their id column instead of lines.
    expect(
      nodes.text.match(
        /^[A-Za-z0-9-]+,(Economy|Forum|Framework|FocusArea|Meeting|Session|Project|Organization|Topic|Initiative|Document|Source),/gm,
      )?.length,
    ).toBe(visible);
    const edges = await downloadText(page, '#export-csv-edges');
    expect(edges.text.startsWith('id,source,target,type')).toBe(true);
    expect(edges.text).not.toMatch(/^[^\n]*,person-/m);
  });

  it('exports the current view as a PNG image', async () => {
    const { name, bytes } = await downloadText(page, '#export-png');
    expect(name).toBe('apec-kg.png');
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(5000);
  });
});
