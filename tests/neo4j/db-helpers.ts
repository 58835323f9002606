// Shared by the tests in this folder: a driver on the test database and a fingerprint of everything in it.
import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';
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
