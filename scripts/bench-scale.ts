// npm run bench:scale: a knowledge base of about thirty reports (graph/ plus synthetic reports in graph/ form,
// with today's density of provenance and their source texts) in a temporary folder, then validate, export
// (layout), load into a fresh Neo4j and the explorer's first view, each stage in its own process so that its
// time and peak memory are its own. The first view is measured for today's graph/ in the same run.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Command, InvalidArgumentError } from 'commander';
import { chromium } from 'playwright-core';
import { stringify } from 'yaml';
import { exportGraphJson, positionsOf, seededRandom, splitForView } from '../src/model/export.js';
import { DEFAULT_GRAPH_DIR, loadKnowledgeBase, REPO_ROOT, readKnowledgeBase } from '../src/model/read.js';
import type { NodeLabel } from '../src/model/types.js';
import { RELATIONSHIPS } from '../src/model/vocabulary.js';
import { createDriver } from '../src/neo4j/config.js';
import { loadIntoNeo4j } from '../src/neo4j/loader.js';
import { findFreePort, startLocalNeo4j } from '../src/neo4j/local-server.js';
import { createServer } from '../src/server/create-server.js';
import { buildFrontend, frontendBuildNeeded } from '../src/server/frontend-build.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';

interface StageResult {
  stage: string;
  ms: number;
  maxRssMb: number;
  bytes?: number;
  gzipBytes?: number;
  extra?: Record<string, number>;
}

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number >= 1');
  return n;
};

const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** Today's density, read off graph/: provenance entries per item, quote length, share of items with a note. */
function density() {
  const kb = loadKnowledgeBase();
  const items = [...kb.nodes, ...kb.edges];
  const prov = items.flatMap((i) => i.prov);
  return {
    nodes: kb.nodes.length,
    edges: kb.edges.length,
    provPerItem: prov.length / items.length,
    quoteLength: prov.reduce((n, p) => n + p.quote.length, 0) / prov.length,
    noteShare: items.filter((i) => i.note).length / items.length,
  };
}

const REPORT_LABELS: [NodeLabel, number][] = [
  ['Session', 0.14],
  ['Person', 0.12],
  ['Organization', 0.12],
  ['Project', 0.16],
  ['Initiative', 0.22],
  ['Topic', 0.1],
  ['Document', 0.1],
  ['Meeting', 0.04],
];

/** Properties the validator requires of some labels. */
const PROPS: Partial<Record<NodeLabel, (i: number) => Record<string, string>>> = {
  Project: (i) => ({ status: ['completed', 'ongoing', 'proposed'][i % 3] as string }),
  Meeting: (i) => ({ startDate: `2026-${String(1 + (i % 12)).padStart(2, '0')}-10` }),
};

/** Writes graph/ plus synthetic reports into dir/graph until the totals reach nodes and edges. */
function generate(dir: string, nodes: number, edges: number): void {
  const d = density();
  const graphDir = join(dir, 'graph');
  cpSync(DEFAULT_GRAPH_DIR, graphDir, { recursive: true });
  const base = loadKnowledgeBase(graphDir);
  const economies = base.nodes.filter((n) => n.label === 'Economy').map((n) => n.id);
  const reports = 29;
  const rng = seededRandom(30);
  const perReportNodes = Math.ceil((nodes - d.nodes) / reports);
  const perReportEdges = Math.ceil((edges - d.edges) / reports);
  const specs = RELATIONSHIPS.filter((r) => !r.required?.length);
  const filler = 'as recorded in the meeting summary and its annexes for the attention of member economies ';
  for (let r = 0; r < reports; r += 1) {
    const source = `src-synthetic-${r}`;
    const sentences: string[] = [];
    const quote = (what: string) => {
      const q = `Report ${r} item ${sentences.length}: ${what} ${filler}`.slice(
        0,
        Math.max(40, d.quoteLength),
      );
      sentences.push(q);
      return q;
    };
    const provFor = (what: string) =>
      Array.from({ length: Math.max(1, Math.round(d.provPerItem + (rng() - 0.5))) }, (_, i) => ({
        section: `${1 + (sentences.length % 9)}.${i + 1}`,
        quote: quote(`${what} (${i})`),
      }));
    const nodeList: {
      id: string;
      label: NodeLabel;
      name: string;
      props?: Record<string, string>;
      prov: unknown;
      note?: string;
    }[] = [];
    for (const [label, share] of REPORT_LABELS) {
      const count = Math.max(1, Math.round(perReportNodes * share));
      for (let i = 0; i < count; i += 1) {
        const id = `syn-${r}-${label.toLowerCase()}-${i}`;
        const name = `${label} ${i} of report ${r}`;
        const props = PROPS[label]?.(i);
        nodeList.push({
          id,
          label,
          name,
          ...(props ? { props } : {}),
          // A date must be stated by a quote, like every other fact.
          prov: provFor(props?.startDate ? `${props.startDate}, ${name}` : name),
          ...(rng() < d.noteShare ? { note: `Synthetic note on ${name}.` } : {}),
        });
      }
    }
    const byLabel = new Map<string, string[]>();
    for (const n of nodeList) byLabel.set(n.label, [...(byLabel.get(n.label) ?? []), n.id]);
    byLabel.set('Economy', economies);
    const pick = (labels: NodeLabel[]) => {
      const pool = labels.flatMap((l) => byLabel.get(l) ?? []);
      return pool[Math.floor(rng() * pool.length)];
    };
    const edgeList: unknown[] = [];
    const seen = new Set<string>();
    let guard = 0;
    while (edgeList.length < perReportEdges && guard < perReportEdges * 20) {
      guard += 1;
      const spec = specs[Math.floor(rng() * specs.length)];
      if (!spec) continue;
      const from = pick(spec.from);
      const to = pick(spec.to);
      if (!from || !to || from === to || seen.has(`${spec.type}|${from}|${to}`)) continue;
      seen.add(`${spec.type}|${from}|${to}`);
      edgeList.push({
        key: `syn-${r}-${edgeList.length}`,
        type: spec.type,
        from,
        to,
        prov: provFor(`${from} ${spec.type} ${to}`),
        ...(rng() < d.noteShare ? { note: 'Synthetic note on a relationship.' } : {}),
      });
    }
    const sourceNode = {
      id: source,
      label: 'Source',
      name: `Synthetic report ${r}`,
      props: { file: `sources/synthetic-${r}.txt`, language: 'en' },
      prov: { section: '0', quote: quote('cover page') },
    };
    mkdirSync(join(graphDir, 'synthetic'), { recursive: true });
    writeFileSync(join(graphDir, 'sources', `synthetic-${r}.txt`), `${sentences.join('\n')}\n`);
    writeFileSync(
      join(graphDir, 'synthetic', `report-${String(r).padStart(2, '0')}.yaml`),
      stringify({ source, nodes: [sourceNode, ...nodeList], edges: edgeList }, { lineWidth: 0 }),
    );
  }
}

async function firstViewMs(graphJsonPath: string, runs: number): Promise<{ ms: number; bytes: number }> {
  const graphJson = JSON.parse(readFileSync(graphJsonPath, 'utf8'));
  const server = await createServer({ graphJson, neo4j: null });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs; i += 1) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      page.on('response', async (res) => {
        if (res.url().endsWith('/api/graph')) bytes = Number(res.headers()['content-length'] ?? 0) || bytes;
      });
      await page.goto(server.url);
      await page.waitForFunction(() => performance.getEntriesByName('apec:graph-drawn').length > 0, null, {
        timeout: 600_000,
      });
      times.push(
        await page.evaluate(() => performance.getEntriesByName('apec:graph-drawn')[0]?.startTime ?? 0),
      );
      await page.close();
    }
    times.sort((a, b) => a - b);
    return { ms: times[Math.floor(times.length / 2)] ?? 0, bytes };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** One stage, in this process; prints its result as the last line. */
async function runStage(stage: string, dir: string, opts: { runs: number }): Promise<StageResult> {
  const t0 = performance.now();
  const graphDir = join(dir, 'graph');
  switch (stage) {
    case 'validate': {
      const kb = loadKnowledgeBase(graphDir);
      return {
        stage,
        ms: performance.now() - t0,
        maxRssMb: rssMb(),
        extra: { nodes: kb.nodes.length, edges: kb.edges.length },
      };
    }
    case 'export': {
      const kb = loadKnowledgeBase(graphDir);
      const t1 = performance.now();
      const full = exportGraphJson(kb);
      const ms = performance.now() - t1;
      const view = JSON.stringify(splitForView(full).view);
      const fullText = JSON.stringify(full);
      writeFileSync(join(dir, 'export.json'), fullText);
      return {
        stage,
        ms,
        maxRssMb: rssMb(),
        bytes: Buffer.byteLength(view),
        gzipBytes: gzipSync(view).length,
        extra: { fullBytes: Buffer.byteLength(fullText) },
      };
    }
    case 'export-one-more': {
      // The same knowledge base laid out from the earlier export's positions, as if the last report were new.
      const kb = loadKnowledgeBase(graphDir);
      const previous = positionsOf(JSON.parse(readFileSync(join(dir, 'export.json'), 'utf8')));
      for (const key of [...previous.keys()]) if (key.startsWith('syn-28-')) previous.delete(key);
      const t1 = performance.now();
      exportGraphJson(kb, { previous });
      return { stage, ms: performance.now() - t1, maxRssMb: rssMb(), extra: { kept: previous.size } };
    }
    case 'load': {
      const kb = loadKnowledgeBase(graphDir);
      const local = await startLocalNeo4j({
        port: await findFreePort(),
        dataDir: join(dir, 'neo4j'),
        password: 'bench-password',
      });
      const driver = createDriver({ uri: local.uri, user: local.user, password: local.password });
      try {
        const t1 = performance.now();
        await loadIntoNeo4j(driver, kb);
        return {
          stage,
          ms: performance.now() - t1,
          maxRssMb: rssMb(),
          extra: { neo4jStartMs: local.startupMs },
        };
      } finally {
        await driver.close();
        await local.stop();
      }
    }
    case 'view':
    case 'view-today': {
      const path = stage === 'view' ? join(dir, 'export.json') : join(dir, 'today.json');
      if (stage === 'view-today') writeFileSync(path, JSON.stringify(exportGraphJson(loadKnowledgeBase())));
      const { ms, bytes } = await firstViewMs(path, opts.runs);
      return { stage, ms, maxRssMb: rssMb(), bytes };
    }
    default:
      throw new Error(`unknown stage "${stage}"`);
  }
}

const program = new Command()
  .name('bench:scale')
  .description('validate, export, load and first view on a knowledge base of about thirty reports')
  .option('--nodes <n>', 'nodes in all', positiveInt, 10_000)
  .option('--edges <n>', 'relationships in all', positiveInt, 30_000)
  .option('--runs <n>', 'page loads per first-view measurement (median)', positiveInt, 3)
  .option('--skip-load', 'leave out the Neo4j load (no Java needed)')
  .option('--keep', 'keep the generated folder (its path is printed) for --reuse')
  .option('--reuse <dir>', 'only the two first views, on a folder kept by an earlier --keep run')
  .option('--stage <stage>', 'internal: run one stage in this process')
  .option('--dir <dir>', 'internal: the working folder')
  .action(
    async (o: {
      nodes: number;
      edges: number;
      runs: number;
      skipLoad?: boolean;
      keep?: boolean;
      reuse?: string;
      stage?: string;
      dir?: string;
    }) => {
      if (o.stage && o.dir) {
        console.log(JSON.stringify(await runStage(o.stage, o.dir, o)));
        return;
      }
      // The first views are of the page as built from these sources.
      const check = frontendBuildNeeded(REPO_ROOT);
      if (check.needed) {
        console.error(`Building the explorer (${check.reason})…`);
        await buildFrontend(REPO_ROOT);
      }
      const dir = o.reuse ?? mkdtempSync(join(tmpdir(), 'apec-kg-scale-'));
      try {
        const t0 = performance.now();
        if (!o.reuse) {
          generate(dir, o.nodes, o.edges);
          const issues = readKnowledgeBase(join(dir, 'graph')).issues;
          if (issues.length > 0) {
            const kinds = [
              ...new Set(issues.map((i) => `${i.kind}: ${i.message.replace(/syn-[\w-]+/g, '…')}`)),
            ];
            throw new Error(
              `the generated knowledge base does not validate:\n${kinds.slice(0, 10).join('\n')}`,
            );
          }
          const bytesOnDisk = execFileSync('du', ['-sb', join(dir, 'graph')], { encoding: 'utf8' }).split(
            '\t',
          )[0];
          console.log(
            `generated graph/ with synthetic reports in ${((performance.now() - t0) / 1000).toFixed(1)} s (${(Number(bytesOnDisk) / 1e6).toFixed(1)} MB on disk) in ${dir}`,
          );
        }
        const stages = o.reuse
          ? ['view-today', 'view']
          : ['validate', 'export', 'export-one-more', ...(o.skipLoad ? [] : ['load']), 'view-today', 'view'];
        const results: StageResult[] = [];
        for (const stage of stages) {
          const out = execFileSync(
            process.execPath,
            [
              '--import',
              'tsx',
              join(REPO_ROOT, 'scripts', 'bench-scale.ts'),
              '--stage',
              stage,
              '--dir',
              dir,
              '--runs',
              String(o.runs),
            ],
            { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
          );
          const r = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as StageResult;
          results.push(r);
          const size = r.bytes
            ? `, payload ${(r.bytes / 1e6).toFixed(2)} MB${r.gzipBytes ? ` (${(r.gzipBytes / 1e6).toFixed(2)} MB gzipped)` : ''}`
            : '';
          const extra = r.extra
            ? `, ${Object.entries(r.extra)
                .map(([k, v]) => `${k} ${Math.round(v)}`)
                .join(', ')}`
            : '';
          console.log(
            `${stage.padEnd(15)} ${(r.ms / 1000).toFixed(2).padStart(7)} s, peak RSS ${r.maxRssMb} MB${size}${extra}`,
          );
        }
        const today = results.find((r) => r.stage === 'view-today');
        const big = results.find((r) => r.stage === 'view');
        if (today && big)
          console.log(`first view: ${(big.ms / today.ms).toFixed(2)}x today's (target <= 2x)`);
        console.log(
          `export folder size: ${statSync(join(dir, 'export.json')).size} bytes (full export, with provenance)`,
        );
      } finally {
        if (o.keep || o.reuse) console.log(`kept ${dir}`);
        else rmSync(dir, { recursive: true, force: true });
      }
    },
  );

await program.parseAsync();
