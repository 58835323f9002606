// vitest globalSetup: one fresh Neo4j (temporary data folder, free port, random password) for the whole run.
// It always starts, CI included; a first run downloads the jars into .cache/neo4j/lib.
// Contract with the test files: the database starts empty; every file that needs the knowledge base loads it
// in beforeAll (loadIntoNeo4j is a sync, so this is cheap when it is already there), and a file that
// changes the database loads the full graph/ again in afterAll.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findFreePort, type LocalNeo4j, startLocalNeo4j } from '../../src/neo4j/local-server.js';

let db: LocalNeo4j | undefined;
let dataDir: string | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  dataDir = mkdtempSync(join(tmpdir(), 'apec-kg-neo4j-test-'));
  const port = await findFreePort();
  const password = randomBytes(12).toString('hex');
  db = await startLocalNeo4j({
    port,
    dataDir,
    password,
    timeoutMs: 480_000,
    log: (line) => console.log(`[neo4j] ${line}`),
  });
  console.log(`[neo4j] test database up on ${db.uri} in ${(db.startupMs / 1000).toFixed(1)} s`);
  project.provide('neo4jUri', db.uri);
  project.provide('neo4jUser', db.user);
  project.provide('neo4jPassword', db.password);
  project.provide('neo4jDataDir', dataDir);
  return teardown;
}

async function teardown(): Promise<void> {
  await db?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
