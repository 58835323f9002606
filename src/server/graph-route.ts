// GET /api/graph: the laid-out graph, serialised once, so reloading the page costs a 304 at most.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyInstance } from 'fastify';
import type { SerializedGraph } from 'graphology-types';

export interface CachedGraph {
  body: string;
  /** The same body gzipped once, for every client that accepts it (about a sixth of the size). */
  gzipped: Buffer;
  etag: string;
  nodes: number;
  edges: number;
}

export function cacheGraph(graph: SerializedGraph): CachedGraph {
  const body = JSON.stringify(graph);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return { body, gzipped: gzipSync(body), etag, nodes: graph.nodes.length, edges: graph.edges?.length ?? 0 };
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

export function registerGraphRoute(app: FastifyInstance, graph: CachedGraph): void {
  app.get('/api/graph', async (request, reply) => {
    reply.header('etag', graph.etag).header('cache-control', 'no-cache').header('vary', 'accept-encoding');
    if (matches(request.headers['if-none-match'], graph.etag)) return reply.code(304).send();
    reply.type('application/json; charset=utf-8');
    if (negotiate(request.headers['accept-encoding'] ?? '', ['gzip'])) {
      return reply.header('content-encoding', 'gzip').send(graph.gzipped);
    }
    return reply.send(graph.body);
  });
}
