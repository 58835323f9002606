// The HTTP server: the graph and saved queries for everyone, read-only Cypher when a database is there,
// and the built explorer page. Listens on the loopback interface unless told otherwise.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { SerializedGraph } from 'graphology-types';
import type { HealthResponse } from '../model/api-types.js';
import { exportGraphJson, splitForView } from '../model/export.js';
import { DEFAULT_GRAPH_DIR, loadKnowledgeBase, REPO_ROOT } from '../model/read.js';
import type { KnowledgeBase } from '../model/types.js';
import type { Neo4jConfig } from '../neo4j/config.js';
import { SAVED_QUERIES } from '../neo4j/saved-queries.js';
import { ApiError, toApiError } from './api-errors.js';
import { cacheGraph, registerDetailRoutes, registerGraphRoute } from './graph-route.js';
import { isLoopbackHost, registerHostCheck } from './host-check.js';
import { type DatabaseProcessState, Neo4jConnection } from './neo4j-connection.js';
import { type QueryRouteHooks, registerQueryRoute } from './query-route.js';
import { loadForReview, syncNeo4j } from './review/load.js';
import { registerReviewRoutes } from './review/routes.js';
import { registerSourcesRoute } from './sources-route.js';
import { registerSecurityHeaders, registerStaticSite } from './static-site.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_STATIC_DIR = join(REPO_ROOT, 'dist', 'app');
export const DEFAULT_QUERY_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_ROWS = 5_000;
export const DEFAULT_BODY_LIMIT = 64 * 1024;
export const DEFAULT_MAX_CONCURRENT_QUERIES = 4;
/** Cap on one answer of POST /api/query (QUERY_MAX_BYTES). */
export const DEFAULT_MAX_ANSWER_BYTES = 10 * 1024 * 1024;

export interface ServerOptions {
  host?: string;
  /** 0 (the default) picks a free port; the CLI passes PORT or 5174. */
  port?: number;
  /** null or absent: static mode, every Cypher request answers 503 with how to connect. */
  neo4j?: Neo4jConfig | null;
  graphDir?: string;
  /** An already read knowledge base, to skip reading graphDir again. */
  knowledgeBase?: KnowledgeBase;
  /** Serve this graph instead of one built from graph/ (the UI benchmark's synthetic graphs). */
  graphJson?: SerializedGraph;
  staticDir?: string;
  queryTimeoutMs?: number;
  maxRows?: number;
  /** Cap on one query answer in bytes (default 10 MB); more is cut and flagged `truncated`. */
  maxAnswerBytes?: number;
  bodyLimit?: number;
  maxConcurrentQueries?: number;
  /** Heap of the worker thread that runs queries (default 256 MB): what one answer may cost while read. */
  queryWorkerHeapMb?: number;
  /** Log each request to stdout (pino JSON lines). */
  logger?: boolean;
  /** Started for review (`npm run review`): the write API under /api/review/, loopback only, this token. */
  review?: { token: string; maxUploadBytes?: number };
  /** The state of the database process this server's launcher supervises, if any (starting, restarting). */
  databaseProcess?: DatabaseProcessState;
  /** Where internal errors are reported (default console.error): one line with the request id and query. */
  logError?: (line: string) => void;
  /** For tests: hooks inside POST /api/query (e.g. one that throws, to see a fault answered and logged). */
  queryHooks?: QueryRouteHooks;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:5174/ */
  url: string;
  host: string;
  port: number;
  /** In review mode: the address to open, with the token. */
  reviewUrl?: string;
  close(): Promise<void>;
}

export type { HealthResponse } from '../model/api-types.js';

function graphFor(opts: ServerOptions, kb: () => KnowledgeBase): SerializedGraph {
  if (opts.graphJson) return opts.graphJson;
  return exportGraphJson(kb());
}

export async function createServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const host = opts.host ?? DEFAULT_HOST;
  const bodyLimit = opts.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const graphDir = opts.graphDir ?? DEFAULT_GRAPH_DIR;
  if (opts.review && !isLoopbackHost(host)) {
    throw new Error(
      `Review mode writes to graph/ and listens on loopback only; HOST=${host} is not allowed.`,
    );
  }
  let kb = opts.knowledgeBase ?? (opts.review ? loadForReview(graphDir) : undefined);
  const currentKb = (): KnowledgeBase => {
    kb ??= loadKnowledgeBase(graphDir);
    return kb;
  };
  // The first view gets the graph without quotes and notes; those come from the detail routes on demand.
  const split = splitForView(graphFor(opts, currentKb));
  const graph = cacheGraph(split.view);
  const db = new Neo4jConnection(opts.neo4j ?? null, opts.databaseProcess);
  const timeoutMs = opts.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  const logError = opts.logError ?? ((line: string) => console.error(line));

  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit,
    forceCloseConnections: true,
    // Ids that stay unique across restarts, so one named in a 500 finds its single line in the logs.
    genReqId: () => `q-${randomBytes(6).toString('hex')}`,
  });
  // The API speaks JSON only; a text/plain body is refused (415) instead of being read as a string.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler((err, request, reply) => {
    let apiError = toApiError(err, bodyLimit, timeoutMs);
    // Our own bugs or the database's: the client gets a generic message and an id, the log the details.
    if (apiError.status === 500) {
      const cypher = (request.body as { cypher?: unknown } | undefined)?.cypher;
      const query = typeof cypher === 'string' ? ` query ${JSON.stringify(cypher.slice(0, 2000))}` : '';
      logError(`[${request.id}] ${request.method} ${request.url}${query}: ${(err as Error)?.stack ?? err}`);
      apiError = new ApiError(
        500,
        apiError.code,
        `${apiError.message} This is a fault on the server's side, logged as ${request.id}.`,
      );
    }
    for (const [name, value] of Object.entries(apiError.headers)) reply.header(name, value);
    return reply.code(apiError.status).send(apiError.body());
  });

  registerSecurityHeaders(app);
  registerHostCheck(app, host);
  // API answers reflect the database at that moment; the graph route sets its own revalidation rule.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  app.get('/api/health', async (): Promise<HealthResponse> => {
    return { neo4j: await db.health(), graph: { nodes: graph.nodes, edges: graph.edges } };
  });
  registerGraphRoute(app, graph);
  registerDetailRoutes(app, split);
  app.get('/api/queries', async () => SAVED_QUERIES);
  registerSourcesRoute(app, { knowledgeBase: currentKb });
  if (opts.review) {
    const cfg = opts.neo4j ?? null;
    registerReviewRoutes(app, {
      graphDir,
      token: opts.review.token,
      ...(opts.review.maxUploadBytes ? { maxUploadBytes: opts.review.maxUploadBytes } : {}),
      onChange(next) {
        kb = next;
        // The routes hold these objects: refresh them in place so the next request sees the decisions.
        const fresh = splitForView(exportGraphJson(next));
        Object.assign(graph, cacheGraph(fresh.view));
        for (const key of ['nodes', 'edges'] as const) {
          split[key].clear();
          for (const [id, details] of fresh[key]) split[key].set(id, details);
        }
      },
      ...(cfg ? { sync: () => syncNeo4j(cfg, currentKb()) } : {}),
    });
  }
  registerQueryRoute(
    app,
    db,
    {
      timeoutMs,
      maxRows: opts.maxRows ?? DEFAULT_MAX_ROWS,
      maxBytes: opts.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES,
      maxConcurrent: opts.maxConcurrentQueries ?? DEFAULT_MAX_CONCURRENT_QUERIES,
      ...(opts.queryWorkerHeapMb ? { workerHeapMb: opts.queryWorkerHeapMb } : {}),
    },
    opts.queryHooks,
  );
  await registerStaticSite(app, opts.staticDir ?? DEFAULT_STATIC_DIR);
  app.addHook('onClose', async () => db.close());

  try {
    await app.listen({ host, port: opts.port ?? 0 });
  } catch (err) {
    await app.close();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (opts.port ?? 0);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}/`;
  return {
    url,
    host,
    port,
    ...(opts.review ? { reviewUrl: `${url}?x.review=${opts.review.token}` } : {}),
    close: () => app.close(),
  };
}
