// npm run bench:ingest: time, characters per second and peak memory of each ingestion stage on the seed report
// (as text and as a PDF printed by Chromium) and on generated long PDFs. The long PDFs come in three sizes
// (a quarter, half and all of --pages) so that the same run shows whether reading grows linearly with pages.
// Stages are a list: a later stage (drafting) is added to `stages` and reads what the earlier ones left.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { readReport } from '../src/ingest/read/read-report.js';
import type { ExtractedText } from '../src/ingest/types.js';
import { REPO_ROOT } from '../src/model/read.js';
import { openPdfMaker } from '../tests/ingest/make-documents.js';

/** What the stages of one ingestion share: the input file and what each stage produced. */
export interface StageContext {
  path: string;
  extracted?: ExtractedText;
}

export interface Stage {
  name: string;
  run(ctx: StageContext): Promise<void>;
}

export const stages: Stage[] = [
  {
    name: 'read',
    run: async (ctx) => {
      ctx.extracted = await readReport(ctx.path);
    },
  },
];

interface Case {
  name: string;
  path: string;
  pages?: number;
}

interface Measure {
  ms: number;
  chars: number;
  peakRssMb: number;
  peakHeapMb: number;
}

const mb = (n: number) => n / (1024 * 1024);

function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Runs one stage once, sampling memory every 10 ms (pdfjs yields between pages, so the sampler gets to run). */
async function measure(stage: Stage, ctx: StageContext): Promise<Measure> {
  collect();
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 10);
  const start = performance.now();
  await stage.run(ctx);
  const ms = performance.now() - start;
  clearInterval(timer);
  sample();
  return { ms, chars: ctx.extracted?.text.length ?? 0, peakRssMb: mb(peakRss), peakHeapMb: mb(peakHeap) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number >= 1');
  return n;
}

/** Enough of the seed's paragraphs, repeated, to fill about `pages` A4 pages at 12 pt. */
function longText(seed: string, pages: number, seedPages: number): string {
  const copies = Math.ceil(pages / seedPages);
  return Array.from({ length: copies }, (_, i) => `第 ${i + 1} 份\n${seed}`).join('\n');
}

async function main(opts: { pages: number; runs: number }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'apec-kg-bench-ingest-'));
  try {
    const seedPath = join(REPO_ROOT, 'graph/sources/desg-dps-2025-02.zh.txt');
    const seed = readFileSync(seedPath, 'utf8');
    const cases: Case[] = [{ name: 'seed .txt', path: seedPath }];

    console.log('Printing the PDFs with Chromium (not timed)...');
    const maker = await openPdfMaker();
    try {
      const seedPdf = join(dir, 'seed.pdf');
      writeFileSync(seedPdf, await maker.makePdf(seed, { title: 'seed' }));
      const seedPages = (await readReport(seedPdf)).pages?.length ?? 1;
      cases.push({ name: 'seed .pdf', path: seedPdf, pages: seedPages });
      for (const share of [4, 2, 1]) {
        const target = Math.max(1, Math.round(opts.pages / share));
        const path = join(dir, `long-${target}.pdf`);
        // Print about the target, then report the real page count.
        writeFileSync(path, await maker.makePdf(longText(seed, target, seedPages)));
        cases.push({ name: `generated ~${target}-page .pdf`, path });
      }
    } finally {
      await maker.close();
    }

    // Warm-up: the first pdfjs document pays for loading the library and its CMaps.
    await readReport(cases[1]?.path ?? seedPath);

    const rows: string[][] = [];
    const perPage: { pages: number; ms: number }[] = [];
    for (const c of cases) {
      for (const stage of stages) {
        const runs: Measure[] = [];
        let pages = c.pages;
        for (let i = 0; i < opts.runs; i++) {
          const ctx: StageContext = { path: c.path };
          runs.push(await measure(stage, ctx));
          pages = ctx.extracted?.pages?.length ?? pages;
        }
        const ms = median(runs.map((r) => r.ms));
        const chars = runs[0]?.chars ?? 0;
        if (c.name.startsWith('generated') && pages) perPage.push({ pages, ms });
        rows.push([
          c.name,
          pages === undefined ? '' : String(pages),
          stage.name,
          ms.toFixed(0),
          chars ? Math.round(chars / (ms / 1000)).toLocaleString('en-US') : '',
          pages ? (ms / pages).toFixed(1) : '',
          Math.max(...runs.map((r) => r.peakRssMb)).toFixed(0),
          Math.max(...runs.map((r) => r.peakHeapMb)).toFixed(0),
        ]);
      }
    }
    const head = [
      'input',
      'pages',
      'stage',
      'ms (median)',
      'chars/s',
      'ms/page',
      'peak RSS MB',
      'peak heap MB',
    ];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const fmt = (r: string[]) => r.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ');
    console.log(`\n${fmt(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
    for (const r of rows) console.log(fmt(r));

    const first = perPage[0];
    const last = perPage[perPage.length - 1];
    if (first && last && last.pages > first.pages) {
      // Linear reading keeps the time per page flat; quadratic work would multiply it by the page ratio.
      const pageRatio = last.pages / first.pages;
      const timeRatio = last.ms / first.ms;
      console.log(
        `\nScaling: ${pageRatio.toFixed(1)}× the pages took ${timeRatio.toFixed(1)}× the time ` +
          `(linear ${pageRatio.toFixed(1)}×, quadratic ${(pageRatio * pageRatio).toFixed(1)}×).`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const program = new Command()
  .name('bench:ingest')
  .description('Time, characters per second and peak memory of report ingestion')
  .option('--pages <n>', 'pages of the longest generated PDF', positiveInt, 300)
  .option('--runs <n>', 'runs per input (the median is shown)', positiveInt, 3)
  .action(main);
await program.parseAsync();
