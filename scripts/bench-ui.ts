// npm run bench:ui — how fast the explorer draws, as a ratio to a bare sigma page measured in the same run.
// Both pages are served by the real server (createServer with a graphJson override) and driven by headless
// Chromium; on this machine WebGL is software (SwiftShader), so absolute figures mean little, ratios a lot.

import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Command } from 'commander';
import type { SerializedGraph } from 'graphology-types';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { exportGraphJson } from '../src/model/export.js';
import { loadKnowledgeBase, REPO_ROOT } from '../src/model/read.js';
import { createServer, DEFAULT_STATIC_DIR } from '../src/server/create-server.js';
import { buildFrontend, frontendBuildNeeded } from '../src/server/frontend-build.js';
import { benchExplore, type ExploreRow, printExploreBench } from './bench-ui/explore.js';
import { benchSourceView, printSourceBench, type SourceBench } from './bench-ui/source-view.js';
import { syntheticGraph } from './bench-ui/synthetic.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';
import { median } from './stats.js';

interface Sample {
  /** ms from navigation start until the graph is drawn and the GPU has finished it. */
  firstRenderMs: number;
  /** ms from navigation start until the page is complete (the explorer: every panel mounted). */
  readyMs: number;
  fps: number;
  frames: number;
  /** gzip bytes of the JavaScript requested before the first full render. */
  jsGzipBytes: number;
  jsFiles: number;
}

type PageKind = 'bare' | 'explorer';

const HANDLE: Record<PageKind, string> = { bare: '__bare', explorer: '__apecKg' };

async function buildBarePage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: join(REPO_ROOT, 'scripts', 'bench-ui', 'bare'),
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

// In-page code is plain JavaScript text: tsx compiles this file with keepNames, whose `__name` helper does not
// exist inside the page, so functions passed to page.evaluate must not be compiled by it.
//
// Installed before any script of the page runs: it catches the page's handle as the page assigns it and
// timestamps "drawn" and "ready" on the page's own clock (zero = navigation start), so the time the
// benchmark's own messages take to reach a busy page never counts. A one-pixel read waits for the GPU to
// finish the frame (gl.finish() does not in Chrome). Sigma draws edges and nodes in separate WebGL contexts,
// each with its own command stream, so every one of them is read: reading the nodes alone can return before
// the edges are drawn.
const initTiming = (handleName: string) => `(() => {
  const name = ${JSON.stringify(handleName)};
  const times = (window.__benchTimes = {});
  Object.defineProperty(window, name, {
    configurable: true,
    set(handle) {
      Object.defineProperty(window, name, { value: handle, writable: true, configurable: true });
      handle.drawn.then(() => {
        for (const canvas of Object.values(handle.sigma.getCanvases())) {
          // A 2D canvas (labels) answers null here, having a context of another kind.
          const gl = canvas.getContext('webgl2') || canvas.getContext('webgl');
          if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
        }
        times.drawn = performance.now();
      });
      handle.ready.then(() => { times.ready = performance.now(); });
    },
  });
})()`;

const IN_PAGE_TIMES = `(() => {
  const { drawn, ready } = window.__benchTimes;
  const scripts = performance
    .getEntriesByType('resource')
    .filter((e) => e.startTime <= drawn && /\\.m?js(\\?|$)/.test(e.name))
    .map((e) => e.name);
  return { drawn, ready, scripts };
})()`;

// Zoom in while turning and panning, then back: every frame redraws nodes, edges and labels.
const IN_PAGE_ANIMATION = `async ({ h, duration }) => {
  const sigma = window[h].sigma;
  const camera = sigma.getCamera();
  let frames = 0;
  const count = () => { frames++; };
  sigma.on('afterRender', count);
  const start = camera.getState();
  const t0 = performance.now();
  await camera.animate({ ratio: start.ratio / 4, angle: start.angle + 0.6, x: start.x + 0.1 }, { duration });
  await camera.animate(start, { duration });
  const elapsed = performance.now() - t0;
  sigma.off('afterRender', count);
  return { frames, fps: (frames * 1000) / elapsed };
}`;

function inPage<T>(page: Page, fn: string, arg: unknown): Promise<T> {
  return page.evaluate(`(${fn})(${JSON.stringify(arg)})`) as Promise<T>;
}

/** Everything the page does is timed against its own clock, whose zero is the navigation start. */
async function measure(page: Page, kind: PageKind, url: string, animationMs: number): Promise<Sample> {
  const handle = HANDLE[kind];
  await page.addInitScript({ content: initTiming(handle) });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction('window.__benchTimes && window.__benchTimes.ready !== undefined', undefined, {
    timeout: 120_000,
  });
  const timing = (await page.evaluate(IN_PAGE_TIMES)) as { drawn: number; ready: number; scripts: string[] };
  const anim = await inPage<{ frames: number; fps: number }>(page, IN_PAGE_ANIMATION, {
    h: handle,
    duration: animationMs / 2,
  });
  let jsGzipBytes = 0;
  for (const src of timing.scripts) {
    const res = await page.request.get(src);
    jsGzipBytes += gzipSync(await res.body()).length;
  }
  return {
    firstRenderMs: timing.drawn,
    readyMs: timing.ready,
    fps: anim.fps,
    frames: anim.frames,
    jsGzipBytes,
    jsFiles: timing.scripts.length,
  };
}

interface Row {
  name: string;
  nodes: number;
  edges: number;
  bare: Sample;
  explorer: Sample;
}

function summarise(samples: Sample[]): Sample {
  return {
    firstRenderMs: median(samples.map((s) => s.firstRenderMs)),
    readyMs: median(samples.map((s) => s.readyMs)),
    fps: median(samples.map((s) => s.fps)),
    frames: median(samples.map((s) => s.frames)),
    jsGzipBytes: median(samples.map((s) => s.jsGzipBytes)),
    jsFiles: median(samples.map((s) => s.jsFiles)),
  };
}

async function benchGraph(
  browser: Browser,
  name: string,
  graph: SerializedGraph,
  opts: { bareDir: string; reps: number; animationMs: number; width: number; height: number },
): Promise<Row> {
  const explorerServer = await createServer({ graphJson: graph, staticDir: DEFAULT_STATIC_DIR, neo4j: null });
  const bareServer = await createServer({ graphJson: graph, staticDir: opts.bareDir, neo4j: null });
  const samples: Record<PageKind, Sample[]> = { bare: [], explorer: [] };
  try {
    for (let rep = 0; rep < opts.reps; rep++) {
      // Alternate the two pages so a slow spell of the machine hits both alike.
      for (const kind of ['bare', 'explorer'] as const) {
        // bypassCSP: the measuring code is injected as text, which the page's CSP (no eval) would refuse.
        const context = await browser.newContext({
          viewport: { width: opts.width, height: opts.height },
          bypassCSP: true,
        });
        const page = await context.newPage();
        try {
          const url = kind === 'bare' ? bareServer.url : explorerServer.url;
          samples[kind].push(await measure(page, kind, url, opts.animationMs));
        } finally {
          await context.close();
        }
      }
      process.stderr.write('.');
    }
  } finally {
    await explorerServer.close();
    await bareServer.close();
  }
  return {
    name,
    nodes: graph.nodes.length,
    edges: graph.edges?.length ?? 0,
    bare: summarise(samples.bare),
    explorer: summarise(samples.explorer),
  };
}

const fmt = (v: number, digits = 0) => v.toFixed(digits);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function printTable(rows: Row[]): boolean {
  const header = [
    'graph',
    'nodes',
    'edges',
    'render bare ms',
    'render explorer ms',
    'ratio (≤1.3)',
    'ready explorer ms',
    'fps bare',
    'fps explorer',
    'ratio (≥0.8)',
    'JS gz bare',
    'JS gz explorer',
  ];
  let allMet = true;
  const lines = rows.map((r) => {
    const renderRatio = r.explorer.firstRenderMs / r.bare.firstRenderMs;
    const fpsRatio = r.explorer.fps / r.bare.fps;
    const renderOk = renderRatio <= 1.3;
    const fpsOk = fpsRatio >= 0.8;
    allMet &&= renderOk && fpsOk;
    return [
      r.name,
      String(r.nodes),
      String(r.edges),
      fmt(r.bare.firstRenderMs),
      fmt(r.explorer.firstRenderMs),
      `${fmt(renderRatio, 2)} ${renderOk ? 'ok' : 'MISS'}`,
      fmt(r.explorer.readyMs),
      fmt(r.bare.fps, 1),
      fmt(r.explorer.fps, 1),
      `${fmt(fpsRatio, 2)} ${fpsOk ? 'ok' : 'MISS'}`,
      kb(r.bare.jsGzipBytes),
      kb(r.explorer.jsGzipBytes),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(line(l));
  const apec = rows.find((r) => r.name === 'APEC');
  if (apec) {
    const ok = apec.explorer.firstRenderMs <= 1000;
    allMet &&= ok;
    console.log(
      `\nAPEC graph drawn ${fmt(apec.explorer.firstRenderMs)} ms after navigation (target ≤ 1000 ms): ${ok ? 'ok' : 'MISS'}`,
    );
  }
  return allMet;
}

async function main(): Promise<void> {
  const program = new Command()
    .name('bench-ui')
    .description('Explorer first render, animation fps and first-paint JS, as ratios to a bare sigma page')
    .option('--sizes <list>', 'synthetic graph sizes (nodes)', '1000,2000,5000')
    .option('--edges-per-node <n>', 'edges per synthetic node', '3')
    .option('--reps <n>', 'page loads per graph and page kind (median reported)', '3')
    .option('--animation <ms>', 'length of the scripted camera animation', '3000')
    .option('--width <px>', 'viewport width', '1366')
    .option('--height <px>', 'viewport height', '768')
    .option('--no-apec', 'skip the real APEC graph')
    .option('--no-sources', 'skip opening a generated 300-page source in the Sources view')
    .option('--no-graphs', 'skip the graph measurements')
    .option('--no-explore', 'skip exploring from one node (APEC and a synthetic graph 20 times its size)')
    .option('--explore-size <n>', 'nodes of the synthetic graph explored', '7100')
    .option('--explore-steps <n>', '"all neighbours" expansions after the first', '10')
    .parse();
  const o = program.opts<{
    sizes: string;
    edgesPerNode: string;
    reps: string;
    animation: string;
    width: string;
    height: string;
    apec: boolean;
    sources: boolean;
    graphs: boolean;
    explore: boolean;
    exploreSize: string;
    exploreSteps: string;
  }>();
  const sizes = o.sizes.split(',').map((s) => Number.parseInt(s, 10));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`--sizes must list positive integers: ${o.sizes}`);
  const reps = Number.parseInt(o.reps, 10);
  const animationMs = Number.parseInt(o.animation, 10);

  const check = frontendBuildNeeded(REPO_ROOT);
  if (check.needed) {
    console.error(`Building the explorer (${check.reason})…`);
    await buildFrontend(REPO_ROOT);
  }
  const bareDir = mkdtempSync(join(tmpdir(), 'apec-kg-bench-bare-'));
  await buildBarePage(bareDir);

  const graphs: [string, SerializedGraph][] = [];
  if (o.graphs && o.apec) graphs.push(['APEC', exportGraphJson(loadKnowledgeBase()) as SerializedGraph]);
  for (const n of o.graphs ? sizes : []) {
    graphs.push([`synthetic ${n}`, syntheticGraph(n, Number(o.edgesPerNode)) as SerializedGraph]);
  }
  let sources: SourceBench | undefined;
  const exploreSize = Number.parseInt(o.exploreSize, 10);
  if (!Number.isInteger(exploreSize) || exploreSize < 1)
    throw new Error(`--explore-size must be a positive integer: ${o.exploreSize}`);
  const exploreRows: ExploreRow[] = [];

  const loadBefore = loadavg()[0] ?? 0;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const rows: Row[] = [];
  try {
    for (const [name, graph] of graphs) {
      process.stderr.write(`${name} (${graph.nodes.length} nodes) `);
      rows.push(
        await benchGraph(browser, name, graph, {
          bareDir,
          reps,
          animationMs,
          width: Number(o.width),
          height: Number(o.height),
        }),
      );
      process.stderr.write('\n');
    }
    if (o.explore) {
      const explored: [string, SerializedGraph][] = [
        ['APEC', exportGraphJson(loadKnowledgeBase()) as SerializedGraph],
        [`synthetic ${exploreSize}`, syntheticGraph(exploreSize, Number(o.edgesPerNode)) as SerializedGraph],
      ];
      for (const [name, graph] of explored) {
        process.stderr.write(`Exploring ${name} (${graph.nodes.length} nodes) `);
        exploreRows.push(
          await benchExplore(browser, name, graph, {
            reps,
            steps: Number.parseInt(o.exploreSteps, 10),
            animationMs,
            width: Number(o.width),
            height: Number(o.height),
          }),
        );
        process.stderr.write('\n');
      }
    }
    if (o.sources) {
      process.stderr.write('Sources view ');
      sources = await benchSourceView(browser, reps);
      process.stderr.write('\n');
    }
  } finally {
    await browser.close();
    rmSync(bareDir, { recursive: true, force: true });
  }
  console.log(
    `\nUI benchmark: ${reps} loads per page, medians; ${o.width}×${o.height}; animation ${animationMs} ms; software WebGL (SwiftShader).`,
  );
  console.log(
    'render = navigation start → graph drawn and GPU done; ready = every panel mounted too; ' +
      'JS gz = scripts requested before the render.',
  );
  // Other work on the machine slows both pages, but not always alike: a high load makes the ratios noisy too.
  console.log(
    `1-minute load average: ${loadBefore.toFixed(1)} at start, ${(loadavg()[0] ?? 0).toFixed(1)} at end (machine has 2 cores).\n`,
  );
  let met = rows.length > 0 ? printTable(rows) : true;
  if (sources) met = printSourceBench(sources) && met;
  if (exploreRows.length) met = printExploreBench(exploreRows) && met;
  console.log(met ? '\nAll targets met.' : '\nSome targets missed (see MISS).');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
