// npm run bench:load: the real loader on a synthetic knowledge base versus a naive one-statement-per-row
// loader measured in the same run, plus the time of an idempotent reload (which must change nothing).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import type { Driver } from 'neo4j-driver';
import { type EdgeRecord, type KnowledgeBase, NODE_LABELS, type NodeRecord } from '../src/model/types.js';
import { REL_TYPES } from '../src/model/vocabulary.js';
import { configFromEnv, createDriver, type Neo4jConfig } from '../src/neo4j/config.js';
import { verifyConnection } from '../src/neo4j/errors.js';
import { DEFAULT_BATCH_SIZE, type LoadReport, loadIntoNeo4j } from '../src/neo4j/loader.js';
import { findFreePort, type LocalNeo4j, startLocalNeo4j } from '../src/neo4j/local-server.js';
import { edgeToNeo4j, nodeToNeo4j } from '../src/neo4j/mapping.js';

interface Options {
  nodes: number;
  rels: number;
  sample: number;
  batchSize: number;
  yesWipe?: boolean;
  heap: string;
  warmup: boolean;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number >= 1');
  return n;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run loads the same graph. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Nodes spread over every label and relationships between random pairs, shaped like graph/ entries. */
function syntheticKnowledgeBase(nodeCount: number, relCount: number, prefix = 'n'): KnowledgeBase {
  const rand = random(nodeCount * 31 + relCount);
  const origin = { file: 'synthetic.yaml', line: 1 };
  const prov = (i: number) => [
    { source: 'src-synthetic', section: `§${i % 97}`, quote: `quote number ${i}` },
  ];
  const nodes: NodeRecord[] = [];
  for (let i = 0; i < nodeCount; i++) {
    nodes.push({
      id: `${prefix}-${i}`,
      label: NODE_LABELS[i % NODE_LABELS.length] as NodeRecord['label'],
      name: `Synthetic node ${i}`,
      nameZh: `合成節點 ${i}`,
      aliases: i % 3 === 0 ? [`alias-${i}`] : [],
      props: { rank: i, weight: Math.round(rand() * 1000) / 7, tags: ['synthetic', `group-${i % 50}`] },
      prov: prov(i),
      origin,
    });
  }
  const edges: EdgeRecord[] = [];
  for (let i = 0; i < relCount; i++) {
    const from = `${prefix}-${Math.floor(rand() * nodeCount)}`;
    const to = `${prefix}-${Math.floor(rand() * nodeCount)}`;
    const type = REL_TYPES[i % REL_TYPES.length] as string;
    // The key keeps ids unique when the same pair and type come up twice, as graph/ does.
    edges.push({
      id: `${from}|${type}|${to}|${i}`,
      type,
      from,
      to,
      key: String(i),
      props: { order: i },
      prov: prov(i),
      origin,
    });
  }
  return { nodes, edges, sourceTexts: new Map() };
}

/** The baseline: one auto-commit MERGE per node or relationship, as a first script would do it. */
async function naiveLoad(driver: Driver, kb: KnowledgeBase): Promise<number> {
  const started = performance.now();
  const labelOf = new Map(kb.nodes.map((n) => [n.id, n.label]));
  const session = driver.session();
  try {
    for (const node of kb.nodes) {
      const row = nodeToNeo4j(node);
      await session.run(`MERGE (n:${row.label} {id: $id}) SET n = $props`, { id: row.id, props: row.props });
    }
    for (const edge of kb.edges) {
      const row = edgeToNeo4j(edge);
      await session.run(
        `MATCH (a:${labelOf.get(row.from)} {id: $from}) MATCH (b:${labelOf.get(row.to)} {id: $to})
         MERGE (a)-[r:${row.type} {id: $id}]->(b) SET r = $props`,
        { from: row.from, to: row.to, id: row.id, props: row.props },
      );
    }
  } finally {
    await session.close();
  }
  return performance.now() - started;
}

async function wipe(driver: Driver): Promise<void> {
  // IN TRANSACTIONS needs an auto-commit statement, which session.run is.
  const session = driver.session();
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));
const fmt = (n: number) => n.toLocaleString('en-US');

async function main(opts: Options): Promise<void> {
  let local: LocalNeo4j | undefined;
  let dataDir: string | undefined;
  let cfg: Neo4jConfig;
  if (process.env.NEO4J_URI) {
    if (!opts.yesWipe) {
      throw new Error(
        `NEO4J_URI is set (${process.env.NEO4J_URI}): the benchmark deletes everything there. Add --yes-wipe.`,
      );
    }
    cfg = configFromEnv();
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'apec-kg-bench-'));
    console.log(`Starting a fresh Neo4j in ${dataDir} (heap ${opts.heap})...`);
    local = await startLocalNeo4j({
      port: await findFreePort(),
      dataDir,
      password: 'bench-password',
      heap: opts.heap,
    });
    console.log(`Neo4j up in ${(local.startupMs / 1000).toFixed(1)} s on ${local.uri}`);
    cfg = { uri: local.uri, user: local.user, password: local.password };
  }
  const driver = createDriver(cfg);
  try {
    await verifyConnection(driver, cfg);
    await wipe(driver);
    if (opts.warmup) {
      // A fresh JVM runs the first load well below its later speed while the JIT compiles; both loaders
      // are measured warm, as a long-running database would be.
      const warm = syntheticKnowledgeBase(Math.ceil(opts.nodes / 5), Math.ceil(opts.rels / 5), 'w');
      const warmReport = await loadIntoNeo4j(driver, warm, { batchSize: opts.batchSize });
      await naiveLoad(driver, syntheticKnowledgeBase(50, 200, 'wn'));
      await wipe(driver);
      console.log(`Warm-up: a fifth-size load took ${(warmReport.timeMs / 1000).toFixed(2)} s (not counted)`);
    }
    const kb = syntheticKnowledgeBase(opts.nodes, opts.rels);
    console.log(
      `\nReal loader: ${fmt(opts.nodes)} nodes + ${fmt(opts.rels)} relationships, batch size ${opts.batchSize}`,
    );
    let nodesDoneAt = 0;
    const loadStart = performance.now();
    const first: LoadReport = await loadIntoNeo4j(driver, kb, {
      batchSize: opts.batchSize,
      onProgress: (done) => {
        if (done === opts.nodes) nodesDoneAt = performance.now() - loadStart;
      },
    });
    const relPhaseMs = first.timeMs - nodesDoneAt;
    const rows = opts.nodes + opts.rels;
    const realRowsPerS = rate(rows, first.timeMs);
    console.log(`  created ${fmt(first.nodesCreated)} nodes, ${fmt(first.relsCreated)} relationships`);
    console.log(`  ${(first.timeMs / 1000).toFixed(2)} s: ${fmt(realRowsPerS)} rows/s overall`);
    console.log(
      `  relationships: ${fmt(rate(opts.rels, first.timeMs))}/s over the whole load, ` +
        `${fmt(rate(opts.rels, relPhaseMs))}/s in the relationship phase`,
    );

    const again = await loadIntoNeo4j(driver, kb, { batchSize: opts.batchSize });
    const changes =
      again.nodesCreated +
      again.nodesUpdated +
      again.nodesDeleted +
      again.relsCreated +
      again.relsUpdated +
      again.relsDeleted;
    console.log(`\nIdempotent reload: ${(again.timeMs / 1000).toFixed(2)} s, ${changes} changes`);

    await wipe(driver);
    const sampleNodes = Math.max(1, Math.round((opts.sample * opts.nodes) / rows));
    const sample = syntheticKnowledgeBase(sampleNodes, opts.sample - sampleNodes, 's');
    console.log(`\nNaive loader (one auto-commit statement per row): ${fmt(opts.sample)} rows`);
    const naiveMs = await naiveLoad(driver, sample);
    const naiveRowsPerS = rate(opts.sample, naiveMs);
    console.log(`  ${(naiveMs / 1000).toFixed(2)} s: ${fmt(naiveRowsPerS)} rows/s`);

    const ratio = realRowsPerS / naiveRowsPerS;
    console.log(`\nReal loader / naive loader: ${ratio.toFixed(1)}x (target >= 20x)`);
    console.log(`Relationships per second: ${fmt(rate(opts.rels, first.timeMs))} (target >= 20,000)`);
    if (changes !== 0) {
      console.error('The idempotent reload changed something: the loader is not a sync.');
      process.exitCode = 1;
    }
  } finally {
    await driver.close();
    await local?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

const program = new Command('bench:load')
  .description('Benchmark the Neo4j loader against a naive one-statement-per-row loader')
  .option('--nodes <n>', 'synthetic nodes', positiveInt, 50_000)
  .option('--rels <n>', 'synthetic relationships', positiveInt, 200_000)
  .option('--sample <n>', 'rows loaded by the naive loader', positiveInt, 5_000)
  .option('--batch-size <n>', 'rows per UNWIND statement', positiveInt, DEFAULT_BATCH_SIZE)
  .option('--heap <size>', 'heap of the Neo4j the benchmark starts', '2g')
  .option('--yes-wipe', 'allow wiping the database at NEO4J_URI')
  .option('--no-warmup', 'measure a cold JVM (skip the unmeasured fifth-size warm-up load)')
  .action(main);

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
