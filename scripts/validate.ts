// npm run validate [-- --dir <graph dir>]: checks graph/ and writes nothing.
import { Command } from 'commander';
import { DEFAULT_GRAPH_DIR, formatIssue, readKnowledgeBase } from '../src/model/read.js';
import { reviewSummary } from '../src/model/review.js';

const opts = new Command('validate')
  .description('Validate the knowledge base under graph/')
  .option('--dir <path>', 'graph directory', DEFAULT_GRAPH_DIR)
  .parse()
  .opts<{ dir: string }>();

const { kb, issues } = readKnowledgeBase(opts.dir);
if (issues.length > 0) {
  for (const i of issues) console.error(formatIssue(i));
  console.error(`\n${issues.length} problem(s); nothing was written.`);
  process.exit(1);
}
const byLabel = new Map<string, number>();
for (const n of kb.nodes) byLabel.set(n.label, (byLabel.get(n.label) ?? 0) + 1);
console.log(
  `graph/ is valid: ${kb.nodes.length} nodes, ${kb.edges.length} relationships, ` +
    `${kb.nodes.reduce((s, n) => s + n.prov.length, 0) + kb.edges.reduce((s, e) => s + e.prov.length, 0)} quotes checked`,
);
console.log([...byLabel].map(([l, c]) => `  ${l}: ${c}`).join('\n'));
const review = reviewSummary(kb);
if (review.length > 0) {
  console.log('Drafted entries (npm run load leaves out pending ones unless --include-drafts):');
  for (const f of review) {
    const parts = Object.entries(f.counts).map(([state, n]) => `${n} ${state}`);
    console.log(`  ${f.folder}: ${parts.join(', ')}`);
  }
}
