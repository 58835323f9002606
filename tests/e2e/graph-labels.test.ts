// Legible labels in real Chromium at 1440×900, measured from the boxes the label drawer drew: at overview every
// Economy and Forum is named and no two labels overlap; a focus names every node in it, again without overlap.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Harness, useHarness } from './harness.js';

interface Drawn {
  node: string;
  text: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

async function drawnLabels(h: Harness, page: Page): Promise<Drawn[]> {
  await page.waitForFunction(() => window.__apecKg?.sigma?.getCamera().isAnimated() === false);
  await h.waitForRender(page);
  return page.evaluate(() => window.__apecKg?.labels?.() ?? []);
}

function overlapping(labels: Drawn[]): string[] {
  const out: string[] = [];
  labels.forEach((a, i) => {
    for (const b of labels.slice(i + 1)) {
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) out.push(`${a.node} × ${b.node}`);
    }
  });
  return out;
}

describe('legible labels', () => {
  let h: Harness;
  useHarness({ neo4j: null, viewport: { width: 1440, height: 900 } }, (started) => {
    h = started;
  });

  it('names every economy and forum at overview, with no two labels overlapping', async () => {
    const page = await h.openPage('/');
    const labels = await drawnLabels(h, page);
    const core = await page.evaluate(
      () =>
        window.__apecKg?.graph?.filterNodes(
          (_n, a) => !a.hidden && (a.category === 'Economy' || a.category === 'Forum'),
        ) ?? [],
    );
    expect(core.length).toBe(40);
    const named = new Set(labels.map((l) => l.node));
    expect(core.filter((n) => !named.has(n))).toEqual([]);
    expect(named.has('TWN')).toBe(true);
    expect(overlapping(labels)).toEqual([]);
    // Background types give their labels to the core ones at overview.
    const background = await page.evaluate(
      (ids) =>
        ids.filter((n) =>
          ['Session', 'Initiative', 'Topic'].includes(
            window.__apecKg?.graph?.getNodeAttribute(n, 'category') ?? '',
          ),
        ),
      [...named],
    );
    expect(background).toEqual([]);
    await h.screenshot(page, 'graph-overview');
    await page.close();
  });

  it('names every node of a focus without overlap: CBPR and its participants', async () => {
    const page = await h.openPage('/?sel=cbpr');
    const labels = await drawnLabels(h, page);
    const focus = await page.evaluate(() => {
      const g = window.__apecKg?.graph;
      return g ? ['cbpr', ...g.filterNeighbors('cbpr', (_n, a) => !a.hidden)] : [];
    });
    const named = new Set(labels.map((l) => l.node));
    expect(focus.filter((n) => !named.has(n))).toEqual([]);
    const participants = await page.evaluate(() => {
      const g = window.__apecKg?.graph;
      return g?.filterInNeighbors('cbpr', (n) => g.getNodeAttribute(n, 'category') === 'Economy') ?? [];
    });
    expect(participants.length).toBeGreaterThanOrEqual(9);
    expect(overlapping(labels)).toEqual([]);
    await h.screenshot(page, 'graph-details-framework');
    await page.close();
  });
});
