// Shared by the tests in this folder: a driver on the test database and a fingerprint of everything in it.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { REPO_ROOT } from '../../src/model/read.js';
import { createDriver, type Neo4jConfig } from '../../src/neo4j/config.js';

export function testConfig(): Neo4jConfig {
  return { uri: inject('neo4jUri'), user: inject('neo4jUser'), password: inject('neo4jPassword') };
}

export function testDriver(): Driver {
  return createDriver(testConfig());
}

/** Counts plus a hash of every node and relationship with labels, type, ends and properties. */
export async function fingerprint(driver: Driver): Promise<{ nodes: number; rels: number; hash: string }> {
  const nodes = await driver.executeQuery(
    `MATCH (n) RETURN coalesce(n.id, elementId(n)) AS id, labels(n) AS labels, properties(n) AS p ORDER BY id`,
  );
  const rels = await driver.executeQuery(
    `MATCH (a)-[r]->(b)
     RETURN coalesce(r.id, elementId(r)) AS id, type(r) AS type, a.id AS a, b.id AS b, properties(r) AS p
     ORDER BY id`,
  );
  const text = JSON.stringify([
    nodes.records.map((r) => r.toObject()),
    rels.records.map((r) => r.toObject()),
  ]);
  return {
    nodes: nodes.records.length,
    rels: rels.records.length,
    hash: createHash('sha256').update(text).digest('hex'),
  };
}

/** The NEO4J_* variables that point a command at a database. */
export function neo4jEnv(cfg: Neo4jConfig = testConfig()): Record<string, string> {
  return { NEO4J_URI: cfg.uri, NEO4J_USER: cfg.user, NEO4J_PASSWORD: cfg.password };
}

export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs scripts/<script> with tsx against a database (the test database unless told otherwise). */
export function runScript(
  script: string,
  args: string[],
  env: Record<string, string> = {},
  cfg: Neo4jConfig = testConfig(),
): Promise<ScriptRun> {
  return new Promise((resolve) => {
    execFile(
      join(REPO_ROOT, 'node_modules/.bin/tsx'),
      [join(REPO_ROOT, 'scripts', script), ...args],
      { cwd: REPO_ROOT, env: { ...process.env, ...neo4jEnv(cfg), ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
