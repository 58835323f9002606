// Makes Neo4j hold exactly the knowledge base: graph/ is the truth and the database a copy of it.
// Ownership: every node with one of our labels and an `id` property, and every relationship with an `id`
// property whose start node is such a node, belongs to the loader; the sync creates, updates and deletes
// those and leaves anything else alone. All changes go in one transaction, so a failure at any point
// (bad data, lost connection, a crash of the database) leaves the previous graph untouched.
//
// Within that transaction the loader first reads which of our ids exist, then deletes what graph/ no longer
// has, CREATEs what is new and rewrites only what differs. Reading first lets new facts go in with CREATE,
// several times faster than MERGE; it assumes no other writer adds our ids during the load, and if one
// does the uniqueness constraint fails the transaction rather than duplicating a node.
import neo4j, { type Driver, type Transaction } from 'neo4j-driver';
import { selectForLoad } from '../model/review.js';
import { type KnowledgeBase, NODE_LABELS, type NodeLabel } from '../model/types.js';
import { edgeToNeo4j, type Neo4jNodeRow, type Neo4jProps, type Neo4jRelRow, nodeToNeo4j } from './mapping.js';

export interface LoadReport {
  nodesCreated: number;
  nodesUpdated: number;
  nodesDeleted: number;
  relsCreated: number;
  relsUpdated: number;
  relsDeleted: number;
  timeMs: number;
  /** Entries not loaded because they await review (see selectForLoad): nodes, relationships, and reviewed
   * relationships to a pending node. Flat numbers, like every other count here. */
  heldBackNodes: number;
  heldBackRels: number;
  heldBackReviewedRels: number;
}

export interface LoadOptions {
  batchSize?: number;
  database?: string;
  onProgress?: (done: number, total: number) => void;
  /** Transaction timeout; the whole sync is one transaction. Default 10 minutes. */
  timeoutMs?: number;
  /** Load `review: pending` entries too, marked `draft: true`; by default only reviewed entries are loaded. */
  includeDrafts?: boolean;
}

/** Rows per UNWIND statement: of 2,000, 5,000, 10,000 and 25,000, 5,000 loaded fastest in `npm run bench:load`. */
export const DEFAULT_BATCH_SIZE = 5_000;
export const DEFAULT_LOAD_TIMEOUT_MS = 600_000;

/** Thrown when the knowledge base cannot be written as it is; nothing was changed. */
export class LoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LoadError';
  }
}

const OUR_NODE = `(${NODE_LABELS.map((l) => `n:${l}`).join(' OR ')}) AND n.id IS NOT NULL`;

function emptyReport(): LoadReport {
  return {
    nodesCreated: 0,
    nodesUpdated: 0,
    nodesDeleted: 0,
    relsCreated: 0,
    relsUpdated: 0,
    relsDeleted: 0,
    timeMs: 0,
    heldBackNodes: 0,
    heldBackRels: 0,
    heldBackReviewedRels: 0,
  };
}

export async function loadIntoNeo4j(
  driver: Driver,
  allOfKb: KnowledgeBase,
  opts: LoadOptions = {},
): Promise<LoadReport> {
  const started = performance.now();
  const { kb, heldBack } = selectForLoad(allOfKb, { includeDrafts: opts.includeDrafts ?? false });
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError('batchSize must be a whole number >= 1');
  }
  const { nodesByLabel, relsByType } = prepare(kb);
  const session = driver.session({
    defaultAccessMode: neo4j.session.WRITE,
    ...(opts.database ? { database: opts.database } : {}),
  });
  const report = emptyReport();
  report.heldBackNodes = heldBack.nodes;
  report.heldBackRels = heldBack.edges;
  report.heldBackReviewedRels = heldBack.reviewedEdges;
  try {
    // Schema changes cannot share a transaction with data changes; they are idempotent and harmless alone.
    // Explicit transactions, not executeWrite: its retries would hide an unreachable database for 30 s,
    // and would replay a long load after a transient error.
    await inTransaction(session.beginTransaction(), ensureSchema);

    const total = kb.nodes.length + kb.edges.length;
    let done = 0;
    const progress = (n: number) => {
      done += n;
      opts.onProgress?.(done, total);
    };
    const tx = session.beginTransaction({ timeout: opts.timeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS });
    await inTransaction(tx, async (t) => {
      // Nodes first: deleting a node whose label changed also removes its relationships, which the
      // relationship pass then sees as missing and creates again.
      const elementIds = await syncNodes(t, nodesByLabel, batchSize, report, progress);
      await syncRels(t, relsByType, elementIds, batchSize, report, progress);
    });
  } finally {
    await session.close();
  }
  report.timeMs = Math.round(performance.now() - started);
  return report;
}

async function inTransaction(
  pending: Transaction | Promise<Transaction>,
  work: (tx: Transaction) => Promise<void>,
): Promise<void> {
  const tx = await pending;
  try {
    await work(tx);
    await tx.commit();
  } catch (error) {
    await tx.rollback().catch(() => undefined);
    throw error;
  }
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
    if (node.review === 'pending') row.props.draft = true;
    push(nodesByLabel, row.label, row);
  }
  // One statement per relationship type: with a dynamic type (`$(row.type)`) Neo4j 5.26 plans a scan of
  // all relationships per row.
  const relsByType = new Map<string, Neo4jRelRow[]>();
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
    const row = edgeToNeo4j(edge);
    if (edge.review === 'pending') row.props.draft = true;
    push(relsByType, row.type, row);
  }
  return { nodesByLabel, relsByType };
}

async function ensureSchema(tx: Transaction): Promise<void> {
  // Listing first keeps a reload from sending a dozen no-op schema commands. Both lists are read before
  // any change: Neo4j 5.26 fails SHOW INDEXES after CREATE CONSTRAINT in the same transaction.
  const names = async (show: string) => (await tx.run(show)).records.map((r) => r.get('name') as string);
  const constraints = await names('SHOW CONSTRAINTS YIELD name');
  const indexes = await names('SHOW INDEXES YIELD name');
  for (const label of NODE_LABELS) {
    const name = `apec_${label}_id`;
    if (!constraints.includes(name)) {
      await tx.run(`CREATE CONSTRAINT ${name} IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`);
    }
  }
  // Relationships are found by element id, never by an index on their id: such indexes cost more at
  // commit than they saved (measured with bench:load), so the ones earlier versions created go.
  for (const name of indexes.filter((n) => /^apec_rel_[A-Z0-9_]+_id$/.test(n))) {
    await tx.run(`DROP INDEX ${name} IF EXISTS`);
  }
}

/** Returns the element id of every node of the knowledge base, valid for the rest of the transaction. */
async function syncNodes(
  tx: Transaction,
  nodesByLabel: Map<NodeLabel, Neo4jNodeRow[]>,
  batchSize: number,
  report: LoadReport,
  progress: (n: number) => void,
): Promise<Map<string, string>> {
  const existing = new Map<NodeLabel, Set<string>>();
  const found = await tx.run(
    `MATCH (n) WHERE ${OUR_NODE}
     RETURN [l IN labels(n) WHERE l IN $labels][0] AS label, n.id AS id`,
    { labels: [...NODE_LABELS] },
  );
  for (const record of found.records) add(existing, record.get('label'), record.get('id'));

  for (const label of NODE_LABELS) {
    const wanted = new Set((nodesByLabel.get(label) ?? []).map((r) => r.id));
    const stale = [...(existing.get(label) ?? [])].filter((id) => !wanted.has(id));
    for (const ids of chunks(stale, batchSize)) {
      const result = await tx.run(`UNWIND $ids AS id MATCH (n:${label} {id: id}) DETACH DELETE n`, { ids });
      const counts = result.summary.counters.updates();
      report.nodesDeleted += counts.nodesDeleted;
      report.relsDeleted += counts.relationshipsDeleted;
    }
  }

  const elementIds = new Map<string, string>();
  const jobs = batchJobs(nodesByLabel, (label, id) => !!existing.get(label)?.has(id), batchSize);
  await pipelined(
    jobs,
    ({ key: label, batch, fresh }) => {
      if (fresh) {
        const { map, params } = columnar(batch.map((r) => r.props));
        return tx.run(
          `UNWIND range(0, $count - 1) AS i CREATE (n:${label}) SET n = ${map} RETURN collect(elementId(n)) AS eids`,
          { ...params, count: batch.length },
        );
      }
      // `SET n = row.props` replaces every property, so a property removed from graph/ goes too; it runs
      // only where something differs, which keeps an identical reload free of writes.
      return tx.run(
        `UNWIND $rows AS row
         MATCH (n:${label} {id: row.id})
         WITH n, row, properties(n) <> row.props AS changed
         FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET n = row.props)
         RETURN collect(row.id) AS ids, collect(elementId(n)) AS eids,
                sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated`,
        { rows: batch.map((r) => ({ id: r.id, props: r.props })) },
      );
    },
    ({ batch, fresh }, result) => {
      if (fresh) {
        const eids: string[] = result.records[0]?.get('eids') ?? [];
        // collect() keeps the order of the rows, which is the order of range().
        batch.forEach((row, i) => {
          elementIds.set(row.id, eids[i] as string);
        });
        report.nodesCreated += result.summary.counters.updates().nodesCreated;
      } else {
        const record = result.records[0];
        const ids: string[] = record?.get('ids') ?? [];
        const eids: string[] = record?.get('eids') ?? [];
        ids.forEach((id, i) => {
          elementIds.set(id, eids[i] as string);
        });
        report.nodesUpdated += toNumber(record?.get('updated'));
      }
      progress(batch.length);
    },
  );
  return elementIds;
}

async function syncRels(
  tx: Transaction,
  relsByType: Map<string, Neo4jRelRow[]>,
  elementIds: Map<string, string>,
  batchSize: number,
  report: LoadReport,
  progress: (n: number) => void,
): Promise<void> {
  // type -> our id -> element id of every relationship we own.
  const existing = new Map<string, Map<string, string>>();
  const found = await tx.run(
    `MATCH (n)-[r]->() WHERE ${OUR_NODE} AND r.id IS NOT NULL
     RETURN type(r) AS type, collect(r.id) AS ids, collect(elementId(r)) AS eids`,
  );
  for (const record of found.records) {
    const eids: string[] = record.get('eids');
    existing.set(
      record.get('type'),
      new Map((record.get('ids') as string[]).map((id, i) => [id, eids[i] as string])),
    );
  }

  for (const [type, ids] of existing) {
    const wanted = new Set((relsByType.get(type) ?? []).map((r) => r.id));
    const stale = [...ids].filter(([id]) => !wanted.has(id)).map(([, eid]) => eid);
    for (const batch of chunks(stale, batchSize)) {
      const result = await tx.run('UNWIND $eids AS eid MATCH ()-[r]->() WHERE elementId(r) = eid DELETE r', {
        eids: batch,
      });
      report.relsDeleted += result.summary.counters.updates().relationshipsDeleted;
    }
  }

  const jobs = batchJobs(relsByType, (type, id) => !!existing.get(type)?.has(id), batchSize);
  await pipelined(
    jobs,
    ({ key: type, batch, fresh }) => {
      if (fresh) {
        // Ends are found by element id, so one statement per type serves every combination of end labels.
        const { map, params } = columnar(batch.map((r) => r.props));
        return tx.run(
          `UNWIND range(0, $count - 1) AS i
         MATCH (a) WHERE elementId(a) = $from[i]
         MATCH (b) WHERE elementId(b) = $to[i]
         CREATE (a)-[r:${type}]->(b) SET r = ${map}`,
          {
            ...params,
            count: batch.length,
            from: batch.map((r) => elementIds.get(r.from)),
            to: batch.map((r) => elementIds.get(r.to)),
          },
        );
      }
      const have = existing.get(type);
      return tx.run(
        `UNWIND $rows AS row
         MATCH ()-[r]->() WHERE elementId(r) = row.eid AND properties(r) <> row.props
         SET r = row.props
         RETURN count(*) AS updated`,
        { rows: batch.map((r) => ({ eid: have?.get(r.id), props: r.props })) },
      );
    },
    ({ key: type, batch, fresh }, result) => {
      if (fresh) {
        const created = result.summary.counters.updates().relationshipsCreated;
        if (created !== batch.length) {
          // Cannot happen while every end node was written above; failing rolls the whole load back.
          throw new LoadError(
            `Only ${created} of ${batch.length} new ${type} relationships found both end nodes`,
          );
        }
        report.relsCreated += created;
      } else {
        report.relsUpdated += toNumber(result.records[0]?.get('updated'));
      }
      progress(batch.length);
    },
  );
}

/**
 * New rows go as one list per property rather than a list of maps: the JavaScript driver spends about
 * twice the CPU packing maps, and on two cores that CPU is taken from the database. Returns the Cypher
 * map expression that rebuilds row i and the parameters it reads; a missing property is null there, which
 * SET leaves out.
 */
export function columnar(rows: Neo4jProps[]): { map: string; params: Record<string, unknown[]> } {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const props of rows) {
    for (const key of Object.keys(props)) {
      if (!seen.has(key)) {
        seen.add(key);
        keys.push(key);
      }
    }
  }
  const params: Record<string, unknown[]> = {};
  const entries = keys.map((key, k) => {
    params[`p${k}`] = rows.map((props) => props[key] ?? null);
    return `\`${key.replace(/`/g, '``')}\`: $p${k}[i]`;
  });
  return { map: `{${entries.join(', ')}}`, params };
}

/** Each group's rows in batches: those not in the database yet (`fresh`, to create), then those to compare. */
function batchJobs<K, R extends { id: string }>(
  groups: Map<K, R[]>,
  exists: (key: K, id: string) => boolean,
  batchSize: number,
): { key: K; batch: R[]; fresh: boolean }[] {
  const jobs: { key: K; batch: R[]; fresh: boolean }[] = [];
  for (const [key, rows] of groups) {
    for (const fresh of [true, false]) {
      const part = rows.filter((r) => exists(key, r.id) !== fresh);
      for (const batch of chunks(part, batchSize)) jobs.push({ key, batch, fresh });
    }
  }
  return jobs;
}

/**
 * Sends the next statement while the database still works on the previous one: the client packs
 * parameters on one core while Neo4j writes on the other. Statements of one transaction still run in order.
 * Each answer is applied synchronously in its own callback, so a throw there (a failed check, a throwing
 * progress callback) marks the load failed before any other answer, even one from the same network read,
 * is applied: after a failure nothing more is counted or reported.
 */
async function pipelined<T, R>(
  jobs: Iterable<T>,
  send: (job: T) => Promise<R>,
  apply: (job: T, result: R) => void,
  depth = 2,
): Promise<void> {
  const inFlight: Promise<void>[] = [];
  let failed = false;
  const fail = (error: unknown): never => {
    failed = true;
    throw error;
  };
  try {
    for (const job of jobs) {
      if (inFlight.length >= depth) await inFlight.shift();
      inFlight.push(
        send(job).then((result) => {
          if (failed) return;
          try {
            apply(job, result);
          } catch (error) {
            fail(error);
          }
        }, fail),
      );
    }
    while (inFlight.length > 0) await inFlight.shift();
  } catch (error) {
    failed = true;
    // The transaction is lost; the other statements must not reject unobserved.
    await Promise.allSettled(inFlight);
    throw error;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function toNumber(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return neo4j.isInt(value) ? value.toNumber() : Number(value);
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
