// The loader against the real database: a full load matches the model, a reload changes nothing, removed
// facts disappear, and a load that fails halfway leaves the previous graph as it was.
import { connect, createServer, type Socket } from 'node:net';
import type { Driver, Integer } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/model/read.js';
import type { KnowledgeBase } from '../../src/model/types.js';
import { createDriver } from '../../src/neo4j/config.js';
import { loadIntoNeo4j } from '../../src/neo4j/loader.js';
import { fingerprint, testConfig, testDriver } from './db-helpers.js';

let driver: Driver;
let kb: KnowledgeBase;

beforeAll(async () => {
  driver = testDriver();
  kb = loadKnowledgeBase();
});

afterAll(async () => {
  // Other files rely on finding the full graph/ loaded.
  await loadIntoNeo4j(driver, kb);
  await driver?.close();
});

async function countBy(query: string): Promise<Map<string, number>> {
  const { records } = await driver.executeQuery(query);
  return new Map(records.map((r) => [r.get('k') as string, (r.get('c') as Integer).toNumber()]));
}

function tally<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + 1);
  return out;
}

/** A copy of kb without the given node (and its relationships) and with one relationship note changed. */
function withoutNode(base: KnowledgeBase, nodeId: string): KnowledgeBase {
  return {
    ...base,
    nodes: base.nodes.filter((n) => n.id !== nodeId),
    edges: base.edges.filter((e) => e.from !== nodeId && e.to !== nodeId),
  };
}

/** A TCP relay to the database whose connections can be cut, to lose connectivity in the middle of a load. */
async function startProxy(target: URL): Promise<{ port: number; cutAll(): void; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    cutAll: () => {
      for (const s of sockets) s.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('loadIntoNeo4j', () => {
  it('loads the full knowledge base with the counts of the model', async () => {
    await driver.executeQuery('MATCH (n) DETACH DELETE n');
    const report = await loadIntoNeo4j(driver, kb);
    expect(report).toMatchObject({
      nodesCreated: kb.nodes.length,
      nodesUpdated: 0,
      nodesDeleted: 0,
      relsCreated: kb.edges.length,
      relsUpdated: 0,
      relsDeleted: 0,
    });
    const labels = await countBy('MATCH (n) RETURN labels(n)[0] AS k, count(*) AS c');
    expect(labels).toEqual(tally(kb.nodes, (n) => n.label));
    const types = await countBy('MATCH ()-[r]->() RETURN type(r) AS k, count(*) AS c');
    expect(types).toEqual(tally(kb.edges, (e) => e.type));
    const multiLabel = await driver.executeQuery('MATCH (n) WHERE size(labels(n)) <> 1 RETURN count(n) AS c');
    expect(multiLabel.records[0]?.get('c').toNumber()).toBe(0);
  });

  it('stores properties flat, whole numbers as integers and provenance as parallel lists', async () => {
    const node = kb.nodes.find((n) => n.label === 'Economy' && Object.values(n.props).some(Number.isInteger));
    if (!node) throw new Error('graph/ has no Economy with an integer property');
    const [intKey, intValue] = Object.entries(node.props).find(([, v]) => Number.isInteger(v)) as [
      string,
      number,
    ];
    const { records } = await driver.executeQuery(
      `MATCH (n:Economy {id: $id})
       RETURN properties(n) AS p, valueType(n[$key]) AS intType, valueType(n.provQuotes) AS provType`,
      { id: node.id, key: intKey },
    );
    const record = records[0];
    expect(record?.get('intType')).toBe('INTEGER NOT NULL');
    expect(record?.get('provType')).toBe('LIST<STRING NOT NULL> NOT NULL');
    const props = record?.get('p') as Record<string, unknown>;
    expect(props.name).toBe(node.name);
    expect(props.aliases).toEqual(node.aliases);
    expect((props[intKey] as Integer).toNumber()).toBe(intValue);
    expect(props.provSources).toEqual(node.prov.map((p) => p.source));
    expect(props.provSections).toEqual(node.prov.map((p) => p.section));
    expect(props.provQuotes).toEqual(node.prov.map((p) => p.quote));

    const edge = kb.edges[0];
    if (!edge) throw new Error('graph/ has no relationships');
    const rel = await driver.executeQuery(
      'MATCH (a {id: $from})-[r {id: $id}]->(b {id: $to}) RETURN type(r) AS type, r.provQuotes AS quotes',
      { from: edge.from, to: edge.to, id: edge.id },
    );
    expect(rel.records.map((r) => r.get('type'))).toEqual([edge.type]);
    expect(rel.records[0]?.get('quotes')).toEqual(edge.prov.map((p) => p.quote));
  });

  it('changes nothing when the same knowledge base is loaded again', async () => {
    const before = await fingerprint(driver);
    const report = await loadIntoNeo4j(driver, kb);
    expect(report).toMatchObject({
      nodesCreated: 0,
      nodesUpdated: 0,
      nodesDeleted: 0,
      relsCreated: 0,
      relsUpdated: 0,
      relsDeleted: 0,
    });
    expect(await fingerprint(driver)).toEqual(before);
  });

  it('deletes facts removed from graph/ and updates changed ones', async () => {
    const node = kb.nodes.find((n) => n.label === 'Project') ?? kb.nodes[0];
    if (!node) throw new Error('graph/ has no nodes');
    const smaller = withoutNode(kb, node.id);
    const relsOfNode = kb.edges.length - smaller.edges.length;
    const changed = smaller.edges[0];
    if (!changed) throw new Error('graph/ has too few relationships');
    smaller.edges[0] = { ...changed, note: 'changed by loader.test.ts' };
    // A property removed from a node must vanish from Neo4j too.
    const trimmedIndex = smaller.nodes.findIndex((n) => n.nameZh !== undefined);
    const trimmed = smaller.nodes[trimmedIndex];
    if (!trimmed) throw new Error('graph/ has no node with nameZh');
    const { nameZh: _dropped, ...withoutNameZh } = trimmed;
    smaller.nodes[trimmedIndex] = withoutNameZh;

    const report = await loadIntoNeo4j(driver, smaller);
    expect(report).toMatchObject({
      nodesCreated: 0,
      nodesUpdated: 1,
      nodesDeleted: 1,
      relsCreated: 0,
      relsUpdated: 1,
      relsDeleted: relsOfNode,
    });
    const gone = await driver.executeQuery('MATCH (n {id: $id}) RETURN n', { id: node.id });
    expect(gone.records).toHaveLength(0);
    const note = await driver.executeQuery('MATCH ()-[r {id: $id}]->() RETURN r.note AS note', {
      id: changed.id,
    });
    expect(note.records[0]?.get('note')).toBe('changed by loader.test.ts');
    const zh = await driver.executeQuery('MATCH (n {id: $id}) RETURN n.nameZh AS zh', { id: trimmed.id });
    expect(zh.records[0]?.get('zh')).toBeNull();

    const restored = await loadIntoNeo4j(driver, kb);
    expect(restored).toMatchObject({
      nodesCreated: 1,
      nodesUpdated: 1,
      relsCreated: relsOfNode,
      relsUpdated: 1,
    });
  });

  it('leaves the previous graph intact when a batch fails halfway', async () => {
    const before = await fingerprint(driver);
    const changed = withoutNode(kb, kb.nodes[0]?.id ?? '');
    let batches = 0;
    const failing = loadIntoNeo4j(driver, changed, {
      batchSize: 25,
      onProgress: () => {
        batches += 1;
        if (batches === 4) throw new Error('forced failure in the fourth batch');
      },
    });
    await expect(failing).rejects.toThrow('forced failure in the fourth batch');
    expect(batches).toBe(4);
    expect(await fingerprint(driver)).toEqual(before);
  });

  it('leaves the previous graph intact when the connection is lost during the load', async () => {
    const before = await fingerprint(driver);
    const proxy = await startProxy(new URL(testConfig().uri));
    const cut = createDriver({ ...testConfig(), uri: `bolt://127.0.0.1:${proxy.port}` });
    try {
      const changed = withoutNode(kb, kb.nodes[1]?.id ?? '');
      let cutAt = 0;
      const failing = loadIntoNeo4j(cut, changed, {
        batchSize: 25,
        onProgress: (done) => {
          if (done >= 75 && cutAt === 0) {
            cutAt = done;
            proxy.cutAll();
          }
        },
      });
      await expect(failing).rejects.toThrow();
      expect(cutAt).toBeGreaterThan(0);
    } finally {
      await cut.close();
      await proxy.close();
    }
    expect(await fingerprint(driver)).toEqual(before);
    // And the database still takes a normal load afterwards.
    const report = await loadIntoNeo4j(driver, kb);
    expect(report.nodesCreated + report.nodesDeleted + report.relsCreated + report.relsDeleted).toBe(0);
  });

  it('refuses a relationship to a node that does not exist, before writing anything', async () => {
    const before = await fingerprint(driver);
    const edge = kb.edges[0];
    if (!edge) throw new Error('graph/ has no relationships');
    const broken = { ...kb, edges: [...kb.edges, { ...edge, id: 'x|BROKEN|y', to: 'no-such-node' }] };
    await expect(loadIntoNeo4j(driver, broken)).rejects.toThrow(/points at node no-such-node/);
    expect(await fingerprint(driver)).toEqual(before);
  });

  it('leaves nodes that are not ours alone', async () => {
    await driver.executeQuery("CREATE (:Scratch {id: 'not-ours'}), (:Economy {name: 'no id, not ours'})");
    try {
      const report = await loadIntoNeo4j(driver, kb);
      expect(report.nodesDeleted).toBe(0);
      const kept = await driver.executeQuery(
        'MATCH (n) WHERE n:Scratch OR (n:Economy AND n.id IS NULL) RETURN count(n) AS c',
      );
      expect(kept.records[0]?.get('c').toNumber()).toBe(2);
    } finally {
      await driver.executeQuery('MATCH (n) WHERE n:Scratch OR (n:Economy AND n.id IS NULL) DELETE n');
    }
  });
});
