// bench:ui's Sources measurement: opening a generated 300-page source (form-fed pages, numbered headings, a
// quoted fact every few lines) in the Sources tab, against opening the seed report in the same run, and against
// the same 300 pages put on the page as one plain <pre> (what the view would cost without its blocks).

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { exportGraphJson } from '../../src/model/export.js';
import { loadKnowledgeBase } from '../../src/model/read.js';
import type { KnowledgeBase } from '../../src/model/types.js';
import { createServer, DEFAULT_STATIC_DIR } from '../../src/server/create-server.js';
import { median } from '../stats.js';

/** A graph/ folder with one Source of `pages` pages and a Topic node quoting every third sentence. */
export function generatedSource(pages: number): { dir: string; kb: KnowledgeBase } {
  const dir = mkdtempSync(join(tmpdir(), 'apec-kg-bench-source-'));
  mkdirSync(join(dir, 'sources'));
  const parts: string[] = [];
  const quotes: { section: string; quote: string }[] = [];
  for (let p = 1; p <= pages; p++) {
    const lines = [`${p}. Section ${p} of the generated report`];
    for (let s = 1; s <= 24; s++) {
      const sentence = `Economy ${(p * 7 + s) % 21} reported item ${p}.${s} on digital trade, privacy and AI governance, with a statement long enough to wrap at least once in the viewer.`;
      lines.push(`${p}.${s}. ${sentence}`);
      if (s % 3 === 0) quotes.push({ section: `${p}.${s}`, quote: sentence });
    }
    parts.push(lines.join('\n'));
  }
  writeFileSync(join(dir, 'sources', 'generated.en.txt'), parts.join('\n\f'));
  const yaml = [
    'source: src-generated',
    'nodes:',
    '  - { id: src-generated, label: Source, name: Generated report, props: { file: sources/generated.en.txt, language: en }, prov: { section: "1", quote: Section 1 of the generated report } }',
    ...quotes.map(
      (q, i) =>
        `  - { id: t-${i}, label: Topic, name: Topic ${i}, prov: { section: "${q.section}", quote: ${JSON.stringify(q.quote)} } }`,
    ),
  ].join('\n');
  writeFileSync(join(dir, 'generated.yaml'), `${yaml}\n`);
  return { dir, kb: loadKnowledgeBase(dir) };
}

const OPEN_SOURCE = `async (id) => {
  const t0 = performance.now();
  document.querySelector('.src-item[data-source="' + id + '"]').click();
  await new Promise((resolve) => {
    const done = () => document.querySelector('.src-text mark') && resolve();
    new MutationObserver(done).observe(document.body, { childList: true, subtree: true });
    done();
  });
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now() - t0;
}`;

const PLAIN_PRE = `async (text) => {
  const t0 = performance.now();
  const host = document.querySelector('.src-body');
  const pre = document.createElement('pre');
  pre.style.cssText = 'white-space: pre-wrap; overflow: auto; height: 300px; margin: 0';
  pre.textContent = text;
  host.replaceChildren(pre);
  pre.getBoundingClientRect();
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now() - t0;
}`;

async function openMs(page: Page, id: string): Promise<number> {
  return page.evaluate(`(${OPEN_SOURCE})(${JSON.stringify(id)})`) as Promise<number>;
}

export interface SourceBench {
  pages: number;
  chars: number;
  quotes: number;
  seedMs: number;
  largeMs: number;
  plainPreMs: number;
}

export async function benchSourceView(browser: Browser, reps: number, pages = 300): Promise<SourceBench> {
  const { dir, kb: large } = generatedSource(pages);
  const seed = loadKnowledgeBase();
  // One knowledge base holding both sources, so both open from the same list on the same server; the page
  // shows the APEC graph, as in use.
  const kb: KnowledgeBase = {
    nodes: [...seed.nodes, ...large.nodes],
    edges: seed.edges,
    sourceTexts: new Map([...seed.sourceTexts, ...large.sourceTexts]),
  };
  const server = await createServer({
    knowledgeBase: kb,
    graphJson: exportGraphJson(seed),
    staticDir: DEFAULT_STATIC_DIR,
    neo4j: null,
  });
  const text = large.sourceTexts.get('src-generated') ?? '';
  const seedMs: number[] = [];
  const largeMs: number[] = [];
  const preMs: number[] = [];
  try {
    for (let r = 0; r < reps; r++) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await page.goto(`${server.url}?tab=sources`);
      await page.waitForSelector('.src-item[data-source="src-generated"]');
      seedMs.push(await openMs(page, 'src-desg-dps-2025-02'));
      largeMs.push(await openMs(page, 'src-generated'));
      preMs.push((await page.evaluate(`(${PLAIN_PRE})(${JSON.stringify(text)})`)) as number);
      await page.close();
      process.stderr.write('.');
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    pages,
    chars: text.length,
    quotes: large.nodes.length - 1,
    seedMs: median(seedMs),
    largeMs: median(largeMs),
    plainPreMs: median(preMs),
  };
}

export function printSourceBench(b: SourceBench): boolean {
  const ok = b.largeMs <= 1000;
  console.log(
    `\nSources view (medians): the seed report opens in ${b.seedMs.toFixed(0)} ms; a generated ${b.pages}-page source ` +
      `(${(b.chars / 1000).toFixed(0)}k characters, ${b.quotes} highlighted quotes) in ${b.largeMs.toFixed(0)} ms ` +
      `(${(b.largeMs / b.seedMs).toFixed(1)}× the seed; target ≤ 1000 ms: ${ok ? 'ok' : 'MISS'}); ` +
      `the same text as one plain <pre>, no highlights: ${b.plainPreMs.toFixed(0)} ms.`,
  );
  return ok;
}
