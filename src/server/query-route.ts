// POST /api/query: the browser's Cypher console. Everything it sends goes through the read-only runner.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { QueryDeadlineError } from '../neo4j/read-only.js';
import { ApiError } from './api-errors.js';
import type { Neo4jConnection } from './neo4j-connection.js';
import { isConnectionError } from './neo4j-connection.js';
import { DEFAULT_WORKER_HEAP_MB, QueryWorkers } from './query-workers.js';

export interface QueryLimits {
  timeoutMs: number;
  maxRows: number;
  /** Cap on an answer's JSON size; more is cut and flagged. */
  maxBytes: number;
  /** Queries running at once; more are answered 429 rather than queued behind slow ones. */
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

export function registerQueryRoute(app: FastifyInstance, db: Neo4jConnection, limits: QueryLimits): void {
  let running = 0;
  const config = db.configuration;
  const workers = config ? new QueryWorkers(config, limits.workerHeapMb ?? DEFAULT_WORKER_HEAP_MB) : null;
  workers?.warm();
  app.addHook('onClose', async () => workers?.close());
  app.post('/api/query', async (request, reply): Promise<string> => {
    const { cypher, params } = parseQueryBody(request.body);
    if (running >= limits.maxConcurrent) {
      throw new ApiError(
        429,
        'TOO_MANY_QUERIES',
        `${running} queries are already running; wait for one to finish (each stops after ${limits.timeoutMs / 1000} s).`,
      );
    }
    db.assertReady();
    reply.type('application/json; charset=utf-8');
    const attempt = async (): Promise<string> => {
      // Fails fast (503) when the database is not reachable; the worker's driver does the querying.
      await db.acquire();
      return (workers as QueryWorkers).run(cypher, params, {
        timeoutMs: limits.timeoutMs,
        maxRows: limits.maxRows,
        maxBytes: limits.maxBytes,
        ...(db.database ? { database: db.database } : {}),
      });
    };
    running += 1;
    let release: Promise<void> = Promise.resolve();
    try {
      return await attempt();
    } catch (err) {
      // A query abandoned at its deadline still runs in the database until Neo4j stops it: it keeps its slot.
      if (err instanceof QueryDeadlineError) release = err.settled;
      if (!isConnectionError(err)) throw err;
      // Pooled connections go stale when the database restarts; a read is safe to try once more afresh.
      await db.reportFailure(err);
      try {
        return await attempt();
      } catch (again) {
        if (isConnectionError(again)) throw await db.reportFailure(again);
        throw again;
      }
    } finally {
      // Neo4j checks its timeout only between steps, and one step (a huge reduce) can take minutes: the slot
      // is given back after three timeouts at most, so such queries cannot hold every slot for long.
      let freed = false;
      const free = () => {
        if (!freed) running -= 1;
        freed = true;
      };
      const cap = setTimeout(free, 3 * limits.timeoutMs);
      cap.unref();
      void release.finally(() => {
        clearTimeout(cap);
        free();
      });
    }
  });
}
