// POST /api/query: the browser's Cypher console. Everything it sends goes through the read-only runner.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type QueryResult, runReadOnly } from '../neo4j/read-only.js';
import { ApiError } from './api-errors.js';
import type { Neo4jConnection } from './neo4j-connection.js';
import { isConnectionError } from './neo4j-connection.js';

export interface QueryLimits {
  timeoutMs: number;
  maxRows: number;
  /** Queries running at once; more are answered 429 rather than queued behind slow ones. */
  maxConcurrent: number;
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
  return { cypher: parsed.data.cypher, params: parsed.data.params ?? {} };
}

export function registerQueryRoute(app: FastifyInstance, db: Neo4jConnection, limits: QueryLimits): void {
  let running = 0;
  app.post('/api/query', async (request): Promise<QueryResult> => {
    const { cypher, params } = parseQueryBody(request.body);
    if (running >= limits.maxConcurrent) {
      throw new ApiError(
        429,
        'TOO_MANY_QUERIES',
        `${running} queries are already running; wait for one to finish (each stops after ${limits.timeoutMs / 1000} s).`,
      );
    }
    const attempt = async (): Promise<QueryResult> =>
      runReadOnly(await db.acquire(), cypher, params, {
        timeoutMs: limits.timeoutMs,
        maxRows: limits.maxRows,
        ...(db.database ? { database: db.database } : {}),
      });
    running += 1;
    try {
      return await attempt();
    } catch (err) {
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
      running -= 1;
    }
  });
}
