// The graph view in real Chromium: it draws, nodes respond to the mouse, and the language switch relabels.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { curveControlPoint } from '../../src/app/graph/webgl/edge-hit.js';
import { createLocalizer } from '../../src/app/i18n.js';
import { CATEGORY_COLORS } from '../../src/model/palette.js';
import { type Harness, useHarness } from './harness.js';

describe('graph view', () => {
  let h: Harness;
  let page: Page;
  useHarness({ open: '/' }, (started, opened) => {
    h = started;
    page = opened;
  });

  it('loads the whole graph with its precomputed positions', async () => {
    const info = await page.evaluate(async () => {
      const res = await fetch('/api/graph');
      const data = (await res.json()) as { nodes: { key: string; attributes: { x: number; y: number } }[] };
      const g = window.__apecKg?.graph;
      const first = data.nodes[0];
      return {
        order: g?.order,
        expected: data.nodes.length,
        samePosition: first ? g?.getNodeAttribute(first.key, 'x') === first.attributes.x : false,
      };
    });
    expect(info.order).toBe(info.expected);
    expect(info.expected).toBeGreaterThan(50);
    expect(info.samePosition).toBe(true);
  });

  it('draws the graph on the canvas, in the category colours', async () => {
    const stats = await h.samplePixels(page, [CATEGORY_COLORS.Economy, CATEGORY_COLORS.Forum]);
    expect(stats.width).toBeGreaterThan(400);
    expect(stats.inkShare).toBeGreaterThan(0.01);
    expect(stats.colorCounts[CATEGORY_COLORS.Economy]).toBeGreaterThan(50);
    expect(stats.colorCounts[CATEGORY_COLORS.Forum]).toBeGreaterThan(50);
    await h.screenshot(page, 'graph-overview');
  });

  it('opens the details of a node clicked at its screen position', async () => {
    const p = await h.nodeScreenPosition(page, 'JPN');
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(
      () => document.querySelector('#panel-details')?.getAttribute('data-node') === 'JPN',
    );
    await expect.poll(() => page.locator('#details-title').textContent()).toBe('Japan');
    expect(new URL(page.url()).searchParams.get('sel')).toBe('JPN');
  });

  it('finds the node under the mouse from the frame after the first drawing, with nothing else happening', async () => {
    // The first frame leaves out the hidden picking layer (deferred-picking.ts); the renderer must draw it by
    // itself once that frame is on screen, not wait for the panels or a camera move to cause a frame.
    const fresh = await h.context.newPage();
    try {
      await fresh.goto(new URL('/', h.server.url).href);
      await fresh.waitForFunction(() => window.__apecKg?.sigma !== undefined);
      const node = await h.isolatedNode(fresh, 'Economy');
      // The renderer draws the picking layer in a task after the next frame: two frames leave room for it.
      await fresh.evaluate(() => {
        const sigma = window.__apecKg?.sigma;
        if (!sigma) throw new Error('no renderer');
        const w = window as unknown as { entered: string[] };
        w.entered = [];
        sigma.on('enterNode', ({ node }) => w.entered.push(node));
        return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      });
      const p = await h.nodeScreenPosition(fresh, node);
      await fresh.mouse.move(p.x, p.y);
      await fresh.waitForFunction(
        (n) => (window as unknown as { entered: string[] }).entered.includes(n),
        node,
      );
    } finally {
      await fresh.close();
    }
  });

  it('highlights the hovered node and its neighbours and dims the rest', async () => {
    await page.keyboard.press('Escape');
    const isolated = await h.isolatedNode(page, 'Economy');
    const target = await page.evaluate((node) => {
      const g = window.__apecKg?.graph;
      if (!g) throw new Error('no graph');
      const neighbour = g.neighbors(node)[0] as string;
      const stranger = g.findNode((n) => n !== node && !g.areNeighbors(n, node)) as string;
      return { node, neighbour, stranger };
    }, isolated);
    const p = await h.nodeScreenPosition(page, target.node);
    await page.mouse.move(p.x, p.y);
    await page.waitForFunction(
      ({ stranger }) => window.__apecKg?.sigma?.getNodeDisplayData(stranger)?.color === '#dde1e6',
      target,
    );
    const colors = await page.evaluate(({ node, neighbour }) => {
      const sigma = window.__apecKg?.sigma;
      return [sigma?.getNodeDisplayData(node)?.color, sigma?.getNodeDisplayData(neighbour)?.color];
    }, target);
    expect(colors[0]).toBe(CATEGORY_COLORS.Economy);
    expect(colors[1]).not.toBe('#dde1e6');
    // Direction shows on the highlighted relationships only; the rest of the overview stays plain lines.
    const programs = await page.evaluate(({ node }) => {
      const sigma = window.__apecKg?.sigma;
      const g = window.__apecKg?.graph;
      if (!sigma || !g) throw new Error('no graph');
      const own = g.edges(node).map((e) => sigma.getEdgeDisplayData(e)?.type);
      const other = g.findEdge((_e, a, s, t) => s !== node && t !== node && a.type === 'line') as string;
      return { own, other: sigma.getEdgeDisplayData(other)?.type };
    }, target);
    expect(programs.own.length).toBeGreaterThan(0);
    for (const type of programs.own) expect(['arrow', 'curvedArrow']).toContain(type);
    expect(programs.own).toContain('arrow');
    expect(programs.other).toBe('line');
    // The hovered node is drawn again on top of its label box, by a program compiled on first use.
    const centre = await h.samplePixels(page, [CATEGORY_COLORS.Economy], {
      x: p.x - 1,
      y: p.y - 1,
      width: 3,
      height: 3,
    });
    expect(centre.colorCounts[CATEGORY_COLORS.Economy]).toBe(9);
    expect(h.pageErrors(page)).toEqual([]);
    // Leave over an empty corner of the canvas (not off it), so sigma also clears its own hover drawing.
    const box = await page.locator('#graph').boundingBox();
    if (!box) throw new Error('no canvas');
    await page.mouse.move(box.x + 4, box.y + box.height - 4);
    await page.waitForFunction(
      ({ stranger }) => window.__apecKg?.sigma?.getNodeDisplayData(stranger)?.color !== '#dde1e6',
      target,
    );
  });

  it('highlights the relationship under the mouse and shows its label', async () => {
    // Zoomed in a little (edge labels still hidden at this ratio), the straight edge whose midpoint is
    // farthest from every node and every other edge on screen, so the mouse there can only mean that edge.
    await page.evaluate(() =>
      window.__apecKg?.sigma?.getCamera().setState({ x: 0.5, y: 0.5, ratio: 0.5, angle: 0 }),
    );
    await h.waitForRender(page);
    const target = await page.evaluate(() => {
      const handle = window.__apecKg;
      if (!handle?.sigma || !handle.graph) throw new Error('the explorer is not ready');
      const { sigma, graph } = handle;
      const rect = sigma.getContainer().getBoundingClientRect();
      const toolbar = document.querySelector('#toolbar')?.getBoundingClientRect();
      const { width, height } = sigma.getDimensions();
      const screen = (n: string) => sigma.graphToViewport(graph.getNodeAttributes(n));
      const segments = graph
        .filterEdges(
          (_e, a, s, t) =>
            !a.hidden && !graph.getNodeAttribute(s, 'hidden') && !graph.getNodeAttribute(t, 'hidden'),
        )
        .map((e) => ({
          e,
          a: screen(graph.source(e)),
          b: screen(graph.target(e)),
          curved: graph.getEdgeAttribute(e, 'type') === 'curved',
        }));
      const nodes = graph
        .filterNodes((_n, a) => !a.hidden)
        .map((n) => ({ ...screen(n), r: sigma.getNodeDisplayData(n)?.size ?? 10 }));
      const toSegment = (
        p: { x: number; y: number },
        a: { x: number; y: number },
        b: { x: number; y: number },
      ) => {
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
        return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
      };
      let best: { edge: string; x: number; y: number; clearance: number } | undefined;
      for (const s of segments) {
        if (s.curved || Math.hypot(s.b.x - s.a.x, s.b.y - s.a.y) < 80) continue;
        const m = { x: (s.a.x + s.b.x) / 2, y: (s.a.y + s.b.y) / 2 };
        if (m.x < 30 || m.y < 30 || m.x > width - 30 || m.y > height - 30) continue;
        if (toolbar && rect.left + m.x > toolbar.left - 30 && rect.top + m.y < toolbar.bottom + 30) continue;
        let clearance = Number.POSITIVE_INFINITY;
        // Curved edges bend away from their chord, so they count with a wider berth.
        for (const o of segments)
          if (o.e !== s.e) clearance = Math.min(clearance, toSegment(m, o.a, o.b) - (o.curved ? 40 : 0));
        for (const n of nodes) clearance = Math.min(clearance, Math.hypot(n.x - m.x, n.y - m.y) - n.r);
        if (!best || clearance > best.clearance)
          best = { edge: s.e, x: rect.left + m.x, y: rect.top + m.y, clearance };
      }
      if (!best) throw new Error('no straight relationship is on screen');
      return { ...best, relType: graph.getEdgeAttribute(best.edge, 'relType') };
    });
    // Farther than the explorer's hit tolerance for edges (4 px) from anything else.
    expect(target.clearance).toBeGreaterThan(4);
    const other = await page.evaluate(
      (edge) => window.__apecKg?.graph?.findEdge((e) => e !== edge) as string,
      target.edge,
    );
    await page.mouse.move(target.x, target.y);
    await page.waitForFunction(
      (edge) => window.__apecKg?.sigma?.getEdgeDisplayData(edge)?.forceLabel === true,
      target.edge,
    );
    const shown = await page.evaluate(
      ({ edge, other }) => {
        const sigma = window.__apecKg?.sigma;
        return { hovered: sigma?.getEdgeDisplayData(edge), other: sigma?.getEdgeDisplayData(other)?.label };
      },
      { edge: target.edge, other },
    );
    expect(shown.hovered?.label).toBe(createLocalizer('en').relName(target.relType));
    expect(shown.hovered?.size).toBe(2);
    // Other relationships keep no label (sigma stores the null as an empty string).
    expect(shown.other).toBe('');
    const box = await page.locator('#graph').boundingBox();
    if (!box) throw new Error('no canvas');
    await page.mouse.move(box.x + 4, box.y + box.height - 4);
    await page.waitForFunction(
      (edge) => window.__apecKg?.sigma?.getEdgeDisplayData(edge)?.forceLabel !== true,
      target.edge,
    );
    await page.evaluate(() =>
      window.__apecKg?.sigma?.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }),
    );
  });

  it('draws its first frame with one edge program and one node program, curves included', async () => {
    // On software WebGL each program costs 70–185 ms on its first draw: the overview draws curves as pieces of
    // the line program (line-programs.ts) and leaves the picking layer for later (deferred-picking.ts).
    const fresh = await h.context.newPage();
    try {
      await fresh.addInitScript(() => {
        const links = new Map<HTMLCanvasElement | OffscreenCanvas, number>();
        for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
          const link = proto.linkProgram;
          proto.linkProgram = function (this: WebGLRenderingContext, program: WebGLProgram) {
            links.set(this.canvas, (links.get(this.canvas) ?? 0) + 1);
            return link.call(this, program);
          };
        }
        const w = window as unknown as { __apecKg?: unknown; linkedAtFirstDrawing?: Record<string, number> };
        let handle: unknown;
        Object.defineProperty(w, '__apecKg', {
          configurable: true,
          get: () => handle,
          set(value: { drawn: Promise<void>; sigma?: { getCanvases(): Record<string, HTMLCanvasElement> } }) {
            handle = value;
            void value.drawn.then(() => {
              const canvases = value.sigma?.getCanvases() ?? {};
              w.linkedAtFirstDrawing = Object.fromEntries(
                Object.entries(canvases).map(([layer, canvas]) => [layer, links.get(canvas) ?? 0]),
              );
            });
          },
        });
      });
      await fresh.goto(new URL('/', h.server.url).href);
      await fresh.waitForFunction(() => 'linkedAtFirstDrawing' in window);
      const seen = await fresh.evaluate(() => ({
        linked: (window as unknown as { linkedAtFirstDrawing: Record<string, number> }).linkedAtFirstDrawing,
        curved: window.__apecKg?.graph?.filterEdges((_e, a) => a.type === 'curved' && !a.hidden).length,
      }));
      expect(seen.curved).toBeGreaterThan(0);
      expect(seen.linked.edges).toBe(1);
      expect(seen.linked.nodes).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  it('draws parallel relationships as the same curves at overview zoom and zoomed in', async () => {
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('sel'));
    // Closer than the whole graph but still at overview zoom (above the ratio where the exact curve program takes
    // over), so that the farthest-bending curve bends by more than the probes' size on screen.
    await page.evaluate(() =>
      window.__apecKg?.sigma?.getCamera().setState({ x: 0.5, y: 0.5, ratio: 0.6, angle: 0 }),
    );
    await h.waitForRender(page);
    // The curve that bends farthest from its chord on screen, its middle clear of every node.
    const pick = await page.evaluate(() => {
      const handle = window.__apecKg;
      if (!handle?.sigma || !handle.graph) throw new Error('the explorer is not ready');
      const { sigma, graph } = handle;
      const { width, height } = sigma.getDimensions();
      const screen = (n: string) => sigma.graphToViewport(graph.getNodeAttributes(n));
      const nodes = graph.mapNodes((n) => ({ ...screen(n), r: sigma.getNodeDisplayData(n)?.size ?? 10 }));
      let best: { edge: string; bend: number } | undefined;
      graph.forEachEdge((edge, a, s, t) => {
        if (a.type !== 'curved') return;
        const p = screen(s);
        const q = screen(t);
        // Half the control point's offset (edge-hit.ts): where the curve's middle lies from the chord's.
        const chord = { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
        const curve = {
          x: chord.x + ((q.y - p.y) * a.curvature) / 2,
          y: chord.y - ((q.x - p.x) * a.curvature) / 2,
        };
        const bend = Math.hypot(curve.x - chord.x, curve.y - chord.y);
        for (const m of [chord, curve]) {
          if (m.x < 40 || m.y < 40 || m.x > width - 40 || m.y > height - 40) return;
          if (nodes.some((n) => Math.hypot(n.x - m.x, n.y - m.y) < n.r + 10)) return;
        }
        if (!best || bend > best.bend) best = { edge, bend };
      });
      if (!best) throw new Error('no curved relationship is on screen');
      // Only this relationship stays drawn, dark, so the pixels tested are its own.
      graph.forEachEdge((e) => {
        if (e !== best?.edge) graph.setEdgeAttribute(e, 'hidden', true);
      });
      const { color, size } = graph.getEdgeAttributes(best.edge);
      graph.mergeEdgeAttributes(best.edge, { color: '#000000', size: 2 });
      sigma.setSetting('renderLabels', false);
      return { ...best, color, size };
    });
    expect(pick.bend).toBeGreaterThan(8);
    const probe = async () => {
      await h.waitForRender(page);
      const ends = await page.evaluate((edge) => {
        const handle = window.__apecKg;
        if (!handle?.sigma || !handle.graph) throw new Error('the explorer is not ready');
        const { sigma, graph } = handle;
        const rect = sigma.getContainer().getBoundingClientRect();
        const at = (n: string) => {
          const p = sigma.graphToViewport(graph.getNodeAttributes(n));
          return { x: rect.left + p.x, y: rect.top + p.y };
        };
        return {
          a: at(graph.source(edge)),
          b: at(graph.target(edge)),
          curvature: graph.getEdgeAttribute(edge, 'curvature'),
          type: sigma.getEdgeDisplayData(edge)?.type,
        };
      }, pick.edge);
      const c = curveControlPoint(ends.a, ends.b, ends.curvature);
      const onCurve = { x: (ends.a.x + 2 * c.x + ends.b.x) / 4, y: (ends.a.y + 2 * c.y + ends.b.y) / 4 };
      const onChord = { x: (ends.a.x + ends.b.x) / 2, y: (ends.a.y + ends.b.y) / 2 };
      const ink = async (p: { x: number; y: number }) =>
        (
          await h.samplePixels(page, [], {
            x: Math.round(p.x) - 2,
            y: Math.round(p.y) - 2,
            width: 5,
            height: 5,
          })
        ).inkShare;
      return { type: ends.type, curve: await ink(onCurve), chord: await ink(onChord) };
    };
    try {
      const overview = await probe();
      expect(overview.type).toBe('curved');
      expect(overview.curve).toBeGreaterThan(0.2);
      expect(overview.chord).toBe(0);
      // Zoomed in, the exact curve program (with its arrowhead) takes over along the same path.
      await page.evaluate((edge) => {
        const handle = window.__apecKg;
        if (!handle?.sigma || !handle.graph) throw new Error('the explorer is not ready');
        const { sigma, graph } = handle;
        const s = graph.getNodeAttributes(graph.source(edge));
        const t = graph.getNodeAttributes(graph.target(edge));
        const mid = sigma.viewportToFramedGraph(
          sigma.graphToViewport({ x: (s.x + t.x) / 2, y: (s.y + t.y) / 2 }),
        );
        sigma.getCamera().setState({ ...mid, ratio: 0.25, angle: 0 });
      }, pick.edge);
      await page.waitForFunction(
        (edge) => window.__apecKg?.sigma?.getEdgeDisplayData(edge)?.type === 'curvedArrow',
        pick.edge,
      );
      const zoomed = await probe();
      expect(zoomed.curve).toBeGreaterThan(0.2);
      expect(zoomed.chord).toBe(0);
      expect(h.pageErrors(page)).toEqual([]);
    } finally {
      await page.evaluate(({ edge, color, size }) => {
        const handle = window.__apecKg;
        handle?.graph?.mergeEdgeAttributes(edge, { color, size });
        handle?.graph?.forEachEdge((e) => handle.graph?.setEdgeAttribute(e, 'hidden', false));
        handle?.sigma?.setSetting('renderLabels', true);
        handle?.sigma?.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
      }, pick);
    }
  });

  it('switches UI strings and node labels to Traditional Chinese and back', async () => {
    // No selection here: a selection dims (and unlabels) everything outside its neighbourhood.
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('sel'));
    await page.click('button[data-lang="zh-Hant"]');
    await page.waitForFunction(() => window.__apecKg?.sigma?.getNodeDisplayData('TWN')?.label === '中華台北');
    expect(await page.locator('#legend-title').textContent()).toBe('節點類型');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hant');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('zh-Hant');
    await h.screenshot(page, 'graph-zh-Hant');
    await page.click('button[data-lang="en"]');
    await page.waitForFunction(
      () => window.__apecKg?.sigma?.getNodeDisplayData('TWN')?.label === 'Chinese Taipei',
    );
    expect(await page.locator('#legend-title').textContent()).toBe('Node types');
  });

  it('re-runs ForceAtlas2 in a worker, stops it, and resets to the precomputed positions', async () => {
    await page.click('#layout-run');
    expect(await page.getAttribute('#layout-run', 'aria-pressed')).toBe('true');
    await page.waitForFunction(() => {
      const g = window.__apecKg?.graph;
      return !!g && g.someNode((_n, a) => a.x !== a.x0 || a.y !== a.y0);
    });
    await page.click('#layout-run');
    expect(await page.getAttribute('#layout-run', 'aria-pressed')).toBe('false');
    await page.click('#layout-reset');
    const moved = await page.evaluate(
      () => window.__apecKg?.graph?.filterNodes((_n, a) => a.x !== a.x0 || a.y !== a.y0).length,
    );
    expect(moved).toBe(0);
  });

  it('shows in the header that the database is connected, with its version', async () => {
    await page.waitForFunction(
      () => document.querySelector('#neo4j-status')?.getAttribute('data-state') === 'up',
    );
    expect(await page.locator('#neo4j-status .status-text').textContent()).toMatch(/^Neo4j \d+\.\d+/);
  });
});

describe('graph view without a database', () => {
  let h: Harness;
  useHarness({ neo4j: null }, (started) => {
    h = started;
  });

  it('still shows the graph, and the header says how to connect Neo4j', async () => {
    const page = await h.openPage('/');
    expect(await page.evaluate(() => window.__apecKg?.graph?.order)).toBeGreaterThan(50);
    await page.waitForFunction(
      () => document.querySelector('#neo4j-status')?.getAttribute('data-state') === 'down',
    );
    await page.click('#neo4j-status summary');
    expect(await page.locator('.status-help').isVisible()).toBe(true);
    expect(await page.locator('.status-help').textContent()).toMatch(/NEO4J_URI/);
  });
});
