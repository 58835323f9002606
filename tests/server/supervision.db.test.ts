// `npm start`'s own Neo4j, supervised: killed with SIGKILL while the server runs, it is started again, health
// says "restarting" meanwhile, queries work afterwards without restarting the server, and stopping the whole
// thing (what Ctrl-C does) does not bring the database back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/neo4j/local-server.js';
import { type Launched, launch } from '../../src/server/launch.js';

const dataDir = mkdtempSync(join(tmpdir(), 'apec-kg-supervised-'));
let app: Launched | undefined;

afterAll(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function neo4jHealth(url: string): Promise<{ connected: boolean; status: string; message: string }> {
  return (await (await fetch(new URL('/api/health', url))).json()).neo4j;
}

async function count(url: string): Promise<{ status: number; body: { rows?: unknown[][] } }> {
  const res = await fetch(new URL('/api/query', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ cypher: 'MATCH (e:Economy) RETURN count(e) AS n' }),
  });
  return { status: res.status, body: await res.json() };
}

describe('the embedded Neo4j under npm start', () => {
  it('serves the page before the database is up, restarts a killed database, and stops for good on stop', async () => {
    const lines: string[] = [];
    app = await launch({
      env: {
        NEO4J_DATA_DIR: dataDir,
        NEO4J_PORT: String(await findFreePort()),
        NEO4J_PASSWORD: 'supervised-test',
        PORT: '0',
      },
      buildPage: false,
      log: (line) => lines.push(line),
    });
    const url = app.server.url;
    const supervisor = app.supervisor;
    if (!supervisor) throw new Error('launch() did not supervise the local database');

    // The server answers while the database is still starting; the console is told so.
    const early = await neo4jHealth(url);
    expect(['starting', 'connected']).toContain(early.status);
    expect((await fetch(new URL('/api/graph', url))).status).toBe(200);

    expect(await app.loaded).toBe(true);
    await expect.poll(async () => (await neo4jHealth(url)).status, { timeout: 30_000 }).toBe('connected');
    expect((await count(url)).body.rows).toEqual([[21]]);

    const first = supervisor.current;
    if (!first) throw new Error('no database process');
    process.kill(first.pid, 'SIGKILL');
    await expect.poll(async () => (await neo4jHealth(url)).status, { timeout: 15_000 }).toBe('restarting');
    const during = await count(url);
    expect(during.status).toBe(503);

    await expect
      .poll(async () => (await neo4jHealth(url)).status, { timeout: 240_000, interval: 1000 })
      .toBe('connected');
    expect(supervisor.restarts).toBeGreaterThanOrEqual(1);
    const second = supervisor.current;
    expect(second?.pid).not.toBe(first.pid);
    expect((await count(url)).body.rows).toEqual([[21]]);
    const log = lines.join('\n');
    expect(log).toMatch(/The embedded Neo4j exited with SIGKILL/);
    expect(log).toMatch(/is back at bolt:\/\//);

    await app.stop();
    app = undefined;
    await supervisor.finished();
    expect(alive(second?.pid as number)).toBe(false);
    expect(supervisor.state).toBe('stopped');
    expect(supervisor.restarts).toBe(1);
  }, 420_000);
});
