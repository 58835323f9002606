// Shared by the API benchmarks: a loaded database (the one NEO4J_URI names, else a fresh embedded Neo4j in a
// temporary folder) and small statistics helpers.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeBase } from '../src/model/read.js';
import type { KnowledgeBase } from '../src/model/types.js';
import { configFromEnv, createDriver, type Neo4jConfig } from '../src/neo4j/config.js';
import { loadIntoNeo4j } from '../src/neo4j/loader.js';
import { findFreePort, type LocalNeo4j, startLocalNeo4j } from '../src/neo4j/local-server.js';

export interface BenchDatabase {
  cfg: Neo4jConfig;
  kb: KnowledgeBase;
  local?: LocalNeo4j;
  close(): Promise<void>;
}

export async function benchDatabase(): Promise<BenchDatabase> {
  const kb = loadKnowledgeBase();
  if (process.env.NEO4J_URI?.trim()) {
    const cfg = configFromEnv();
    await load(cfg, kb);
    return { cfg, kb, close: async () => {} };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'apec-kg-bench-'));
  const local = await startLocalNeo4j({
    port: await findFreePort(),
    dataDir,
    password: 'bench-password',
    log: (line) => console.log(line),
  });
  console.log(
    `Embedded Neo4j up in ${(local.startupMs / 1000).toFixed(1)} s (heap ${process.env.NEO4J_HEAP ?? '1g'}).`,
  );
  const cfg: Neo4jConfig = { uri: local.uri, user: local.user, password: local.password };
  await load(cfg, kb);
  return {
    cfg,
    kb,
    local,
    close: async () => {
      await local.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function load(cfg: Neo4jConfig, kb: KnowledgeBase): Promise<void> {
  const driver = createDriver(cfg);
  try {
    await loadIntoNeo4j(driver, kb, cfg.database ? { database: cfg.database } : {});
  } finally {
    await driver.close();
  }
}

/** Resident memory of a process in MB, from /proc (Linux), or NaN. */
export function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
  } catch {
    return Number.NaN;
  }
}
