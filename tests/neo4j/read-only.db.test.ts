// runReadOnly against the real database: writes, administration, file access and runaway queries are
// refused or cut, results come back as plain JSON with a graph keyed by our ids, and nothing changes.
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/model/read.js';
import type { KnowledgeBase } from '../../src/model/types.js';
import { loadIntoNeo4j } from '../../src/neo4j/loader.js';
import { QueryRefusedError, runReadOnly } from '../../src/neo4j/read-only.js';
import { fingerprint, testDriver } from './db-helpers.js';

let driver: Driver;
let kb: KnowledgeBase;
let before: { nodes: number; rels: number; hash: string };

beforeAll(async () => {
  driver = testDriver();
  kb = loadKnowledgeBase();
  await loadIntoNeo4j(driver, kb);
  before = await fingerprint(driver);
});

afterAll(async () => {
  await driver?.close();
});

const REFUSED: [string, string, string][] = [
  ['CREATE', "CREATE (:Economy {id: 'XXX'})", 'APEC.NotReadOnly'],
  ['MERGE', "MERGE (e:Economy {id: 'AUS'}) RETURN e", 'APEC.NotReadOnly'],
  ['SET', "MATCH (e:Economy {id: 'AUS'}) SET e.name = 'x'", 'APEC.NotReadOnly'],
  ['DELETE', 'MATCH ()-[r]->() DELETE r', 'APEC.NotReadOnly'],
  ['DETACH DELETE', 'MATCH (n) DETACH DELETE n', 'APEC.NotReadOnly'],
  ['REMOVE', "MATCH (e:Economy {id: 'AUS'}) REMOVE e.name", 'APEC.NotReadOnly'],
  ['write hidden in a subquery', 'MATCH (n) CALL (n) { SET n.x = 1 } RETURN count(*)', 'APEC.NotReadOnly'],
  ['CALL {} IN TRANSACTIONS', 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS', 'APEC.NotReadOnly'],
  ['LOAD CSV', "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", 'APEC.LoadCsv'],
  [
    'LOAD CSV over http',
    "load csv with headers from 'http://127.0.0.1:1/x.csv' AS l RETURN l",
    'APEC.LoadCsv',
  ],
  ['CREATE INDEX', 'CREATE INDEX x IF NOT EXISTS FOR (n:Economy) ON (n.name)', 'APEC.NotReadOnly'],
  ['CREATE CONSTRAINT', 'CREATE CONSTRAINT c FOR (n:Topic) REQUIRE n.name IS UNIQUE', 'APEC.NotReadOnly'],
  ['DROP CONSTRAINT', 'DROP CONSTRAINT apec_Economy_id', 'APEC.NotReadOnly'],
  ['DROP INDEX', 'DROP INDEX apec_rel_ATTENDED_id IF EXISTS', 'APEC.NotReadOnly'],
  ['CREATE USER', "CREATE USER eve SET PASSWORD 'password123'", 'APEC.NotReadOnly'],
  ['SHOW USERS', 'SHOW USERS', 'APEC.NotReadOnly'],
  ['ALTER USER', "ALTER USER neo4j SET PASSWORD 'password123'", 'APEC.Admin'],
  ['TERMINATE TRANSACTIONS', "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", 'APEC.Admin'],
  ['db.createLabel', "CALL db.createLabel('Evil')", 'APEC.Procedure'],
  ['db.createProperty in backquotes', "CALL `db`.`createProperty`('evil')", 'APEC.Procedure'],
  [
    'db.index.fulltext.createNodeIndex',
    "CALL db.index.fulltext.createNodeIndex('x', ['Economy'], ['name'])",
    'APEC.Procedure',
  ],
  ['db.clearQueryCaches', 'CALL db.clearQueryCaches()', 'APEC.Procedure'],
  ['dbms.killQueries', "CALL dbms.killQueries(['query-1'])", 'APEC.Procedure'],
  ['dbms.setConfigValue', "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')", 'APEC.Procedure'],
  ['apoc.create.node', "CALL apoc.create.node(['Evil'], {})", 'APEC.Procedure'],
  [
    'apoc.periodic.iterate',
    "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})",
    'APEC.Procedure',
  ],
  ['empty', '  // nothing\n', 'APEC.Empty'],
];

describe('runReadOnly refuses anything but reading', () => {
  it.each(REFUSED)('refuses %s', async (_name, cypher, code) => {
    const error = await runReadOnly(driver, cypher).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryRefusedError);
    expect((error as QueryRefusedError).code).toBe(code);
    expect((error as QueryRefusedError).message.length).toBeGreaterThan(10);
  });

  it('does not mistake keywords inside strings or comments for clauses', async () => {
    const result = await runReadOnly(
      driver,
      "// LOAD CSV and CALL db.createLabel in a comment\nRETURN 'CREATE (n) LOAD CSV IN TRANSACTIONS' AS text",
    );
    expect(result.rows).toEqual([['CREATE (n) LOAD CSV IN TRANSACTIONS']]);
  });

  it('allows the safe dbms and db procedures', async () => {
    const components = await runReadOnly(
      driver,
      'CALL dbms.components() YIELD name, edition RETURN name, edition',
    );
    expect(components.rows[0]).toEqual(['Neo4j Kernel', 'community']);
    const labels = await runReadOnly(driver, 'CALL db.labels() YIELD label RETURN label ORDER BY label');
    expect(labels.rows.flat()).toEqual([...new Set(kb.nodes.map((n) => n.label))].sort());
  });

  it('leaves the data unchanged after all of it', async () => {
    expect(await fingerprint(driver)).toEqual(before);
  });
});

describe('runReadOnly bounds what a query may cost', () => {
  it('cuts an endless query at the timeout, by Neo4j or by the deadline just after it', async () => {
    const error = await runReadOnly(
      driver,
      'UNWIND range(1, 9000000000000) AS x WITH x WHERE x < 0 RETURN x',
      {},
      { timeoutMs: 1500 },
    ).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toMatch(
      /^(Neo\.ClientError\.Transaction\.TransactionTimedOut|APEC\.QueryTimeout$)/,
    );
  });

  it('caps a huge result without pulling all of it', async () => {
    const result = await runReadOnly(driver, 'UNWIND range(1, 10000000) AS x RETURN x', {}, { maxRows: 250 });
    expect(result.truncated).toBe(true);
    expect(result.rows).toHaveLength(250);
    expect(result.rows[249]).toEqual([250]);
    // Stopping early must not leave a transaction running on the server.
    const open = await driver.executeQuery(
      'SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $needle RETURN count(*) AS c',
      { needle: 'range(1, 10000000)' },
    );
    expect(open.records[0]?.get('c').toNumber()).toBe(0);
  });

  it('reports a result at the cap as complete', async () => {
    const result = await runReadOnly(driver, 'UNWIND range(1, 5) AS x RETURN x', {}, { maxRows: 5 });
    expect(result.truncated).toBe(false);
    expect(result.rows).toHaveLength(5);
  });

  it('keeps the Neo4j code and the position of a syntax error in the query as written', async () => {
    const error = (await runReadOnly(driver, 'MATCH (n RETURN n').catch((e: unknown) => e)) as Error & {
      code: string;
    };
    expect(error.code).toBe('Neo.ClientError.Statement.SyntaxError');
    expect(error.message).toContain('line 1, column 10 (offset: 9)');
    expect(error.message).toContain('"MATCH (n RETURN n"');
    expect(error.message).not.toContain('EXPLAIN');
  });
});

describe('runReadOnly returns plain JSON and the graph part', () => {
  it('converts integers, temporals, lists and maps to JSON values', async () => {
    const result = await runReadOnly(
      driver,
      `RETURN 42 AS n, 1.5 AS f, date('2025-02-27') AS d, datetime('2025-02-27T09:30:00Z') AS dt,
              duration({days: 2}) AS dur, duration('P1Y2M3DT4H5M6.5S') AS long, [1, 2] AS list, {a: 1, b: ['x']} AS map, null AS nothing`,
    );
    expect(result.columns).toEqual(['n', 'f', 'd', 'dt', 'dur', 'long', 'list', 'map', 'nothing']);
    expect(result.rows).toEqual([
      [
        42,
        1.5,
        '2025-02-27',
        '2025-02-27T09:30:00Z',
        'P2D',
        'P1Y2M3DT4H5M6.5S',
        [1, 2],
        { a: 1, b: ['x'] },
        null,
      ],
    ]);
    expect(JSON.parse(JSON.stringify(result.rows))).toEqual(result.rows);
  });

  it('passes parameters', async () => {
    const result = await runReadOnly(driver, 'MATCH (e:Economy {id: $id}) RETURN e.name AS name', {
      id: 'AUS',
    });
    expect(result.rows).toEqual([[kb.nodes.find((n) => n.id === 'AUS')?.name]]);
  });

  it('collects nodes and relationships keyed by the ids of graph/', async () => {
    const edge = kb.edges.find((e) => e.from !== e.to);
    if (!edge) throw new Error('graph/ has no relationships');
    const result = await runReadOnly(
      driver,
      'MATCH p = (a {id: $from})-[r {id: $id}]->(b) RETURN a, r, b, p',
      {
        from: edge.from,
        id: edge.id,
      },
    );
    expect(result.graph.nodes.map((n) => n.id).sort()).toEqual([edge.from, edge.to].sort());
    expect(result.graph.edges).toHaveLength(1);
    const rel = result.graph.edges[0];
    expect(rel).toMatchObject({ id: edge.id, type: edge.type, source: edge.from, target: edge.to });
    const from = kb.nodes.find((n) => n.id === edge.from);
    expect(result.graph.nodes.find((n) => n.id === edge.from)).toMatchObject({
      labels: [from?.label],
      properties: { id: edge.from, name: from?.name },
    });
    // The row holds the same objects; the path lists its nodes and relationships.
    const [a, r, , p] = result.rows[0] as [unknown, unknown, unknown, { nodes: unknown[]; edges: unknown[] }];
    expect(a).toMatchObject({ id: edge.from });
    expect(r).toMatchObject({ id: edge.id, source: edge.from, target: edge.to });
    expect(p.nodes).toHaveLength(2);
    expect(p.edges).toHaveLength(1);
  });

  it('fetches the end nodes of relationships returned without them', async () => {
    const edge = kb.edges[0];
    if (!edge) throw new Error('graph/ has no relationships');
    const result = await runReadOnly(driver, 'MATCH ()-[r {id: $id}]->() RETURN r', { id: edge.id });
    expect(result.graph.edges.map((e) => [e.source, e.target])).toEqual([[edge.from, edge.to]]);
    expect(result.graph.nodes.map((n) => n.id).sort()).toEqual([...new Set([edge.from, edge.to])].sort());
  });
});
