// Exploring from one node in real Chromium: entered from search, expanded by relationship type from the
// context menu (mouse and keyboard), pinned, collapsed, removed, restored from the address and by Back, in
// both languages, with the filters still applying, and with no axe-core violations while the menu is open.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/model/read.js';
import { type Harness, useHarness } from './harness.js';

const AXE = join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const ROOT = 'TWN';

/** The nodes sigma is given to draw (not hidden), sorted. */
function visibleNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const graph = window.__apecKg?.graph;
    if (!graph) throw new Error('no graph');
    return graph.filterNodes((_n, a) => !a.hidden).sort();
  });
}

/** From the graph's own edges: the neighbours of `node` through `relType` in one direction. */
function neighboursVia(page: Page, node: string, relType: string, out: boolean): Promise<string[]> {
  return page.evaluate(
    ({ node, relType, out }) => {
      const graph = window.__apecKg?.graph;
      if (!graph) throw new Error('no graph');
      const found = new Set<string>();
      const each = out ? graph.forEachOutEdge.bind(graph) : graph.forEachInEdge.bind(graph);
      each(node, (_e, a, source, target) => {
        if (a.relType === relType) found.add(out ? target : source);
      });
      return [...found].sort();
    },
    { node, relType, out },
  );
}

/** Per type and direction, how many distinct neighbours the node has, as the menu should list them. */
function expectedGroups(page: Page, node: string, shown: string[]): Promise<Record<string, number>> {
  return page.evaluate(
    ({ node, shown }) => {
      const graph = window.__apecKg?.graph;
      if (!graph) throw new Error('no graph');
      const groups: Record<string, Set<string>> = {};
      graph.forEachEdge(node, (_e, a, source, target) => {
        const out = source === node;
        const other = out ? target : source;
        if (other === node) return;
        const key = `${out ? 'out' : 'in'}:${a.relType}`;
        groups[key] ??= new Set();
        if (!shown.includes(other)) groups[key].add(other);
      });
      return Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, v.size]));
    },
    { node, shown },
  );
}

interface Item {
  id: string;
  /** What is drawn, without the words only screen readers get. */
  text: string;
  /** The count of neighbours not shown, when the item has one. */
  count: number | null;
  /** What a screen reader reads: the content without what is hidden from it. */
  name: string;
}

async function menuItems(page: Page): Promise<Item[]> {
  await page.waitForSelector('[role="menu"] [role="menuitem"]');
  return page.$$eval('[role="menu"] [role="menuitem"]', (els) =>
    els.map((e) => {
      const without = (selector: string) => {
        const copy = e.cloneNode(true) as HTMLElement;
        for (const x of copy.querySelectorAll(selector)) x.remove();
        return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      };
      const num = e.querySelector('.xp-num')?.textContent;
      return {
        id: e.getAttribute('data-item') ?? '',
        text: without('.sr-only, .xp-count'),
        count: num ? Number(num) : null,
        name: without('[aria-hidden="true"]'),
      };
    }),
  );
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !window.__apecKg?.sigma?.getCamera().isAnimated());
}

async function rightClick(h: Harness, page: Page, node: string): Promise<void> {
  await settled(page);
  await h.waitForRender(page);
  const p = await h.nodeScreenPosition(page, node);
  await page.mouse.click(p.x, p.y, { button: 'right' });
  await page.waitForSelector('[role="menu"]');
}

async function waitForVisibleCount(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => window.__apecKg?.graph?.filterNodes((_x, a) => !a.hidden).length === n,
    count,
  );
}

function xpParam(page: Page): string | null {
  return new URL(page.url()).searchParams.get('xp');
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: unknown[] }> } })
      .axe;
    return (await axe.run(document)).violations;
  })) as { id: string; impact: string; nodes: { target: string[] }[] }[];
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('exploring from one node', () => {
  let h: Harness;
  let page: Page;
  useHarness({ open: '/' }, (started, opened) => {
    h = started;
    page = opened;
  });

  it('starts from a search result with only that node shown', async () => {
    await page.fill('#search-input', '我國');
    await page.waitForSelector(`#search-input-list [data-node="${ROOT}"]`);
    // The results say how to explore from one, and the open list passes axe-core with its ⊙ marks.
    expect(await page.locator('#search .combobox [aria-live]').textContent()).toContain('Shift+Enter');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Shift+Enter');
    await waitForVisibleCount(page, 1);
    expect(await visibleNodes(page)).toEqual([ROOT]);
    expect(xpParam(page)).toBe(`${ROOT}!${ROOT}`);
    expect(new URL(page.url()).searchParams.get('sel')).toBe(ROOT);
    expect(await page.locator('#explore-bar').textContent()).toContain('Exploring from Chinese Taipei');
    expect(await page.locator('#explore-bar .explore-count').textContent()).toBe('1 node shown');
    // The bar's text is on screen, and the bar is clear of the toolbar.
    const boxes = await page.evaluate(() => {
      const box = (sel: string) => {
        const r = document.querySelector(sel)?.getBoundingClientRect();
        return r ? { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width } : null;
      };
      return {
        summary: box('#explore-bar .explore-summary'),
        bar: box('#explore-bar'),
        toolbar: box('#toolbar'),
      };
    });
    expect(boxes.summary?.width).toBeGreaterThan(100);
    const { bar, toolbar } = boxes;
    if (!bar || !toolbar) throw new Error('no bar or toolbar');
    const overlap =
      bar.left < toolbar.right &&
      toolbar.left < bar.right &&
      bar.top < toolbar.bottom &&
      toolbar.top < bar.bottom;
    expect(overlap).toBe(false);
    // The graph is the same instance: every node is still in it.
    expect(await page.evaluate(() => window.__apecKg?.graph?.order)).toBeGreaterThan(300);
  });

  it('lists relationship types with direction and the count of neighbours not shown on right click', async () => {
    await rightClick(h, page, ROOT);
    const items = await menuItems(page);
    const expected = await expectedGroups(page, ROOT, [ROOT]);
    const groups = Object.fromEntries(
      items.filter((i) => /^(out|in):/.test(i.id)).map((i) => [i.id, i.count]),
    );
    expect(groups).toEqual(expected);
    const attended = items.find((i) => i.id === 'out:ATTENDED');
    expect(attended?.text).toBe('attended →');
    expect(attended?.name).toBe(`attended (outgoing) ${attended?.count} not shown`);
    const incoming = items.find((i) => i.id.startsWith('in:'));
    expect(incoming?.text).toMatch(/^← [a-z ]+$/);
    expect(items.map((i) => i.id).slice(-5)).toEqual(['all', 'collapse', 'pin', 'remove', 'exit']);
    // Focus is in the menu, on its first item.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-item'))).toBe(items[0]?.id);
    expect(await page.getAttribute('[role="menu"]', 'aria-labelledby')).toBe('explore-menu-title');
    await h.screenshot(page, 'graph-explore-menu');
  });

  it('passes axe-core in exploration mode with the menu open', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it('reveals exactly the neighbours through the chosen type and frames them', async () => {
    const expected = [...new Set([ROOT, ...(await neighboursVia(page, ROOT, 'ATTENDED', true))])].sort();
    expect(expected.length).toBeGreaterThan(1);
    const before = await page.evaluate(() => window.__apecKg?.sigma?.getCamera().getState().ratio);
    await page.click('[role="menuitem"][data-item="out:ATTENDED"]');
    await waitForVisibleCount(page, expected.length);
    expect(await visibleNodes(page)).toEqual(expected);
    expect(await page.locator('[role="menu"]').count()).toBe(0);
    // The filter panel's count of what is visible follows the exploration.
    await page.waitForFunction(
      (n) => document.querySelector('#visible-count')?.getAttribute('data-nodes') === String(n),
      expected.length,
    );
    // Every relationship between shown nodes is drawn, and none to a hidden node.
    const edgesOk = await page.evaluate(() => {
      const graph = window.__apecKg?.graph;
      if (!graph) return false;
      return graph.everyEdge(
        (_e, a, s, t) =>
          a.hidden === (graph.getNodeAttribute(s, 'hidden') || graph.getNodeAttribute(t, 'hidden')),
      );
    });
    expect(edgesOk).toBe(true);
    // Framed: the camera moved to take in more than the one node.
    await settled(page);
    expect(await page.evaluate(() => window.__apecKg?.sigma?.getCamera().getState().ratio)).not.toBe(before);
    const onScreen = await page.evaluate((nodes) => {
      const sigma = window.__apecKg?.sigma;
      if (!sigma) return false;
      const { width, height } = sigma.getDimensions();
      return nodes.every((n) => {
        const d = sigma.getNodeDisplayData(n);
        if (!d) return false;
        const p = sigma.graphToViewport(d);
        return p.x >= 0 && p.y >= 0 && p.x <= width && p.y <= height;
      });
    }, expected);
    expect(onScreen).toBe(true);
    // The bar over the graph covers none of them (it once did, and the right click went to the bar).
    const underBar = await page.evaluate((nodes) => {
      const sigma = window.__apecKg?.sigma;
      const bar = document.querySelector('#explore-bar')?.getBoundingClientRect();
      if (!sigma || !bar) return ['no bar'];
      const canvas = sigma.getContainer().getBoundingClientRect();
      return nodes.filter((n) => {
        const p = sigma.graphToViewport(sigma.getNodeDisplayData(n) ?? { x: 0, y: 0 });
        const x = canvas.left + p.x;
        const y = canvas.top + p.y;
        return x >= bar.left && x <= bar.right && y >= bar.top && y <= bar.bottom;
      });
    }, expected);
    expect(underBar).toEqual([]);
  });

  it('expands from the keyboard alone: Shift+F10 on the selected node, arrows and Enter', async () => {
    const shown = await visibleNodes(page);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Shift+F10');
    const items = await menuItems(page);
    const target = items.findIndex((i) => i.id.startsWith('in:') && (i.count ?? 0) > 0);
    expect(target).toBeGreaterThan(0);
    const id = items[target]?.id as string;
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-item'))).toBe(id);
    // End and Home wrap around the list; Escape would close it.
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-item'))).toBe('exit');
    await page.keyboard.press('Home');
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const incoming = await neighboursVia(page, ROOT, id.slice(3), false);
    const expected = [...new Set([...shown, ...incoming])].sort();
    await waitForVisibleCount(page, expected.length);
    expect(await visibleNodes(page)).toEqual(expected);
    // Escape closes the menu without leaving the exploration or the selection.
    await page.keyboard.press('Shift+F10');
    await page.waitForSelector('[role="menu"]');
    await page.keyboard.press('Escape');
    expect(await page.locator('[role="menu"]').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('sel')).toBe(ROOT);
  });

  it('keeps a pinned node, drawn with its mark, when its origin collapses; Back undoes the collapse', async () => {
    const meetings = await neighboursVia(page, ROOT, 'ATTENDED', true);
    const pinned = meetings[0] as string;
    await rightClick(h, page, pinned);
    await page.click('[role="menuitem"][data-item="pin"]');
    await page.waitForFunction(
      (n) => window.__apecKg?.sigma?.getNodeDisplayData(n)?.label?.startsWith('◆'),
      pinned,
    );
    expect(xpParam(page)).toMatch(new RegExp(`!${pinned}$`));
    const beforeCollapse = await visibleNodes(page);
    await rightClick(h, page, ROOT);
    await page.click('[role="menuitem"][data-item="collapse"]');
    await waitForVisibleCount(page, 2);
    expect(await visibleNodes(page)).toEqual([ROOT, pinned].sort());
    await page.goBack();
    await waitForVisibleCount(page, beforeCollapse.length);
    expect(await visibleNodes(page)).toEqual(beforeCollapse);
    await page.goForward();
    await waitForVisibleCount(page, 2);
  });

  it('removes a node from the exploration', async () => {
    const [other] = (await visibleNodes(page)).filter((n) => n !== ROOT);
    await rightClick(h, page, other as string);
    await page.click('[role="menuitem"][data-item="remove"]');
    await waitForVisibleCount(page, 1);
    expect(await visibleNodes(page)).toEqual([ROOT]);
  });

  it('restores the same exploration from its address', async () => {
    await rightClick(h, page, ROOT);
    await page.click('[role="menuitem"][data-item="all"]');
    await page.waitForFunction(
      () => (window.__apecKg?.graph?.filterNodes((_n, a) => !a.hidden).length ?? 0) > 2,
    );
    const [first] = (await visibleNodes(page)).filter((n) => n !== ROOT);
    await rightClick(h, page, first as string);
    await page.click('[role="menuitem"][data-item="pin"]');
    await page.waitForFunction(
      (n) => window.__apecKg?.sigma?.getNodeDisplayData(n)?.label?.startsWith('◆'),
      first,
    );
    const shown = await visibleNodes(page);
    const copy = await h.openPage(new URL(page.url()).search ? `/${new URL(page.url()).search}` : '/');
    try {
      expect(await visibleNodes(copy)).toEqual(shown);
      expect(xpParam(copy)).toBe(xpParam(page));
      expect(await copy.evaluate((n) => window.__apecKg?.sigma?.getNodeDisplayData(n)?.label, first)).toMatch(
        /^◆ /,
      );
      expect(await copy.locator('#explore-bar .explore-count').textContent()).toBe(
        `${shown.length} nodes shown`,
      );
    } finally {
      await copy.close();
    }
  });

  it('lists the shown nodes for the keyboard, which selects one and opens its menu', async () => {
    const shown = await visibleNodes(page);
    await page.click('#node-list summary');
    const listed = await page.$$eval('#node-list .node-link', (els) =>
      els.map((e) => e.getAttribute('data-node') ?? '').sort(),
    );
    expect(listed).toEqual(shown);
    const other = shown.find((n) => n !== ROOT) as string;
    await page.focus(`#node-list .node-link[data-node="${other}"]`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => new URL(location.href).searchParams.get('sel') === n, other);
    await page.focus(`#node-list .node-link[data-node="${other}"]`);
    await page.keyboard.press('Shift+F10');
    await page.waitForSelector('[role="menu"]');
    const name = await page.evaluate((n) => window.__apecKg?.graph?.getNodeAttribute(n, 'name'), other);
    expect(await page.locator('#explore-menu-title').textContent()).toBe(`Actions for ${name}`);
    // Escape gives focus back to where the menu was opened from.
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-node'))).toBe(other);
    await page.click('#node-list summary');
  });

  it('applies the filters on top: hidden types are neither listed nor revealed', async () => {
    const p = await h.openPage(`/?sel=${ROOT}&xp=${ROOT}!${ROOT}&hideRel=ATTENDED`);
    try {
      await p.keyboard.press('Shift+F10');
      const ids = (await menuItems(p)).map((i) => i.id);
      expect(ids).not.toContain('out:ATTENDED');
      await p.click('[role="menuitem"][data-item="all"]');
      await p.waitForFunction(
        () => (window.__apecKg?.graph?.filterNodes((_n, a) => !a.hidden).length ?? 0) > 1,
      );
      const shownEdges = await p.evaluate(() =>
        window.__apecKg?.graph
          ?.filterEdges((_e, a) => !a.hidden)
          .map((e) => window.__apecKg?.graph?.getEdgeAttribute(e, 'relType')),
      );
      expect(shownEdges?.length).toBeGreaterThan(0);
      expect(shownEdges).not.toContain('ATTENDED');
    } finally {
      await p.close();
    }
  });

  it('speaks 繁體中文: banner, menu and relationship types', async () => {
    const p = await h.openPage(`/?lang=zh-Hant&sel=${ROOT}&xp=${ROOT}!${ROOT}`);
    try {
      expect(await p.locator('#explore-bar .explore-root').textContent()).toBe('從「中華台北」探索');
      expect(await p.locator('#explore-exit').textContent()).toBe('結束探索');
      await p.keyboard.press('Shift+F10');
      const items = await menuItems(p);
      expect(await p.locator('#explore-menu-title').textContent()).toBe('「中華台北」的操作');
      const attended = items.find((i) => i.id === 'out:ATTENDED');
      expect(attended?.text).toBe('出席 →');
      expect(attended?.name).toBe(`出席 （由此發出）${attended?.count} 個未顯示`);
      expect(items.find((i) => i.id === 'all')?.text).toBe('所有相鄰節點');
      expect(items.find((i) => i.id === 'pin')?.text).toBe('釘選');
      expect(await axeViolations(p)).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('returns to the whole graph on exit', async () => {
    await page.click('#explore-exit');
    await page.waitForFunction(() => window.__apecKg?.graph?.everyNode((_n, a) => !a.hidden));
    expect(xpParam(page)).toBeNull();
    expect(await page.locator('#explore-bar').isHidden()).toBe(true);
    expect(h.pageErrors(page)).toEqual([]);
  });

  it('starts from the ⊙ beside a search result too', async () => {
    await page.fill('#search-input', '韓國');
    await page.click('#search-input-list [data-explore="KOR"]');
    await waitForVisibleCount(page, 1);
    expect(await visibleNodes(page)).toEqual(['KOR']);
    expect(xpParam(page)).toBe('KOR!KOR');
    expect(await page.locator('#explore-bar .explore-root').textContent()).toBe(
      'Exploring from Republic of Korea',
    );
  });
});
