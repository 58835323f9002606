// Read-only queries that try to exhaust the database's memory, its CPU or the server's answer, sent to the
// real server (its own process, so its memory can be measured) in front of the real database. After each one
// the database still answers; at the end its data are unchanged and the server's peak memory stayed bounded.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { CARTESIAN, HOSTILE } from '../../scripts/bench-soak/hostile-corpus.js';
import { loadKnowledgeBase, REPO_ROOT } from '../../src/model/read.js';
import { loadIntoNeo4j } from '../../src/neo4j/loader.js';
import { fingerprint, neo4jEnv, testConfig, testDriver } from '../neo4j/db-helpers.js';

/** The documented bound on the server's resident memory (README, "Limits"), with a 1 MB answer cap. */
const SERVER_RSS_LIMIT_MB = 512;
const TIMEOUT_MS = 3000;
const MAX_BYTES = 1024 * 1024;

let driver: Driver;
let server: ChildProcess;
let base: string;
let before: Awaited<ReturnType<typeof fingerprint>>;

function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

async function post(body: { cypher: string; params?: Record<string, unknown> | string }): Promise<{
  status: number;
  text: string;
}> {
  const params = typeof body.params === 'string' ? body.params : JSON.stringify(body.params ?? {});
  const res = await fetch(new URL('/api/query', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: `{"cypher": ${JSON.stringify(body.cypher)}, "params": ${params}}`,
  });
  return { status: res.status, text: await res.text() };
}

async function health(): Promise<{ connected: boolean; status: string }> {
  const res = await fetch(new URL('/api/health', base));
  return (await res.json()).neo4j;
}

beforeAll(async () => {
  driver = testDriver();
  await loadIntoNeo4j(driver, loadKnowledgeBase());
  before = await fingerprint(driver);
  const cfg = testConfig();
  server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ...neo4jEnv(cfg),
      PORT: '0',
      QUERY_TIMEOUT_MS: String(TIMEOUT_MS),
      QUERY_MAX_BYTES: String(MAX_BYTES),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /explorer: (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve(url);
    });
    server.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${out}`)));
  });
  console.log(`server memory after start: ${memoryOf(server.pid as number).rssMb.toFixed(0)} MB`);
});

afterAll(async () => {
  server?.kill('SIGTERM');
  await driver?.close();
});

describe(`${HOSTILE.length} hostile read-only queries against the server and the database`, () => {
  it('cuts one huge row at the byte cap and says so', async () => {
    const { status, text } = await post({
      cypher: 'RETURN [x IN range(1, 300000) | toString(x) + "aaaaaaaaaaaaaaaa"] AS l',
    });
    expect(status).toBe(200);
    const body = JSON.parse(text);
    expect(body.truncated).toBe(true);
    expect(body.truncation).toEqual({ reason: 'bytes', limit: MAX_BYTES });
    expect(text.length).toBeLessThan(MAX_BYTES * 1.2);
    expect(body.rows[0][0].length).toBeGreaterThan(1000);
  });

  it('answers each with a status that says what happened, and the database stays up after each', async () => {
    const outcomes: string[] = [];
    onTestFinished(() => console.log(`hostile corpus:\n  ${outcomes.join('\n  ')}`));
    for (const [name, cypher, params, allowed] of HOSTILE) {
      // Queries the database has not let go of yet keep their slots (429) for a while; wait for one.
      let answer = await post({ cypher, params });
      for (let tries = 0; answer.status === 429 && tries < 60; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        answer = await post({ cypher, params });
      }
      const { status, text } = answer;
      const body = JSON.parse(text);
      outcomes.push(`${status} ${name}: ${body.error?.code ?? `${text.length} bytes`}`);
      expect(allowed, `${name}: ${status} ${text.slice(0, 300)}`).toContain(status);
      if (status === 200) expect(text.length, name).toBeLessThan(MAX_BYTES * 1.2);
      if (status === 422) expect(body.error.message, name).toMatch(/Narrow it/);
      expect(await health(), `database after: ${name}`).toMatchObject({
        connected: true,
        status: 'connected',
      });
    }
  }, 600_000);

  it('runs many slow queries at once without the database or the server giving way', async () => {
    const slow = `${CARTESIAN}, (d) WHERE a.name + b.name + c.name + d.name = 'never' RETURN count(*)`;
    const answers = await Promise.all(Array.from({ length: 12 }, () => post({ cypher: slow })));
    for (const { status } of answers) expect([422, 429]).toContain(status);
    expect(await health()).toMatchObject({ connected: true });
    // Every slot is given back once the database has let go of the slow ones.
    await expect
      .poll(async () => (await post({ cypher: 'RETURN 1 AS one' })).status, {
        timeout: 30_000,
        interval: 500,
      })
      .toBe(200);
  }, 120_000);

  it('leaves the data exactly as they were', async () => {
    expect(await fingerprint(driver)).toEqual(before);
  });

  it(`kept the server's resident memory under ${SERVER_RSS_LIMIT_MB} MB at its peak`, () => {
    const { rssMb, peakMb } = memoryOf(server.pid as number);
    console.log(`server memory: ${rssMb.toFixed(0)} MB now, ${peakMb.toFixed(0)} MB at the peak`);
    expect(peakMb).toBeGreaterThan(0);
    expect(peakMb).toBeLessThan(SERVER_RSS_LIMIT_MB);
  });
});
