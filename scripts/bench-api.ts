// npm run bench:api: POST /api/query against the same saved queries run straight through the driver, measured
// interleaved in one run, with the steps in between timed too (the read-only runner in this process, then in
// the query worker), then concurrent clients against the server (p50, p99, answers by status).
import http from 'node:http';
import { Command, InvalidArgumentError } from 'commander';
import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { createDriver } from '../src/neo4j/config.js';
import { runReadOnly } from '../src/neo4j/read-only.js';
import { defaultParams, SAVED_QUERIES } from '../src/neo4j/saved-queries.js';
import {
  createServer,
  DEFAULT_MAX_ANSWER_BYTES,
  DEFAULT_MAX_ROWS,
  DEFAULT_QUERY_TIMEOUT_MS,
} from '../src/server/create-server.js';
import { QueryWorkers } from '../src/server/query-workers.js';
import { benchDatabase } from './bench-support.js';
import { runCli } from './run-cli.js';
import { ms, summary } from './stats.js';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number >= 1');
  return n;
}

interface Answer {
  status: number;
  retryAfter: string | undefined;
}

/**
 * A keep-alive HTTP client without Nagle's delay: the driver side keeps its Bolt connections open in a pool,
 * so the HTTP side keeps its connections open too, and neither pays a connection per request.
 */
function httpClient(base: string, maxSockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const url = new URL('/api/query', base);
  const post = (body: string) =>
    new Promise<Answer>((resolve, reject) => {
      const req = http.request(
        url,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.on('data', () => {});
          res.on('error', reject);
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string }),
          );
        },
      );
      req.on('socket', (socket) => socket.setNoDelay(true));
      req.on('error', reject);
      req.end(body);
    });
  return { post, close: () => agent.destroy() };
}

/**
 * The least any HTTP API over the runner costs: Node's own HTTP server, no framework, no checks on the body, no
 * slot, the runner on its own driver and the answer as JSON. What `POST /api/query` takes beyond this is ours.
 */
async function bareHttpServer(driver: Driver, limits: Parameters<typeof runReadOnly>[3]) {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { cypher, params } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      runReadOnly(driver, cypher, params, limits).then(
        (answer) => {
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify(answer));
        },
        (err: Error) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(err.message);
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const program = new Command('bench:api')
  .description('API overhead against the driver, step by step, and concurrent clients')
  .option('--reps <n>', 'rounds over every saved query', positiveInt, 30)
  .option('--clients <n>', 'concurrent clients', positiveInt, 50)
  .option('--requests <n>', 'requests per client', positiveInt, 20)
  .action(async (opts: { reps: number; clients: number; requests: number }) => {
    const db = await benchDatabase();
    const server = await createServer({ neo4j: db.cfg, knowledgeBase: db.kb });
    const driver = createDriver(db.cfg);
    const workers = new QueryWorkers(db.cfg);
    const client = httpClient(server.url, opts.clients);
    const limits = {
      timeoutMs: DEFAULT_QUERY_TIMEOUT_MS,
      maxRows: DEFAULT_MAX_ROWS,
      maxBytes: DEFAULT_MAX_ANSWER_BYTES,
    };
    // Its own driver, as the server has its own.
    const bareDriver = createDriver(db.cfg);
    const bare = await bareHttpServer(bareDriver, limits);
    const bareClient = httpClient(bare.url, 1);
    try {
      const queries = SAVED_QUERIES.map((q) => {
        const params = defaultParams(q);
        // The same query with a comment after it is no longer a saved text: it takes the ad-hoc path.
        const adHoc = `${q.cypher}\n// ad hoc`;
        return {
          id: q.id,
          cypher: q.cypher,
          params,
          body: JSON.stringify({ cypher: q.cypher, params }),
          adHocBody: JSON.stringify({ cypher: adHoc, params }),
        };
      });
      type Q = (typeof queries)[number];
      const ok = async (q: Q, body: string, via = client) => {
        const { status } = await via.post(body);
        if (status !== 200) throw new Error(`${q.id} answered ${status}`);
      };
      // Each way runs the same query text with the same parameters; only what surrounds the query differs.
      const ways: Record<string, (q: Q) => Promise<unknown>> = {
        // A session, the query auto-committed in a READ session, every record pulled and decoded.
        driver: async (q) => {
          const session = driver.session({ defaultAccessMode: neo4j.session.READ });
          try {
            await session.run(q.cypher, q.params);
          } finally {
            await session.close();
          }
        },
        // + the read-only checks, conversion with the byte budget, missing end nodes, JSON text.
        runner: async (q) => JSON.stringify(await runReadOnly(driver, q.cypher, q.params, limits)),
        // + Node's HTTP on both ends, nothing else: the floor for any HTTP API over the runner.
        bare: (q) => ok(q, q.body, bareClient),
        // + HTTP: the request, body parsing and checks, the slot, the answer sent and read. A saved query
        // runs on the server's thread, as the runner above.
        api: (q) => ok(q, q.body),
        // The runner in the query worker thread (its own driver), the answer encoded there and moved back.
        worker: (q) => workers.run(q.cypher, q.params, limits),
        // The ad-hoc path over HTTP: the same query as a text that is not saved, so it runs in the worker.
        apiAdHoc: (q) => ok(q, q.adHocBody),
      };
      const names = Object.keys(ways);
      // Warm every path (query plans, verdicts, connection pools, the worker, the JIT) before measuring: a
      // server runs for days, so its steady state is what counts.
      for (let round = 0; round < 3; round++)
        for (const q of queries) for (const name of names) await ways[name]?.(q);
      const times = new Map<string, number[]>(names.map((n) => [n, []]));
      for (let rep = 0; rep < opts.reps; rep++) {
        for (const [i, q] of queries.entries()) {
          // Rotate which goes first, so that none always meets a warmer cache.
          for (let k = 0; k < names.length; k++) {
            const name = names[(rep + i + k) % names.length] as string;
            const t = performance.now();
            await ways[name]?.(q);
            times.get(name)?.push(performance.now() - t);
          }
        }
      }
      const s = Object.fromEntries(names.map((n) => [n, summary(times.get(n) ?? [])]));
      const p50 = (n: string) => s[n]?.p50 ?? Number.NaN;
      console.log(
        `\n${queries.length} saved queries x ${opts.reps} rounds, ${names.length} ways interleaved, one at a time (medians, p99):`,
      );
      const rows: [string, string, string | undefined][] = [
        ['driver', 'driver directly', undefined],
        ['runner', 'read-only runner', 'driver'],
        ['bare', 'bare node:http', 'runner'],
        ['api', 'POST /api/query', 'bare'],
        ['worker', 'runner in worker', 'runner'],
        ['apiAdHoc', 'ad-hoc over HTTP', 'worker'],
      ];
      for (const [n, label, base] of rows) {
        const d = p50(n) - p50(base ?? n);
        const step = base ? `  (${d < -0.05 ? '-' : '+'}${ms(Math.abs(d))} over ${base})` : '';
        console.log(`  ${label.padEnd(17)} p50 ${ms(p50(n))}, p99 ${ms(s[n]?.p99 ?? 0)}${step}`);
      }
      console.log(
        `  ratio of medians, API / driver: ${(p50('api') / p50('driver')).toFixed(2)} (target <= 1.3); ` +
          `bare node:http / driver: ${(p50('bare') / p50('driver')).toFixed(2)}; ` +
          `the ad-hoc path: ${(p50('apiAdHoc') / p50('driver')).toFixed(2)}`,
      );

      const latencies: number[] = [];
      const statuses = new Map<number, number>();
      let withoutRetryAfter = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: opts.clients }, async (_, c) => {
          for (let i = 0; i < opts.requests; i++) {
            const q = queries[(c + i) % queries.length] as Q;
            const t = performance.now();
            const answer = await client.post(q.body);
            latencies.push(performance.now() - t);
            statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
            if (answer.status === 429 && !answer.retryAfter) withoutRetryAfter += 1;
          }
        }),
      );
      const c = summary(latencies);
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `\n${opts.clients} concurrent clients x ${opts.requests} requests (${c.n} in ${seconds.toFixed(1)} s):`,
      );
      console.log(`  p50 ${ms(c.p50)}, p99 ${ms(c.p99)}`);
      console.log(`  answers: ${[...statuses].map(([st, n]) => `${st}: ${n}`).join(', ')}`);
      const other = [...statuses.keys()].filter((st) => st !== 200 && st !== 429);
      if (other.length > 0 || withoutRetryAfter > 0) {
        console.log(
          `  unexpected: statuses ${other.join(', ')}; 429 without Retry-After: ${withoutRetryAfter}`,
        );
        process.exitCode = 1;
      }
    } finally {
      client.close();
      bareClient.close();
      await bare.close();
      await bareDriver.close();
      await workers.close();
      await driver.close();
      await server.close();
      await db.close();
    }
  });

runCli(program);
