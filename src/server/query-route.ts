// POST /api/query: the browser's Cypher console. Everything it sends goes through the read-only runner.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { QueryDeadlineError, runReadOnly } from '../neo4j/read-only.js';
import { SAVED_QUERIES } from '../neo4j/saved-queries.js';
import { ApiError } from './api-errors.js';
import type { Neo4jConnection } from './neo4j-connection.js';
import { isConnectionError } from './neo4j-connection.js';
import { QuerySlots } from './query-slots.js';
import { DEFAULT_WORKER_HEAP_MB, QueryWorkers } from './query-workers.js';

/** Slots only saved queries may take, beyond `maxConcurrent`. */
export const SAVED_QUERY_SLOTS = 1;

export interface QueryLimits {
  timeoutMs: number;
  maxRows: number;
  /** Cap on an answer's JSON size; more is cut and flagged. */
  maxBytes: number;
  /** Queries of any kind running at once; more wait briefly for a slot, then are answered 429. */
  maxConcurrent: number;
  /** Heap of the worker thread that runs queries and holds their answers. */
  workerHeapMb?: number;
}

const QueryBody = z.object(
  {
    cypher: z
      .string({ error: '`cypher` must be a string holding one Cypher query.' })
      .refine((s) => s.trim().length > 0, '`cypher` is empty.'),
    params: z
      .record(z.string(), z.unknown(), { error: '`params` must be an object of named parameters.' })
      .optional(),
  },
  { error: 'The body must be a JSON object: {"cypher": "...", "params": {...}}.' },
);

/** Nesting and size caps on `params`: far above any real query, far below what strains the driver. */
export const MAX_PARAM_DEPTH = 32;
export const MAX_PARAM_VALUES = 10_000;

/** Why `params` is refused, or undefined. Walks iteratively, so a 5,000-level nest cannot blow the stack. */
export function checkParams(params: Record<string, unknown>): string | undefined {
  const stack: [unknown, number][] = [[params, 0]];
  let values = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (++values > MAX_PARAM_VALUES) {
      return `\`params\` holds more than ${MAX_PARAM_VALUES.toLocaleString('en')} values; pass fewer (filter in the query instead).`;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_PARAM_DEPTH) {
      return `\`params\` nests lists and maps more than ${MAX_PARAM_DEPTH} levels deep; flatten them.`;
    }
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return undefined;
}

export function parseQueryBody(body: unknown): { cypher: string; params: Record<string, unknown> } {
  const parsed = QueryBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const missing = typeof body === 'object' && body !== null && !Array.isArray(body) && !('cypher' in body);
    throw new ApiError(
      400,
      'BAD_REQUEST',
      missing
        ? 'The body needs `cypher`: {"cypher": "MATCH (n) RETURN n LIMIT 5"}.'
        : (issue?.message ?? 'Bad request.'),
    );
  }
  const params = parsed.data.params ?? {};
  const tooBig = checkParams(params);
  if (tooBig) throw new ApiError(400, 'BAD_PARAMS', tooBig);
  return { cypher: parsed.data.cypher, params };
}

export interface QueryRouteHooks {
  /** Called with each answer before it is sent; tests make it throw to see how a fault is answered. */
  beforeAnswer?: (answer: Buffer) => void;
}

/** How long a query may wait for a slot before it is answered 429 (a quarter of its time, at most 1 s). */
export function queueWaitMs(timeoutMs: number): number {
  return Math.min(1000, Math.floor(timeoutMs / 4));
}

const SAVED_TEXTS = new Set(SAVED_QUERIES.map((q) => q.cypher));

export function registerQueryRoute(
  app: FastifyInstance,
  db: Neo4jConnection,
  limits: QueryLimits,
  hooks: QueryRouteHooks = {},
): void {
  const config = db.configuration;
  const workers = config ? new QueryWorkers(config, limits.workerHeapMb ?? DEFAULT_WORKER_HEAP_MB) : null;
  workers?.warm();
  const slots = new QuerySlots({
    capacity: limits.maxConcurrent,
    reserved: SAVED_QUERY_SLOTS,
    maxQueue: 8 * (limits.maxConcurrent + SAVED_QUERY_SLOTS),
    maxWaitMs: queueWaitMs(limits.timeoutMs),
  });
  app.addHook('onClose', async () => workers?.close());
  app.post('/api/query', async (request, reply): Promise<Buffer> => {
    const { cypher, params } = parseQueryBody(request.body);
    db.assertReady();
    // A saved query is one of a few fixed texts whose answers are bounded by the graph itself: it runs on
    // this thread, beside the worker, so it never waits behind a huge answer the worker is decoding.
    const saved = SAVED_TEXTS.has(cypher);
    const slot = await slots.acquire(request.ip, saved ? 'saved' : 'any');
    const opts = {
      // The wait for a slot is part of the query's time: the answer never comes later than the timeout
      // (plus the deadline's grace) after the request arrived.
      timeoutMs: Math.max(1, Math.round(limits.timeoutMs - slot.waitedMs)),
      maxRows: limits.maxRows,
      maxBytes: limits.maxBytes,
      ...(db.database ? { database: db.database } : {}),
    };
    const attempt = async (): Promise<Buffer> => {
      // Fails fast (503) when the database is not reachable.
      const driver = await db.acquire();
      if (saved) return Buffer.from(JSON.stringify(await runReadOnly(driver, cypher, params, opts)));
      return (workers as QueryWorkers).run(cypher, params, opts);
    };
    let draining: { settled: Promise<void>; capMs: number } | undefined;
    try {
      let answer: Buffer;
      try {
        answer = await attempt();
      } catch (err) {
        if (!isConnectionError(err)) throw err;
        // Pooled connections go stale when the database restarts; a read is safe to try once more afresh.
        await db.reportFailure(err);
        try {
          answer = await attempt();
        } catch (again) {
          if (isConnectionError(again)) throw await db.reportFailure(again);
          throw again;
        }
      }
      hooks.beforeAnswer?.(answer);
      reply.type('application/json; charset=utf-8');
      return answer;
    } catch (err) {
      // Abandoned at its deadline, the query still runs in the database until Neo4j stops it: its slot is
      // free again, but it drains (Neo4j stops it within three timeouts at most, or it stops counting).
      if (err instanceof QueryDeadlineError) draining = { settled: err.settled, capMs: 3 * limits.timeoutMs };
      throw err;
    } finally {
      slot.release(draining);
    }
  });
}
