// npm run export [-- --out <dir>] [--incremental]: graphology JSON (with layout and metrics), GEXF and CSV tables of graph/.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Command } from 'commander';
import { buildExportGraph, positionsOf, toCsv, toGexf } from '../src/model/export.js';
import { DEFAULT_GRAPH_DIR, KnowledgeBaseError, loadKnowledgeBase, REPO_ROOT } from '../src/model/read.js';

const opts = new Command('export')
  .description('Export the knowledge base as graphology JSON, GEXF and CSV')
  .option('--dir <path>', 'graph directory', DEFAULT_GRAPH_DIR)
  .option('--out <path>', 'output directory', join(REPO_ROOT, 'dist', 'export'))
  .option('--incremental', "keep the positions of the previous export's nodes and lay out only new ones")
  .parse()
  .opts<{ dir: string; out: string; incremental?: boolean }>();

try {
  const started = performance.now();
  const kb = loadKnowledgeBase(opts.dir);
  const before = join(opts.out, 'apec-kg.graph.json');
  const previous =
    opts.incremental && existsSync(before)
      ? positionsOf(JSON.parse(readFileSync(before, 'utf8')))
      : undefined;
  if (previous)
    console.log(`keeping the positions of ${previous.size} nodes from ${relative(process.cwd(), before)}`);
  const graph = buildExportGraph(kb, previous ? { previous } : {});
  const { nodes, edges } = toCsv(graph);
  const files: [string, string][] = [
    ['apec-kg.graph.json', `${JSON.stringify(graph.export())}\n`],
    ['apec-kg.gexf', toGexf(graph)],
    ['apec-kg.nodes.csv', nodes],
    ['apec-kg.edges.csv', edges],
  ];
  mkdirSync(opts.out, { recursive: true });
  for (const [name, content] of files) writeFileSync(join(opts.out, name), content);
  const ms = Math.round(performance.now() - started);
  console.log(`exported ${graph.order} nodes and ${graph.size} relationships in ${ms} ms:`);
  for (const [name] of files) console.log(`  ${relative(process.cwd(), join(opts.out, name))}`);
} catch (err) {
  if (err instanceof KnowledgeBaseError) {
    console.error(err.message);
    console.error('\nnothing was written.');
    process.exit(1);
  }
  throw err;
}
