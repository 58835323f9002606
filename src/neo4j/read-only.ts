// Runs Cypher that may only read: the one way the HTTP API and the query CLI reach the database.
// Layers, each enough on its own for writes: text checks (LOAD CSV, admin procedures, IN TRANSACTIONS,
// TERMINATE), an EXPLAIN that must plan as a read, and a READ access-mode session that Neo4j enforces.
// What a query may cost is bounded three ways: a transaction timeout that Neo4j enforces and a deadline a
// little after it that this side enforces (Neo4j notices a timeout only between steps of a query, seconds
// late for some), a row cap, and a byte cap on the answer.
import neo4j, {
  type Driver,
  Neo4jError,
  type Record as Neo4jRecord,
  type Result,
  type ResultSummary,
  type Session,
} from 'neo4j-driver';
import type { QueryResult } from '../model/api-types.js';
import { callsOnlySafeDbmsProcedures, checkCypherText, stripLiteralsAndComments } from './cypher-guard.js';
import { ByteBudget, GraphCollector, toPlain } from './to-json.js';

export type { QueryResult } from '../model/api-types.js';
export type { GraphEdge, GraphNode } from './to-json.js';

export interface ReadOnlyOptions {
  timeoutMs?: number;
  maxRows?: number;
  /** Cap on the answer's JSON size in bytes (about); more is cut and flagged `truncated`. */
  maxBytes?: number;
  database?: string;
}

export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_MAX_ROWS = 1000;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/**
 * How long after the transaction timeout this side stops waiting for Neo4j to notice it. With the worker's
 * slack and a loaded event loop's lag it keeps the answer within a second of the timeout (issue 13).
 */
export const DEADLINE_GRACE_MS = 500;
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

/** The query ran past its time and the database had not stopped it yet: it is abandoned here. */
export class QueryDeadlineError extends Error {
  readonly code = 'APEC.QueryTimeout';
  /** Settles when the database has actually let go of the query; a caller that limits concurrency waits. */
  settled: Promise<void> = Promise.resolve();
  constructor(readonly timeoutMs: number) {
    super(`The query ran longer than ${timeoutMs / 1000} s and was stopped`);
    this.name = 'QueryDeadlineError';
  }
}

const QUERY_TYPE_NAMES: Record<string, string> = {
  r: 'read',
  w: 'write',
  rw: 'read-write',
  s: 'schema or administration',
};

/**
 * Query texts whose EXPLAIN said "read", per database: the plan's query type depends on the text alone, so the
 * pre-check is paid once per distinct query (saved queries are the same few texts). Insertion order makes the
 * first entry the oldest, dropped when full.
 */
const readVerdicts = new Map<string, true>();
const MAX_CACHED_VERDICTS = 1000;

function verdictKey(cypher: string, database: string | undefined): string {
  return `${database ?? ''}\u0000${cypher}`;
}

export async function runReadOnly(
  driver: Driver,
  cypher: string,
  params: Record<string, unknown> = {},
  opts: ReadOnlyOptions = {},
): Promise<QueryResult> {
  const started = performance.now();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!Number.isInteger(maxRows) || maxRows < 0) throw new RangeError('maxRows must be a whole number >= 0');
  if (!(timeoutMs > 0)) throw new RangeError('timeoutMs must be > 0');
  if (!(maxBytes > 0)) throw new RangeError('maxBytes must be > 0');

  const refusal = checkCypherText(cypher);
  if (refusal) throw new QueryRefusedError(refusal.code, refusal.message);

  const session = driver.session({
    defaultAccessMode: neo4j.session.READ,
    // Pull no more than the cap (plus one, to know whether there was more) in the first batch.
    fetchSize: Math.max(1, Math.min(maxRows + 1, 1000)),
    ...(opts.database ? { database: opts.database } : {}),
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new QueryDeadlineError(timeoutMs)), timeoutMs + DEADLINE_GRACE_MS);
  });
  const work = (async (): Promise<QueryResult> => {
    const key = verdictKey(cypher, opts.database);
    if (!readVerdicts.has(key)) {
      await assertPlansAsRead(session, cypher, params, timeoutMs);
      if (readVerdicts.size >= MAX_CACHED_VERDICTS) {
        const oldest = readVerdicts.keys().next().value;
        if (oldest !== undefined) readVerdicts.delete(oldest);
      }
      readVerdicts.set(key, true);
    }
    // An auto-commit query in a READ session: one round trip, and Neo4j refuses any write in it.
    const budget = new ByteBudget(maxBytes);
    const graph = new GraphCollector(budget);
    const { columns, rows, truncation } = await streamRows(
      session.run(cypher, params, { timeout: timeoutMs }),
      graph,
      maxRows,
      maxBytes,
    );
    if (!budget.spent) await addMissingEndNodes(session, graph, timeoutMs);
    return {
      columns,
      rows,
      graph: graph.finish(),
      truncated: truncation !== undefined,
      ...(truncation ? { truncation } : {}),
      timeMs: Math.round(performance.now() - started),
    };
  })();
  let abandoned = false;
  try {
    return await Promise.race([work, deadline]);
  } catch (error) {
    if (error instanceof QueryDeadlineError) {
      // The session stays busy until Neo4j ends the query; it is closed in the background then.
      abandoned = true;
      error.settled = work
        .then(
          () => session.close(),
          () => session.close(),
        )
        .catch(() => undefined);
    }
    throw error;
  } finally {
    clearTimeout(timer);
    if (!abandoned) await session.close();
  }
}

interface StreamedRows {
  columns: string[];
  rows: unknown[][];
  truncation: QueryResult['truncation'];
}

/**
 * Converts records as the driver decodes them, until a cap is reached; then the rest of the stream is
 * discarded on the server. An observer, not `for await`: the driver's async iterator costs several promises
 * per record, which on these answers took as long as decoding them.
 */
function streamRows(
  result: Result,
  graph: GraphCollector,
  maxRows: number,
  maxBytes: number,
): Promise<StreamedRows> {
  return new Promise((resolve, reject) => {
    let columns: string[] = [];
    const rows: unknown[][] = [];
    let truncation: QueryResult['truncation'];
    const stop = (reason: NonNullable<QueryResult['truncation']>) => {
      truncation = reason;
      // summary() tells the driver to discard what Neo4j has not sent yet; onCompleted follows.
      result.summary().catch(() => undefined);
    };
    result.subscribe({
      onKeys: (keys) => {
        columns = [...keys];
      },
      onNext: (record) => {
        if (truncation) return;
        if (rows.length >= maxRows) return stop({ reason: 'rows', limit: maxRows });
        rows.push(recordToRow(record, columns, graph));
        if (graph.budget.cut || graph.budget.spent) stop({ reason: 'bytes', limit: maxBytes });
      },
      onCompleted: () => resolve({ columns, rows, truncation }),
      onError: reject,
    });
  });
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
async function addMissingEndNodes(session: Session, graph: GraphCollector, timeoutMs: number): Promise<void> {
  const missing = graph.missingEndElementIds().slice(0, MAX_END_NODES_FETCHED);
  if (missing.length === 0) return;
  // `elementId(n) IN $ids` is planned as a scan of every node; one equality per id is a seek.
  const { records } = await session.run(
    'UNWIND $ids AS id MATCH (n) WHERE elementId(n) = id RETURN n',
    { ids: missing },
    { timeout: timeoutMs },
  );
  for (const record of records) toPlain(record.get('n'), graph);
}
