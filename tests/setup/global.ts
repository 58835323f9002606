// vitest globalSetup of the db and e2e projects: one fresh Neo4j (temporary data folder, free port, random
// password) for the whole run, shared by both projects when they run together. The unit project has no
// global setup, so `npm run test:unit` never starts Java. A first run downloads the jars into .cache/neo4j/lib.
// Contract with the test files: the database starts empty; every file that needs the knowledge base loads it
// in beforeAll (loadIntoNeo4j is a sync, so this is cheap when it is already there), and a file that
// changes the database loads the full graph/ again in afterAll.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findFreePort, type LocalNeo4j, startLocalNeo4j } from '../../src/neo4j/local-server.js';

interface Shared {
  started: Promise<{ db: LocalNeo4j; dataDir: string }>;
  users: number;
}

// Each project loads this module on its own, so the one database is kept on globalThis of the main process.
const KEY = Symbol.for('apec-kg.test-neo4j');
const holder = globalThis as unknown as Record<symbol, Shared | undefined>;

async function start(): Promise<{ db: LocalNeo4j; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'apec-kg-neo4j-test-'));
  const port = await findFreePort();
  const password = randomBytes(12).toString('hex');
  const db = await startLocalNeo4j({
    port,
    dataDir,
    password,
    timeoutMs: 480_000,
    log: (line) => console.log(`[neo4j] ${line}`),
  });
  console.log(`[neo4j] test database up on ${db.uri} in ${(db.startupMs / 1000).toFixed(1)} s`);
  return { db, dataDir };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let shared = holder[KEY];
  if (!shared) {
    shared = { started: start(), users: 0 };
    holder[KEY] = shared;
  }
  shared.users += 1;
  const { db, dataDir } = await shared.started;
  project.provide('neo4jUri', db.uri);
  project.provide('neo4jUser', db.user);
  project.provide('neo4jPassword', db.password);
  project.provide('neo4jDataDir', dataDir);
  const mine = shared;
  return async () => {
    mine.users -= 1;
    if (mine.users > 0) return;
    holder[KEY] = undefined;
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
