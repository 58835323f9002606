// npm run bench:api: POST /api/query against the same saved queries run straight through the driver, measured
// interleaved in one run, then 50 concurrent clients against the server (p50, p99, answers by status).
import { Command, InvalidArgumentError } from 'commander';
import neo4j from 'neo4j-driver';
import { createDriver } from '../src/neo4j/config.js';
import { defaultParams, SAVED_QUERIES } from '../src/neo4j/saved-queries.js';
import { createServer } from '../src/server/create-server.js';
import { benchDatabase, ms, summary } from './bench-support.js';
import { runCli } from './run-cli.js';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number >= 1');
  return n;
}

const program = new Command('bench:api')
  .description('API overhead against the driver, and 50 concurrent clients')
  .option('--reps <n>', 'rounds over every saved query', positiveInt, 15)
  .option('--clients <n>', 'concurrent clients', positiveInt, 50)
  .option('--requests <n>', 'requests per client', positiveInt, 20)
  .action(async (opts: { reps: number; clients: number; requests: number }) => {
    const db = await benchDatabase();
    const server = await createServer({ neo4j: db.cfg, knowledgeBase: db.kb });
    const driver = createDriver(db.cfg);
    try {
      const queries = SAVED_QUERIES.map((q) => ({ id: q.id, cypher: q.cypher, params: defaultParams(q) }));
      const viaApi = async (q: (typeof queries)[number]) => {
        const res = await fetch(new URL('/api/query', server.url), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ cypher: q.cypher, params: q.params }),
        });
        await res.arrayBuffer();
        return res.status;
      };
      const viaDriver = async (q: (typeof queries)[number]) => {
        const session = driver.session({ defaultAccessMode: neo4j.session.READ });
        try {
          await session.run(q.cypher, q.params);
        } finally {
          await session.close();
        }
      };
      // Warm both paths (query plans, connection pools, the query worker) before measuring.
      for (const q of queries) {
        await viaDriver(q);
        await viaApi(q);
      }
      const api: number[] = [];
      const direct: number[] = [];
      for (let rep = 0; rep < opts.reps; rep++) {
        for (const q of queries) {
          // Alternate which goes first, so neither always meets a warmer cache.
          const order = rep % 2 === 0 ? ['driver', 'api'] : ['api', 'driver'];
          for (const which of order) {
            const t = performance.now();
            if (which === 'api') {
              const status = await viaApi(q);
              if (status !== 200) throw new Error(`${q.id} answered ${status}`);
              api.push(performance.now() - t);
            } else {
              await viaDriver(q);
              direct.push(performance.now() - t);
            }
          }
        }
      }
      const a = summary(api);
      const d = summary(direct);
      console.log(`\n${queries.length} saved queries x ${opts.reps} rounds, interleaved, one at a time:`);
      console.log(`  driver directly: p50 ${ms(d.p50)}, p99 ${ms(d.p99)}`);
      console.log(`  POST /api/query: p50 ${ms(a.p50)}, p99 ${ms(a.p99)}`);
      console.log(`  ratio of medians: ${(a.p50 / d.p50).toFixed(2)} (target <= 1.3)`);

      const latencies: number[] = [];
      const statuses = new Map<number, number>();
      const started = performance.now();
      await Promise.all(
        Array.from({ length: opts.clients }, async (_, client) => {
          for (let i = 0; i < opts.requests; i++) {
            const q = queries[(client + i) % queries.length] as (typeof queries)[number];
            const t = performance.now();
            const status = await viaApi(q);
            latencies.push(performance.now() - t);
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
          }
        }),
      );
      const c = summary(latencies);
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `\n${opts.clients} concurrent clients x ${opts.requests} requests (${c.n} in ${seconds.toFixed(1)} s):`,
      );
      console.log(`  p50 ${ms(c.p50)}, p99 ${ms(c.p99)}`);
      console.log(`  answers: ${[...statuses].map(([s, n]) => `${s}: ${n}`).join(', ')}`);
      const other = [...statuses.keys()].filter((s) => s !== 200 && s !== 429);
      if (other.length > 0) {
        console.log(`  unexpected statuses: ${other.join(', ')}`);
        process.exitCode = 1;
      }
    } finally {
      await driver.close();
      await server.close();
      await db.close();
    }
  });

runCli(program);
