// GET /api/graph: the laid-out graph the first view needs, serialised once, so reloading the page costs a 304
// at most. The provenance and notes of each node and relationship come on demand from /api/nodes/:id,
// /api/edges/:id, or POST /api/details for many at once.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyInstance } from 'fastify';
import type { SerializedGraph } from 'graphology-types';
import type { ItemDetails, SplitGraph } from '../model/export.js';
import { ApiError } from './api-errors.js';

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

/** The most ids one POST /api/details may ask for (the page sends larger sets in several requests). */
export const MAX_DETAIL_IDS = 500;

function idList(v: unknown, field: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
    throw new ApiError(400, 'BAD_REQUEST', `"${field}" must be a list of ids`);
  return v;
}

export function registerDetailRoutes(app: FastifyInstance, split: Pick<SplitGraph, 'nodes' | 'edges'>): void {
  const one = (map: Map<string, ItemDetails>, kind: string) => async (request: { params: unknown }) => {
    const { id } = request.params as { id: string };
    const found = map.get(id);
    if (!found) throw new ApiError(404, 'NOT_FOUND', `No ${kind} with id "${id}"`);
    return { id, ...found };
  };
  app.get('/api/nodes/:id', one(split.nodes, 'node'));
  app.get('/api/edges/:id', one(split.edges, 'relationship'));
  app.post('/api/details', async (request) => {
    const body = (request.body ?? {}) as { nodes?: unknown; edges?: unknown };
    const nodes = idList(body.nodes, 'nodes');
    const edges = idList(body.edges, 'edges');
    if (nodes.length + edges.length > MAX_DETAIL_IDS)
      throw new ApiError(400, 'BAD_REQUEST', `At most ${MAX_DETAIL_IDS} ids per request`);
    const pick = (ids: string[], map: Map<string, ItemDetails>) =>
      Object.fromEntries(ids.flatMap((id) => (map.has(id) ? [[id, map.get(id)]] : [])));
    return { nodes: pick(nodes, split.nodes), edges: pick(edges, split.edges) };
  });
}
