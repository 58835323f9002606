// End-to-end harness: the real page (built with Vite), the real server, real headless Chromium.
// One harness per test file: startHarness() in beforeAll, close() in afterAll.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.js';
import { loadKnowledgeBase, REPO_ROOT } from '../../src/model/read.js';
import { createDriver, type Neo4jConfig } from '../../src/neo4j/config.js';
import { loadIntoNeo4j } from '../../src/neo4j/loader.js';
import { createServer, type RunningServer } from '../../src/server/create-server.js';
import { buildFrontend, frontendBuildNeeded } from '../../src/server/frontend-build.js';

export { CHROMIUM_PATH };
export const SCREENSHOT_DIR = join(REPO_ROOT, 'tests', 'screenshots');

export interface HarnessOptions {
  /**
   * The database the server talks to: 'test' (default) is the run's test Neo4j from tests/setup/global.ts,
   * with graph/ loaded into it; null runs the explorer in static mode (no Cypher).
   */
  neo4j?: 'test' | Neo4jConfig | null;
  viewport?: { width: number; height: number };
  /** The server's graph root (default graph/); the review tests give it a temporary copy they may write. */
  graphDir?: string;
  /** Starts the server for review (`npm run review`) with this token. */
  reviewToken?: string;
}

export interface ScreenPoint {
  x: number;
  y: number;
}

export interface PixelStats {
  width: number;
  height: number;
  /** Share of pixels that are not (near) white. */
  inkShare: number;
  /** Per requested hex colour, how many pixels are within a small distance of it. */
  colorCounts: Record<string, number>;
}

export interface Harness {
  server: RunningServer;
  context: BrowserContext;
  /** Opens the explorer at a path relative to the server ('/?sel=TWN') and waits until the graph is ready. */
  openPage(path?: string): Promise<Page>;
  /** Uncaught errors the page has thrown since openPage (a failing draw inside sigma surfaces only here). */
  pageErrors(page: Page): string[];
  /** Page coordinates of a node's centre, from sigma's graphToViewport and the canvas position. */
  nodeScreenPosition(page: Page, node: string): Promise<ScreenPoint>;
  /**
   * The node of a category that is easiest to point at: on the canvas, clear of the toolbar, and farthest
   * from any other node on screen. Keeps mouse tests independent of where the layout puts things.
   */
  isolatedNode(page: Page, category: string): Promise<string>;
  /** Resolves after sigma has drawn a frame that follows everything done so far. */
  waitForRender(page: Page): Promise<void>;
  /** Screenshots the graph canvas and counts its pixels (decoded in the page, so no image library is needed). */
  /** Pixel statistics of the graph area, or of clip (page coordinates) when given. */
  samplePixels(
    page: Page,
    colors?: string[],
    clip?: { x: number; y: number; width: number; height: number },
  ): Promise<PixelStats>;
  /** Saves tests/screenshots/<name>.png (git-ignored; the lead copies current ones into the README). */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

let buildOnce: Promise<void> | undefined;

/** Builds dist/app when it is missing or older than its sources; once per test process. */
export function ensureBuilt(): Promise<void> {
  buildOnce ??= frontendBuildNeeded(REPO_ROOT).needed ? buildFrontend(REPO_ROOT) : Promise.resolve();
  return buildOnce;
}

/** The run's test database, with the knowledge base of graph/ loaded (a sync: cheap when already there). */
export async function testNeo4jWithGraph(): Promise<Neo4jConfig> {
  const cfg: Neo4jConfig = {
    uri: inject('neo4jUri'),
    user: inject('neo4jUser'),
    password: inject('neo4jPassword'),
  };
  const driver = createDriver(cfg);
  try {
    await loadIntoNeo4j(driver, loadKnowledgeBase());
  } finally {
    await driver.close();
  }
  return cfg;
}

const errorsOf = new WeakMap<Page, string[]>();

/**
 * One harness for the tests of the enclosing describe block (or file): started in beforeAll, with a page
 * opened at `open` when given, and closed in afterAll. `started` hands them to the block's variables.
 */
export function useHarness(
  opts: HarnessOptions & { open: string },
  started: (harness: Harness, page: Page) => void,
): void;
export function useHarness(opts: HarnessOptions, started: (harness: Harness) => void): void;
export function useHarness(
  opts: HarnessOptions & { open?: string },
  started: (harness: Harness, page: Page) => void,
): void {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness(opts);
    if (opts.open === undefined) (started as (h: Harness) => void)(harness);
    else started(harness, await harness.openPage(opts.open));
  });
  afterAll(async () => {
    await harness?.close();
  });
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  await ensureBuilt();
  const wanted = opts.neo4j === undefined ? 'test' : opts.neo4j;
  const neo4j = wanted === 'test' ? await testNeo4jWithGraph() : wanted;
  const server = await createServer({
    neo4j,
    port: 0,
    ...(opts.graphDir ? { graphDir: opts.graphDir } : {}),
    ...(opts.reviewToken ? { review: { token: opts.reviewToken } } : {}),
  });
  const profile = mkdtempSync(join(tmpdir(), 'apec-kg-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: opts.viewport ?? { width: 1366, height: 768 },
      acceptDownloads: true,
    });
  } catch (err) {
    await server.close();
    rmSync(profile, { recursive: true, force: true });
    throw err;
  }

  const waitForRender = async (page: Page): Promise<void> => {
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const sigma = window.__apecKg?.sigma;
          if (!sigma) throw new Error('the page has no renderer yet');
          sigma.once('afterRender', () => resolve());
          sigma.scheduleRefresh();
        }),
    );
  };

  return {
    server,
    context,
    async openPage(path = '/') {
      const page = await context.newPage();
      const errors: string[] = [];
      errorsOf.set(page, errors);
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto(new URL(path, server.url).href);
      await page.waitForFunction(() => window.__apecKg !== undefined);
      try {
        await page.evaluate(() => window.__apecKg?.ready);
      } catch (err) {
        throw new Error(
          `the explorer did not start: ${(err as Error).message}; page errors: ${errors.join(' | ')}`,
        );
      }
      return page;
    },
    pageErrors(page) {
      return errorsOf.get(page) ?? [];
    },
    async nodeScreenPosition(page, node) {
      return page.evaluate((id) => {
        const handle = window.__apecKg;
        if (!handle?.sigma || !handle.graph) throw new Error('the explorer is not ready');
        const a = handle.graph.getNodeAttributes(id);
        const p = handle.sigma.graphToViewport({ x: a.x, y: a.y });
        const rect = handle.sigma.getContainer().getBoundingClientRect();
        return { x: rect.left + p.x, y: rect.top + p.y };
      }, node);
    },
    waitForRender,
    async isolatedNode(page, category) {
      return page.evaluate((cat) => {
        const handle = window.__apecKg;
        if (!handle?.sigma || !handle.graph) throw new Error('the explorer is not ready');
        const { sigma, graph } = handle;
        const { width, height } = sigma.getDimensions();
        const toolbar = document.querySelector('#toolbar')?.getBoundingClientRect();
        const canvas = sigma.getContainer().getBoundingClientRect();
        const points = graph
          .filterNodes((_n, a) => !a.hidden)
          .map((n) => ({ n, ...sigma.graphToViewport(graph.getNodeAttributes(n)) }));
        let best: { n: string; d: number } | undefined;
        for (const p of points) {
          if (graph.getNodeAttribute(p.n, 'category') !== cat) continue;
          if (p.x < 20 || p.y < 20 || p.x > width - 20 || p.y > height - 20) continue;
          const px = canvas.left + p.x;
          const py = canvas.top + p.y;
          if (toolbar && px > toolbar.left - 20 && px < toolbar.right + 20 && py < toolbar.bottom + 20)
            continue;
          let d = Number.POSITIVE_INFINITY;
          for (const q of points) if (q.n !== p.n) d = Math.min(d, Math.hypot(q.x - p.x, q.y - p.y));
          if (!best || d > best.d) best = { n: p.n, d };
        }
        if (!best) throw new Error(`no ${cat} node is on screen`);
        return best.n;
      }, category);
    },
    async samplePixels(page, colors = [], clip) {
      await waitForRender(page);
      const png = clip ? await page.screenshot({ clip }) : await page.locator('#graph').screenshot();
      return page.evaluate(
        async ({ b64, colors }) => {
          const img = new Image();
          img.src = `data:image/png;base64,${b64}`;
          await img.decode();
          const canvas = document.createElement('canvas');
          canvas.width = img.width;
          canvas.height = img.height;
          const g = canvas.getContext('2d');
          if (!g) throw new Error('no 2d context');
          g.drawImage(img, 0, 0);
          const data = g.getImageData(0, 0, img.width, img.height).data;
          const targets = colors.map((hex) => {
            const n = Number.parseInt(hex.slice(1), 16);
            return [(n >> 16) & 255, (n >> 8) & 255, n & 255] as const;
          });
          const counts = colors.map(() => 0);
          let ink = 0;
          for (let i = 0; i < data.length; i += 4) {
            const r = data[i] as number;
            const gr = data[i + 1] as number;
            const b = data[i + 2] as number;
            if (r < 235 || gr < 235 || b < 235) ink += 1;
            targets.forEach(([tr, tg, tb], k) => {
              if (Math.abs(r - tr) + Math.abs(gr - tg) + Math.abs(b - tb) < 30)
                counts[k] = (counts[k] ?? 0) + 1;
            });
          }
          return {
            width: img.width,
            height: img.height,
            inkShare: ink / (img.width * img.height),
            colorCounts: Object.fromEntries(colors.map((c, k) => [c, counts[k] ?? 0])),
          };
        },
        { b64: png.toString('base64'), colors },
      );
    },
    async screenshot(page, name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await waitForRender(page);
      await page.screenshot({ path });
      return path;
    },
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
