// npm run bench:ingest: time, characters per second and peak memory of each ingestion stage on the seed report
// (as text and as a PDF printed by Chromium) and on generated long PDFs. The long PDFs come in three sizes
// (a quarter, half and all of --pages) so that the same run shows whether reading grows linearly with pages.
// Each input is measured in a fresh Node process, so its peak memory is its own.
// Stages are a list, each reading what the earlier ones left: read the file, then draft its facts against graph/.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { draftReport } from '../src/ingest/draft-report.js';
import { readReport } from '../src/ingest/read/read-report.js';
import type { Draft, ExtractedText } from '../src/ingest/types.js';
import { loadKnowledgeBase, REPO_ROOT } from '../src/model/read.js';
import type { KnowledgeBase } from '../src/model/types.js';
import { openPdfMaker } from './bench-ingest/print-pdf.js';
import { makeDocx } from './bench-ingest/write-docx.js';
import { median } from './stats.js';

/** What the stages of one ingestion share: the input file and what each stage produced. */
export interface StageContext {
  path: string;
  extracted?: ExtractedText;
  draft?: Draft;
}

/** graph/, the gazetteer of the drafting stage: read once per process, before anything is timed. */
let knowledgeBase: KnowledgeBase | undefined;
const gazetteer = (): KnowledgeBase => {
  knowledgeBase ??= loadKnowledgeBase();
  return knowledgeBase;
};

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
  {
    name: 'draft',
    run: async (ctx) => {
      if (!ctx.extracted) throw new Error('the draft stage needs the read stage before it');
      ctx.draft = draftReport(ctx.extracted, gazetteer(), { slug: 'bench' });
    },
  },
];

/** One stage on one input, as the child process reports it. */
interface StageResult {
  stage: string;
  ms: number[];
  /** CPU time of the process (user + system): less shaken than wall time when other work shares the cores. */
  cpuMs: number[];
  chars: number;
  pages?: number;
}

interface CaseResult {
  stages: StageResult[];
  /** The child process's resident set once its modules are loaded, before the first stage. */
  startRssMb: number;
  /** Its peak resident set over all its runs. */
  peakRssMb: number;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number >= 1');
  return n;
}

/** Child process: every stage on one file, `runs` times; prints one JSON line. */
async function measureCase(path: string, runs: number, warmup?: string): Promise<void> {
  const startRssMb = process.memoryUsage().rss / (1024 * 1024);
  // The first PDF of a process pays for loading pdfjs and its CMaps: that is start-up, not reading.
  if (warmup) await readReport(warmup);
  gazetteer();
  const results: StageResult[] = stages.map((s) => ({ stage: s.name, ms: [], cpuMs: [], chars: 0 }));
  for (let i = 0; i < runs; i++) {
    const ctx: StageContext = { path };
    for (const [k, stage] of stages.entries()) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      await stage.run(ctx);
      const used = process.cpuUsage(cpu);
      const result = results[k] as StageResult;
      result.ms.push(performance.now() - start);
      result.cpuMs.push((used.user + used.system) / 1000);
      result.chars = ctx.extracted?.text.length ?? 0;
      const pages = ctx.extracted?.pages?.length;
      if (pages !== undefined) result.pages = pages;
    }
  }
  const out: CaseResult = { stages: results, startRssMb, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function runChild(path: string, runs: number, warmup: string | undefined): CaseResult {
  const args = [...process.execArgv, process.argv[1] ?? '', '--measure', path, '--runs', String(runs)];
  if (warmup) args.push('--warmup', warmup);
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  const last = out.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as CaseResult;
}

/** Enough of the seed, repeated, to fill about `pages` A4 pages at 12 pt. */
function longText(seed: string, pages: number, seedPages: number): string {
  const copies = Math.ceil(pages / seedPages);
  return Array.from({ length: copies }, (_, i) => `第 ${i + 1} 份\n${seed}`).join('\n');
}

async function main(opts: { pages: number; runs: number }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'apec-kg-bench-ingest-'));
  try {
    const seedPath = join(REPO_ROOT, 'graph/sources/desg-dps-2025-02.zh.txt');
    const seed = readFileSync(seedPath, 'utf8');
    const cases: { name: string; path: string }[] = [{ name: 'seed .txt', path: seedPath }];
    const seedDocx = join(dir, 'seed.docx');
    writeFileSync(seedDocx, (await makeDocx(seed)).bytes);
    cases.push({ name: 'seed .docx', path: seedDocx });

    console.log('Printing the PDFs with Chromium (not timed)...');
    const maker = await openPdfMaker();
    const warmupPdf = join(dir, 'warmup.pdf');
    try {
      writeFileSync(warmupPdf, await maker.makePdf('暖身 warm-up', { title: 'warm-up' }));
      const seedPdf = join(dir, 'seed.pdf');
      writeFileSync(seedPdf, await maker.makePdf(seed, { title: 'seed' }));
      const seedPages = (await readReport(seedPdf)).pages?.length ?? 1;
      cases.push({ name: 'seed .pdf', path: seedPdf });
      for (const share of [4, 2, 1]) {
        const target = Math.max(1, Math.round(opts.pages / share));
        const path = join(dir, `long-${target}.pdf`);
        writeFileSync(path, await maker.makePdf(longText(seed, target, seedPages)));
        cases.push({ name: `generated .pdf (~${target} pages)`, path });
      }
    } finally {
      await maker.close();
    }

    const rows: string[][] = [];
    const perPage: { pages: number; ms: number; cpuMs: number }[] = [];
    for (const c of cases) {
      const result = runChild(c.path, opts.runs, c.path.endsWith('.pdf') ? warmupPdf : undefined);
      for (const s of result.stages) {
        const ms = median(s.ms);
        const cpuMs = median(s.cpuMs);
        if (c.name.startsWith('generated') && s.pages && s.stage === 'read')
          perPage.push({ pages: s.pages, ms, cpuMs });
        rows.push([
          c.name,
          s.pages === undefined ? '' : String(s.pages),
          s.stage,
          ms.toFixed(0),
          cpuMs.toFixed(0),
          s.chars ? Math.round(s.chars / (ms / 1000)).toLocaleString('en-US') : '',
          s.pages ? (ms / s.pages).toFixed(1) : '',
          `${result.startRssMb.toFixed(0)} → ${result.peakRssMb.toFixed(0)}`,
        ]);
      }
    }
    const head = [
      'input',
      'pages',
      'stage',
      'ms (median)',
      'CPU ms',
      'chars/s',
      'ms/page',
      'RSS MB, start → peak',
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
      console.log(
        `\nScaling: ${pageRatio.toFixed(1)}× the pages took ${(last.ms / first.ms).toFixed(1)}× the time and ` +
          `${(last.cpuMs / first.cpuMs).toFixed(1)}× the CPU time ` +
          `(linear: ${pageRatio.toFixed(1)}×, quadratic: ${(pageRatio * pageRatio).toFixed(1)}×).`,
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
  .option('--measure <file>', '(internal) measure one file in this process and print JSON')
  .option('--warmup <file>', '(internal) a PDF to read once before measuring')
  .action(async (opts: { pages: number; runs: number; measure?: string; warmup?: string }) => {
    if (opts.measure) await measureCase(opts.measure, opts.runs, opts.warmup);
    else await main(opts);
  });
await program.parseAsync();
