// Runs Cypher that may only read: the one way the HTTP API and the query CLI reach the database.
// Layers, each enough on its own for writes: text checks (LOAD CSV, admin procedures, IN TRANSACTIONS,
// TERMINATE), an EXPLAIN that must plan as a read, and a READ access-mode session that Neo4j enforces.
// A transaction timeout stops endless queries and a row cap stops pulling huge results.
import neo4j, {
  type Driver,
  Neo4jError,
  type Record as Neo4jRecord,
  type ResultSummary,
  type Session,
} from 'neo4j-driver';
import { callsOnlySafeDbmsProcedures, checkCypherText, stripLiteralsAndComments } from './cypher-guard.js';
import { GraphCollector, type GraphEdge, type GraphNode, toPlain } from './to-json.js';

export type { GraphEdge, GraphNode } from './to-json.js';

export interface QueryResult {
  columns: string[];
  rows: unknown[][];
  graph: { nodes: GraphNode[]; edges: GraphEdge[] };
  truncated: boolean;
  timeMs: number;
}

export interface ReadOnlyOptions {
  timeoutMs?: number;
  maxRows?: number;
  database?: string;
}

export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_MAX_ROWS = 1000;
/** Relationship ends fetched to complete the graph part; more than this and the graph shows loose ends. */
const MAX_END_NODES_FETCHED = 5000;

/** The query was refused before it ran; `code` says why (APEC.NotReadOnly, APEC.LoadCsv, APEC.Procedure, ...). */
export class QueryRefusedError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'QueryRefusedError';
    this.code = code;
  }
}

const QUERY_TYPE_NAMES: Record<string, string> = {
  r: 'read',
  w: 'write',
  rw: 'read-write',
  s: 'schema or administration',
};

export async function runReadOnly(
  driver: Driver,
  cypher: string,
  params: Record<string, unknown> = {},
  opts: ReadOnlyOptions = {},
): Promise<QueryResult> {
  const started = performance.now();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  if (!Number.isInteger(maxRows) || maxRows < 0) throw new RangeError('maxRows must be a whole number >= 0');
  if (!(timeoutMs > 0)) throw new RangeError('timeoutMs must be > 0');

  const refusal = checkCypherText(cypher);
  if (refusal) throw new QueryRefusedError(refusal.code, refusal.message);

  const session = driver.session({
    defaultAccessMode: neo4j.session.READ,
    // Pull no more than the cap (plus one, to know whether there was more) in the first batch.
    fetchSize: Math.max(1, Math.min(maxRows + 1, 1000)),
    ...(opts.database ? { database: opts.database } : {}),
  });
  try {
    await assertPlansAsRead(session, cypher, params, timeoutMs);
    const tx = await session.beginTransaction({ timeout: timeoutMs });
    try {
      const graph = new GraphCollector();
      const result = tx.run(cypher, params);
      const columns = [...(await result.keys())];
      const rows: unknown[][] = [];
      let truncated = false;
      for await (const record of result) {
        if (rows.length >= maxRows) {
          // Leaving the loop cancels the stream, so the rest is never produced or sent.
          truncated = true;
          break;
        }
        rows.push(recordToRow(record, columns, graph));
      }
      await addMissingEndNodes(tx, graph);
      return {
        columns,
        rows,
        graph: graph.finish(),
        truncated,
        timeMs: Math.round(performance.now() - started),
      };
    } finally {
      // Nothing was written; rolling back also drops a stream that was cut short.
      await tx.rollback().catch(() => undefined);
    }
  } finally {
    await session.close();
  }
}

async function assertPlansAsRead(
  session: Session,
  cypher: string,
  params: Record<string, unknown>,
  timeoutMs: number,
): Promise<void> {
  const body = cypher.replace(/^\s*(?:EXPLAIN|PROFILE)\b/i, '');
  let summary: ResultSummary;
  try {
    summary = await session.run(`${EXPLAIN_PREFIX}${body}`, params, { timeout: timeoutMs }).summary();
  } catch (error) {
    throw withPositionsOf(error);
  }
  const type = summary.queryType;
  if (type === 'r') return;
  if (type === 's' && callsOnlySafeDbmsProcedures(stripLiteralsAndComments(cypher))) return;
  throw new QueryRefusedError(
    'APEC.NotReadOnly',
    `Only read queries are allowed; this one is a ${QUERY_TYPE_NAMES[type] ?? type} query`,
  );
}

const EXPLAIN_PREFIX = 'EXPLAIN ';

/**
 * Errors of the EXPLAIN pre-check (syntax errors mostly) point into "EXPLAIN <query>"; the message is
 * rewritten to point into the query as the user wrote it. The error object, class and code stay.
 */
function withPositionsOf(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  const shift = EXPLAIN_PREFIX.length;
  let message = error.message.replace(
    /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/g,
    (_m, line: string, column: string, offset: string) =>
      `(line ${line}, column ${line === '1' ? Math.max(1, Number(column) - shift) : column} (offset: ${Math.max(0, Number(offset) - shift)}))`,
  );
  // The echoed statement and its caret line are Neo4j's view of the prefixed query.
  message = message.replace(/\n"EXPLAIN ([^\n]*)"\n( *)\^/, (_m, text: string, pad: string) => {
    return `\n"${text}"\n${pad.slice(shift)}^`;
  });
  error.message = message;
  return error;
}

function recordToRow(record: Neo4jRecord, columns: string[], graph: GraphCollector): unknown[] {
  return columns.map((column) => toPlain(record.get(column), graph));
}

/** Relationships returned without their end nodes still need those nodes to be drawn. */
async function addMissingEndNodes(
  tx: { run: (q: string, p: Record<string, unknown>) => PromiseLike<{ records: Neo4jRecord[] }> },
  graph: GraphCollector,
): Promise<void> {
  const missing = graph.missingEndElementIds().slice(0, MAX_END_NODES_FETCHED);
  if (missing.length === 0) return;
  const { records } = await tx.run('MATCH (n) WHERE elementId(n) IN $ids RETURN n', { ids: missing });
  for (const record of records) toPlain(record.get('n'), graph);
}
