// npm run eval:ingest [-- --strict] [--verbose] — drafts the seed report against graph/ without its own folder
// and scores the draft against the reviewed folder (see src/ingest/eval/).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { draftReport } from '../src/ingest/draft-report.js';
import { withoutFolder } from '../src/ingest/eval/reference.js';
import { formatScore, scoreDraft } from '../src/ingest/eval/score.js';
import { DEFAULT_GRAPH_DIR, readKnowledgeBase } from '../src/model/read.js';

const SLUG = 'desg-dps-2025-02';
const args = process.argv.slice(2);
const { kb } = readKnowledgeBase(DEFAULT_GRAPH_DIR);
const text = readFileSync(join(DEFAULT_GRAPH_DIR, 'sources', `${SLUG}.zh.txt`), 'utf8');
const started = performance.now();
const draft = draftReport(
  { text, format: 'txt', fileName: `${SLUG}.zh.txt` },
  withoutFolder(kb, `graph/${SLUG}`),
  {
    slug: SLUG,
    lang: 'zh',
  },
);
const ms = performance.now() - started;
const score = scoreDraft(draft, kb, `src-${SLUG}`);
console.log(
  `Seed report ${SLUG}: ${draft.nodes.length} nodes, ${draft.edges.length} relationships, ${draft.updates.length} updates drafted in ${ms.toFixed(0)} ms\n`,
);
console.log(formatScore(score));
if (args.includes('--verbose'))
  for (const r of score.rows) {
    if (r.missed.length) console.log(`\n${r.kind} missed:\n  ${r.missed.join('\n  ')}`);
    if (r.wrong.length) console.log(`\n${r.kind} not in the reviewed graph:\n  ${r.wrong.join('\n  ')}`);
  }
if (args.includes('--strict') && !score.allMet) {
  console.error('\neval:ingest: a target is missed');
  process.exit(1);
}
