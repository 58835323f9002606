// Starting the embedded Neo4j with bad input fails fast, says what is wrong, and leaves nothing running.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findFreePort, localNeo4jStatus, startLocalNeo4j } from '../../src/neo4j/local-server.js';

describe('startLocalNeo4j', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'apec-kg-neo4j-bad-'));
  const saved = process.env.NEO4J_SETTINGS;
  afterEach(() => {
    if (saved === undefined) delete process.env.NEO4J_SETTINGS;
    else process.env.NEO4J_SETTINGS = saved;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses an extra setting that is not setting=value, naming it', async () => {
    process.env.NEO4J_SETTINGS = 'db.logs.query.enabled=OFF;not a setting';
    const start = startLocalNeo4j({ port: await findFreePort(), dataDir, password: 'bad-settings-test' });
    await expect(start).rejects.toThrow(/NEO4J_SETTINGS: "not a setting" is not setting=value/);
    expect(localNeo4jStatus(dataDir)?.running ?? false).toBe(false);
  }, 120_000);
});
