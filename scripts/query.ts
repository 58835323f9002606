// npm run query -- "<cypher>" [--param name=value ...] [--json]: read-only Cypher against NEO4J_URI.
import { Command } from 'commander';
import { configFromEnv, createDriver } from '../src/neo4j/config.js';
import { explainConnectionError } from '../src/neo4j/errors.js';
import { formatTable, parseParam } from '../src/neo4j/query-format.js';
import { DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_MS, runReadOnly } from '../src/neo4j/read-only.js';
import { runCli } from './run-cli.js';

const program = new Command('query')
  .description('Run read-only Cypher against Neo4j (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)')
  .argument('<cypher>', 'the query')
  .option(
    '-p, --param <name=value>',
    'a query parameter; the value is read as JSON when it parses, else as a string (repeatable)',
    (value: string, previous: Record<string, unknown>) => ({ ...previous, ...parseParam(value) }),
    {},
  )
  .option('--json', 'print {columns, rows, graph, truncated, timeMs} as JSON')
  .option('--max-rows <n>', 'row cap', (v) => Number(v), DEFAULT_MAX_ROWS)
  .option('--timeout <ms>', 'transaction timeout in milliseconds', (v) => Number(v), DEFAULT_TIMEOUT_MS)
  .action(
    async (
      cypher: string,
      opts: { param: Record<string, unknown>; json?: boolean; maxRows: number; timeout: number },
    ) => {
      const cfg = configFromEnv();
      const driver = createDriver(cfg);
      try {
        const result = await runReadOnly(driver, cypher, opts.param, {
          maxRows: opts.maxRows,
          timeoutMs: opts.timeout,
          ...(cfg.database ? { database: cfg.database } : {}),
        });
        if (opts.json) {
          console.log(JSON.stringify(result, null, 2));
        } else {
          console.log(formatTable(result.columns, result.rows));
          const more =
            result.truncation?.reason === 'bytes'
              ? ` (cut at about ${result.truncation.limit} bytes of JSON)`
              : result.truncated
                ? ` (cut at ${opts.maxRows}; more rows exist)`
                : '';
          console.log(`${result.rows.length} row(s)${more} in ${result.timeMs} ms`);
        }
      } catch (error) {
        const explained = explainConnectionError(error, cfg) as Error & { code?: string };
        console.error(explained.code ? `${explained.code}: ${explained.message}` : explained.message);
        process.exitCode = 1;
      } finally {
        await driver.close();
      }
    },
  );

runCli(program);
