// Wrong credentials and an unreachable database give errors that say what is wrong and what to do.
import { describe, expect, it } from 'vitest';
import { createDriver } from '../../src/neo4j/config.js';
import { Neo4jConnectionError, verifyConnection } from '../../src/neo4j/errors.js';
import { loadIntoNeo4j } from '../../src/neo4j/loader.js';
import { findFreePort } from '../../src/neo4j/local-server.js';
import { runReadOnly } from '../../src/neo4j/read-only.js';
import { testConfig } from './db-helpers.js';

describe('connection errors', () => {
  it('refuses a wrong password with the Neo4j code and a hint', async () => {
    const cfg = { ...testConfig(), password: 'wrong-password' };
    const driver = createDriver(cfg);
    try {
      const error = await verifyConnection(driver, cfg).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Neo4jConnectionError);
      expect((error as Neo4jConnectionError).code).toBe('Neo.ClientError.Security.Unauthorized');
      expect((error as Error).message).toContain('refused the login of user "neo4j"');
      expect((error as Error).message).toContain('NEO4J_PASSWORD');
      await expect(runReadOnly(driver, 'RETURN 1')).rejects.toMatchObject({
        code: 'Neo.ClientError.Security.Unauthorized',
      });
    } finally {
      await driver.close();
    }
  });

  it('names the address and how to start or configure a database when nothing listens', async () => {
    const cfg = { ...testConfig(), uri: `bolt://127.0.0.1:${await findFreePort()}` };
    const driver = createDriver(cfg);
    try {
      const error = await verifyConnection(driver, cfg).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Neo4jConnectionError);
      expect((error as Error).message).toContain(`Cannot reach Neo4j at ${cfg.uri}`);
      expect((error as Error).message).toContain('NEO4J_URI');
      await expect(
        loadIntoNeo4j(driver, { nodes: [], edges: [], sourceTexts: new Map() }),
      ).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    } finally {
      await driver.close();
    }
  });
});
