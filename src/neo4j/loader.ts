// Makes Neo4j hold exactly the knowledge base: graph/ is the truth and the database a copy of it.
// Ownership: every node with one of our labels and an `id` property, and every relationship with an `id`
// property whose start node is such a node, belongs to the loader; the sync creates, updates and deletes
// those and leaves anything else alone. All changes go in one transaction, so a failure at any point
// (bad data, lost connection, a crash of the database) leaves the previous graph untouched.
import neo4j, { type Driver, type ManagedTransaction, type Transaction } from 'neo4j-driver';
import { type KnowledgeBase, NODE_LABELS, type NodeLabel } from '../model/types.js';
import { assertRelType, edgeToNeo4j, type Neo4jNodeRow, type Neo4jRelRow, nodeToNeo4j } from './mapping.js';

export interface LoadReport {
  nodesCreated: number;
  nodesUpdated: number;
  nodesDeleted: number;
  relsCreated: number;
  relsUpdated: number;
  relsDeleted: number;
  timeMs: number;
}

export interface LoadOptions {
  batchSize?: number;
  database?: string;
  onProgress?: (done: number, total: number) => void;
  /** Transaction timeout; the whole sync is one transaction. Default 10 minutes. */
  timeoutMs?: number;
}

/** Rows per UNWIND statement; measured with `npm run bench:load`. */
export const DEFAULT_BATCH_SIZE = 10_000;
export const DEFAULT_LOAD_TIMEOUT_MS = 600_000;

/** Thrown when the knowledge base cannot be written as it is; nothing was changed. */
export class LoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LoadError';
  }
}

const OUR_LABELS_PREDICATE = NODE_LABELS.map((l) => `n:${l}`).join(' OR ');

export async function loadIntoNeo4j(
  driver: Driver,
  kb: KnowledgeBase,
  opts: LoadOptions = {},
): Promise<LoadReport> {
  const started = performance.now();
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError('batchSize must be a whole number >= 1');
  const { nodesByLabel, rels } = prepare(kb);

  const session = driver.session({
    defaultAccessMode: neo4j.session.WRITE,
    ...(opts.database ? { database: opts.database } : {}),
  });
  const report: LoadReport = {
    nodesCreated: 0,
    nodesUpdated: 0,
    nodesDeleted: 0,
    relsCreated: 0,
    relsUpdated: 0,
    relsDeleted: 0,
    timeMs: 0,
  };
  try {
    // Schema changes cannot share a transaction with data changes; they are idempotent and harmless alone.
    await session.executeWrite((tx) =>
      ensureSchema(
        tx,
        rels.map((r) => r.type),
      ),
    );

    const total = kb.nodes.length + kb.edges.length;
    let done = 0;
    const progress = (n: number) => {
      done += n;
      opts.onProgress?.(done, total);
    };

    // An explicit transaction rather than executeWrite: a retry would replay a long load after a
    // transient error, and a load that fails should fail loudly and leave the old graph.
    const tx = await session.beginTransaction({ timeout: opts.timeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS });
    try {
      await deleteStale(tx, nodesByLabel, rels, report);
      // Element ids are stable within the transaction; looking the ends up by element id lets one
      // statement per relationship type serve every combination of end labels.
      const elementIds = new Map<string, string>();
      for (const [label, rows] of nodesByLabel) {
        for (const batch of chunks(rows, batchSize)) {
          await upsertNodes(tx, label, batch, report, elementIds);
          progress(batch.length);
        }
      }
      for (const [type, rows] of groupByType(rels)) {
        for (const batch of chunks(rows, batchSize)) {
          await upsertRels(tx, type, batch, report, elementIds);
          progress(batch.length);
        }
      }
      await tx.commit();
    } catch (error) {
      await tx.rollback().catch(() => undefined);
      throw error;
    }
  } finally {
    await session.close();
  }
  report.timeMs = Math.round(performance.now() - started);
  return report;
}

function prepare(kb: KnowledgeBase) {
  const nodesByLabel = new Map<NodeLabel, Neo4jNodeRow[]>();
  const nodeIds = new Set<string>();
  for (const node of kb.nodes) {
    if (nodeIds.has(node.id)) {
      throw new LoadError(`${node.origin.file}:${node.origin.line}: node id ${node.id} is used twice`);
    }
    nodeIds.add(node.id);
    const row = nodeToNeo4j(node);
    const rows = nodesByLabel.get(row.label) ?? [];
    rows.push(row);
    nodesByLabel.set(row.label, rows);
  }
  const rels: Neo4jRelRow[] = [];
  const relIds = new Set<string>();
  for (const edge of kb.edges) {
    const where = `${edge.origin.file}:${edge.origin.line}`;
    if (relIds.has(edge.id)) throw new LoadError(`${where}: relationship id ${edge.id} is used twice`);
    relIds.add(edge.id);
    for (const end of [edge.from, edge.to]) {
      if (!nodeIds.has(end)) {
        throw new LoadError(`${where}: relationship ${edge.id} points at node ${end}, which does not exist`);
      }
    }
    rels.push(edgeToNeo4j(edge));
  }
  return { nodesByLabel, rels };
}

async function ensureSchema(tx: ManagedTransaction, relTypes: string[]): Promise<void> {
  // Listing first keeps a reload from sending dozens of no-op schema commands.
  const existing = new Set<string>();
  for (const show of ['SHOW CONSTRAINTS YIELD name', 'SHOW INDEXES YIELD name']) {
    for (const record of (await tx.run(show)).records) existing.add(record.get('name'));
  }
  for (const label of NODE_LABELS) {
    const name = `apec_${label}_id`;
    if (existing.has(name)) continue;
    await tx.run(`CREATE CONSTRAINT ${name} IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`);
  }
  // The loader finds relationships from their start node; these indexes serve queries that look one up by id.
  for (const type of new Set(relTypes)) {
    const name = `apec_rel_${type}_id`;
    if (existing.has(name)) continue;
    await tx.run(`CREATE INDEX ${name} IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.id)`);
  }
}

async function deleteStale(
  tx: Transaction,
  nodesByLabel: Map<NodeLabel, Neo4jNodeRow[]>,
  rels: Neo4jRelRow[],
  report: LoadReport,
): Promise<void> {
  const relResult = await tx.run(
    `MATCH (n)-[r]->() WHERE (${OUR_LABELS_PREDICATE}) AND n.id IS NOT NULL AND r.id IS NOT NULL
     AND NOT r.id IN $ids
     DELETE r`,
    { ids: rels.map((r) => r.id) },
  );
  report.relsDeleted += relResult.summary.counters.updates().relationshipsDeleted;
  // Keyed by label too, so a node whose label changed in graph/ is replaced, not kept under the old label.
  const keys = [...nodesByLabel.values()].flatMap((rows) => rows.map((r) => `${r.label}|${r.id}`));
  const nodeResult = await tx.run(
    `MATCH (n) WHERE (${OUR_LABELS_PREDICATE}) AND n.id IS NOT NULL
     AND NOT ([l IN labels(n) WHERE l IN $labels][0] + '|' + n.id) IN $keys
     DETACH DELETE n`,
    { keys, labels: [...NODE_LABELS] },
  );
  const counts = nodeResult.summary.counters.updates();
  report.nodesDeleted += counts.nodesDeleted;
  report.relsDeleted += counts.relationshipsDeleted;
}

async function upsertNodes(
  tx: Transaction,
  label: NodeLabel,
  rows: Neo4jNodeRow[],
  report: LoadReport,
  elementIds: Map<string, string>,
) {
  // `SET n = row.props` replaces every property, so a property removed from graph/ goes too; it runs only
  // where something differs, which keeps an identical reload free of writes.
  const result = await tx.run(
    `UNWIND $rows AS row
     MERGE (n:${label} {id: row.id})
     ON CREATE SET n = row.props
     WITH n, row, properties(n) <> row.props AS changed
     FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET n = row.props)
     RETURN row.id AS id, elementId(n) AS elementId, changed`,
    { rows: rows.map((r) => ({ id: r.id, props: r.props })) },
  );
  for (const record of result.records) {
    elementIds.set(record.get('id'), record.get('elementId'));
    if (record.get('changed') === true) report.nodesUpdated += 1;
  }
  report.nodesCreated += result.summary.counters.updates().nodesCreated;
}

/**
 * The type is written into the statement, one statement per type: with a dynamic type (`$(row.type)`)
 * Neo4j 5.26 plans MERGE as a scan of all relationships per row instead of an expand between the two ends.
 */
function groupByType(rels: Neo4jRelRow[]): Map<string, Neo4jRelRow[]> {
  const groups = new Map<string, Neo4jRelRow[]>();
  for (const rel of rels) {
    const rows = groups.get(rel.type) ?? [];
    rows.push(rel);
    groups.set(rel.type, rows);
  }
  return groups;
}

async function upsertRels(
  tx: Transaction,
  type: string,
  rows: Neo4jRelRow[],
  report: LoadReport,
  elementIds: Map<string, string>,
) {
  const result = await tx.run(
    `UNWIND $rows AS row
     MATCH (a) WHERE elementId(a) = row.a
     MATCH (b) WHERE elementId(b) = row.b
     MERGE (a)-[r:${assertRelType(type)} {id: row.id}]->(b)
     ON CREATE SET r = row.props
     WITH r, row, properties(r) <> row.props AS changed
     FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET r = row.props)
     RETURN count(*) AS matched, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated`,
    {
      rows: rows.map((r) => ({
        id: r.id,
        a: elementIds.get(r.from),
        b: elementIds.get(r.to),
        props: r.props,
      })),
    },
  );
  const matched = toNumber(result.records[0]?.get('matched'));
  if (matched !== rows.length) {
    // Cannot happen while the node upserts above succeeded; failing rolls the whole load back.
    throw new LoadError(`Only ${matched} of ${rows.length} relationships found both end nodes`);
  }
  report.relsCreated += result.summary.counters.updates().relationshipsCreated;
  report.relsUpdated += toNumber(result.records[0]?.get('updated'));
}

function toNumber(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return neo4j.isInt(value) ? value.toNumber() : Number(value);
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
