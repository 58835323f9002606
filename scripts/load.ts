// npm run load: validates graph/ and makes Neo4j hold exactly it (created / updated / deleted, one transaction).
import { Command, InvalidArgumentError } from 'commander';
import { formatIssue, readKnowledgeBase } from '../src/model/read.js';
import { configFromEnv, createDriver } from '../src/neo4j/config.js';
import { explainConnectionError, verifyConnection } from '../src/neo4j/errors.js';
import { DEFAULT_BATCH_SIZE, loadIntoNeo4j } from '../src/neo4j/loader.js';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number >= 1');
  return n;
}

const program = new Command('load')
  .description(
    'Validate graph/ and sync it into Neo4j (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)',
  )
  .option('--graph <dir>', 'knowledge base folder (default: graph/)')
  .option('--batch-size <n>', 'rows per statement', positiveInt, DEFAULT_BATCH_SIZE)
  .option('--include-drafts', 'load entries awaiting review too (review: pending), marked draft: true', false)
  .action(async (opts: { graph?: string; batchSize: number; includeDrafts: boolean }) => {
    const { kb, issues } = readKnowledgeBase(opts.graph);
    if (issues.length > 0) {
      console.error(`graph/ has ${issues.length} problem(s); nothing was written to Neo4j:`);
      for (const issue of issues) console.error(`  ${formatIssue(issue)}`);
      process.exitCode = 1;
      return;
    }
    const cfg = configFromEnv();
    const driver = createDriver(cfg);
    try {
      await verifyConnection(driver, cfg);
      const total = kb.nodes.length + kb.edges.length;
      console.log(`Loading ${kb.nodes.length} nodes and ${kb.edges.length} relationships into ${cfg.uri}...`);
      let lastShown = 0;
      const report = await loadIntoNeo4j(driver, kb, {
        batchSize: opts.batchSize,
        includeDrafts: opts.includeDrafts,
        ...(cfg.database ? { database: cfg.database } : {}),
        onProgress: (done) => {
          // Only large loads take long enough for a progress line to help.
          if (total >= 20_000 && (done - lastShown >= total / 10 || done === total)) {
            lastShown = done;
            console.log(`  ${done} / ${total} rows (${Math.round((100 * done) / total)}%)`);
          }
        },
      });
      console.log(
        [
          `Nodes:         ${report.nodesCreated} created, ${report.nodesUpdated} updated, ${report.nodesDeleted} deleted`,
          `Relationships: ${report.relsCreated} created, ${report.relsUpdated} updated, ${report.relsDeleted} deleted`,
          `Done in ${(report.timeMs / 1000).toFixed(2)} s (one transaction).`,
        ].join('\n'),
      );
      if (report.heldBackNodes + report.heldBackRels + report.heldBackReviewedRels > 0) {
        console.log(
          `Awaiting review, not loaded: ${report.heldBackNodes} nodes, ${report.heldBackRels} relationships` +
            `${report.heldBackReviewedRels ? ` (and ${report.heldBackReviewedRels} reviewed relationships to them)` : ''}; --include-drafts loads them.`,
        );
      }
    } catch (error) {
      const explained = explainConnectionError(error, cfg);
      const message = explained instanceof Error ? explained.message : String(explained);
      console.error(`Load failed, Neo4j keeps the graph it had before: ${message}`);
      process.exitCode = 1;
    } finally {
      await driver.close();
    }
  });

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
