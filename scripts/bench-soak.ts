// npm run bench:soak -- [--duration 5m]: mixed traffic from 20 concurrent clients against `npm start` as a user
// runs it (its own process, the supervised embedded Neo4j, default limits): 90 % saved queries, 10 % hostile
// ones, and /api/graph between them. Prints p50/p99 per kind, answers by status, database restarts, and the
// peak resident memory of the server and of the database.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { REPO_ROOT } from '../src/model/read.js';
import { findFreePort } from '../src/neo4j/local-server.js';
import { defaultParams, SAVED_QUERIES } from '../src/neo4j/saved-queries.js';
import { HOSTILE } from './bench-soak/hostile-corpus.js';
import { rssMb } from './bench-support.js';
import { runCli } from './run-cli.js';
import { ms, summary } from './stats.js';

/** 90s, 5m, 2m30s or a number of seconds. */
function duration(value: string): number {
  const m = /^(?:(\d+)m)?(?:(\d+)s?)?$/.exec(value.trim());
  if (!m || (!m[1] && !m[2])) throw new InvalidArgumentError('a duration such as 90s, 5m or 2m30s');
  return (Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 1000;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number >= 1');
  return n;
}

type Kind = 'saved' | 'hostile' | 'graph';

async function waitForUrl(child: ChildProcess, output: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      output.push(text);
      const url = /explorer: (http:\/\/\S+)/.exec(output.join(''))?.[1];
      if (url) resolve(url);
    });
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output.join('')}`)));
  });
}

const program = new Command('bench:soak')
  .description('Mixed traffic against npm start: saved and hostile queries, /api/graph')
  .option('--duration <time>', 'how long to send traffic (e.g. 90s, 5m)', duration, 5 * 60_000)
  .option('--clients <n>', 'concurrent clients', positiveInt, 20)
  .action(async (opts: { duration: number; clients: number }) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'apec-kg-soak-'));
    const output: string[] = [];
    const spawned = performance.now();
    const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        NEO4J_URI: '',
        NEO4J_DATA_DIR: dataDir,
        NEO4J_PORT: String(await findFreePort()),
        PORT: String(await findFreePort()),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    try {
      const base = await waitForUrl(server, output);
      const graphStatus = (await fetch(new URL('/api/graph', base))).status;
      const firstView = (performance.now() - spawned) / 1000;
      const health = async () => (await (await fetch(new URL('/api/health', base))).json()).neo4j;
      const waitStarted = performance.now();
      while ((await health()).status !== 'connected') {
        if (performance.now() - waitStarted > 300_000)
          throw new Error(`the database did not come up:\n${output.join('')}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      const dbReady = (performance.now() - spawned) / 1000;
      console.log(
        `npm start: page and /api/graph (${graphStatus}) served after ${firstView.toFixed(1)} s; ` +
          `Neo4j up and graph/ loaded after ${dbReady.toFixed(1)} s (before this change the page waited for that).`,
      );
      const dbPid = (): number =>
        JSON.parse(readFileSync(join(dataDir, 'apec-neo4j.json'), 'utf8')).pid as number;
      const peak = { server: rssMb(server.pid as number), db: rssMb(dbPid()) };
      const sampler = setInterval(() => {
        peak.server = Math.max(peak.server, rssMb(server.pid as number) || 0);
        try {
          peak.db = Math.max(peak.db, rssMb(dbPid()) || 0);
        } catch {
          // Between a crash and the restart there is no state file.
        }
      }, 500);

      const saved = SAVED_QUERIES.map((q) => ({ cypher: q.cypher, params: defaultParams(q) }));
      const times: Record<Kind, number[]> = { saved: [], hostile: [], graph: [] };
      const statuses = new Map<string, number>();
      const deadline = performance.now() + opts.duration;
      const load = () =>
        loadavg()
          .map((l) => l.toFixed(1))
          .join(' / ');
      console.log(`Soak: ${opts.clients} clients for ${opts.duration / 1000} s against ${base}`);
      console.log(`Load average (1 / 5 / 15 min) at the start: ${load()}`);
      let withoutRetryAfter = 0;
      await Promise.all(
        Array.from({ length: opts.clients }, async (_, client) => {
          for (let i = client; performance.now() < deadline; i++) {
            let kind: Kind;
            let request: Promise<Response>;
            if (i % 10 === 9) {
              kind = 'graph';
              request = fetch(new URL('/api/graph', base));
            } else {
              // Of the queries, one in ten is hostile.
              kind = (i * 7 + client) % 10 === 0 ? 'hostile' : 'saved';
              const pick =
                kind === 'hostile'
                  ? (() => {
                      const h = HOSTILE[(i + client) % HOSTILE.length] as (typeof HOSTILE)[number];
                      return { cypher: h[1], params: h[2] };
                    })()
                  : (saved[(i + client) % saved.length] as (typeof saved)[number]);
              const params = typeof pick.params === 'string' ? pick.params : JSON.stringify(pick.params);
              request = fetch(new URL('/api/query', base), {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: `{"cypher": ${JSON.stringify(pick.cypher)}, "params": ${params}}`,
              });
            }
            const t = performance.now();
            let status = 'network error';
            try {
              const res = await request;
              await res.arrayBuffer();
              status = String(res.status);
              if (res.status === 429 && !res.headers.get('retry-after')) withoutRetryAfter += 1;
            } catch {
              // Counted as a network error.
            }
            times[kind].push(performance.now() - t);
            const key = `${kind} ${status}`;
            statuses.set(key, (statuses.get(key) ?? 0) + 1);
          }
        }),
      );
      clearInterval(sampler);
      const restarts = (output.join('').match(/Restarting it in/g) ?? []).length;
      const final = await health();
      console.log('\nLatency by kind (every answer, whatever its status):');
      for (const kind of ['saved', 'hostile', 'graph'] as Kind[]) {
        const s = summary(times[kind]);
        console.log(
          `  ${kind.padEnd(8)} ${String(s.n).padStart(6)} requests  p50 ${ms(s.p50)}  p99 ${ms(s.p99)}`,
        );
      }
      console.log('Answers by kind and status:');
      for (const [key, n] of [...statuses].sort()) console.log(`  ${key}: ${n}`);
      console.log(`429 answers without Retry-After: ${withoutRetryAfter} (target 0)`);
      console.log(`Database restarts: ${restarts} (target 0); database at the end: ${final.status}`);
      console.log(`Load average (1 / 5 / 15 min) at the end: ${load()}`);
      console.log(
        `Peak resident memory: server ${peak.server.toFixed(0)} MB, database ${peak.db.toFixed(0)} MB`,
      );
    } finally {
      server.kill('SIGINT');
      await new Promise((resolve) => server.once('exit', resolve));
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

runCli(program);
