// The hardest way a load can fail: the database process is killed (SIGKILL, no shutdown) in the middle of
// it. After a restart on the same data folder, Neo4j's recovery must show exactly the graph of the last
// completed load. Runs on a database of its own, since it kills it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/model/read.js';
import { createDriver } from '../../src/neo4j/config.js';
import { loadIntoNeo4j } from '../../src/neo4j/loader.js';
import { findFreePort, type LocalNeo4j, startLocalNeo4j } from '../../src/neo4j/local-server.js';
import { fingerprint } from './db-helpers.js';

const PASSWORD = 'crash-test-password';

describe('a load interrupted by the death of the database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'apec-kg-neo4j-crash-'));
  let db: LocalNeo4j | undefined;
  let driver: Driver | undefined;

  async function start(): Promise<Driver> {
    db = await startLocalNeo4j({
      port: await findFreePort(),
      dataDir,
      password: PASSWORD,
      timeoutMs: 480_000,
    });
    driver = createDriver({ uri: db.uri, user: db.user, password: db.password });
    return driver;
  }

  afterAll(async () => {
    await driver?.close();
    await db?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves the last completed graph after the process is killed mid-load and restarted', async () => {
    const kb = loadKnowledgeBase();
    let first = await start();
    await loadIntoNeo4j(first, kb);
    const before = await fingerprint(first);
    expect(before.nodes).toBe(kb.nodes.length);

    // Every node renamed and one removed: a load that lands even partly would change the fingerprint.
    const changed = {
      ...kb,
      nodes: kb.nodes.slice(1).map((n) => ({ ...n, name: `${n.name} (changed)` })),
      edges: kb.edges.filter((e) => e.from !== kb.nodes[0]?.id && e.to !== kb.nodes[0]?.id),
    };
    const victim = db as LocalNeo4j;
    let killedAt = 0;
    const load = loadIntoNeo4j(first, changed, {
      batchSize: 20,
      onProgress: (done) => {
        if (killedAt === 0 && done >= 100) {
          killedAt = done;
          process.kill(victim.pid, 'SIGKILL');
        }
      },
    });
    await expect(load).rejects.toThrow();
    expect(killedAt).toBeGreaterThan(0);
    expect(killedAt).toBeLessThan(changed.nodes.length + changed.edges.length);
    await first.close();

    first = await start();
    expect(db?.pid).not.toBe(victim.pid);
    expect(await fingerprint(first)).toEqual(before);
    // And the recovered database takes the next load normally.
    const report = await loadIntoNeo4j(first, changed);
    expect(report.nodesDeleted).toBe(1);
    expect(report.nodesUpdated).toBe(changed.nodes.length);
  }, 600_000);
});
