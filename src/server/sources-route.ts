// GET /api/sources and GET /api/sources/:id: every source document with the facts it backs, and one source's
// full text with its outline and the places of its backing quotes. Works without Neo4j (computed from graph/).
import type { FastifyInstance } from 'fastify';
import { buildSourceView, type SourceView } from '../model/source-text.js';
import { factsOfSource, listSources, type SourceSummary } from '../model/source-text-list.js';
import type { KnowledgeBase } from '../model/types.js';
import { ApiError } from './api-errors.js';

export interface SourcesRouteOptions {
  /** The knowledge base as it is now; the review server swaps it after every write. */
  knowledgeBase: () => KnowledgeBase;
}

export function registerSourcesRoute(app: FastifyInstance, opts: SourcesRouteOptions): void {
  // Views are computed once per source and knowledge base (locating 2,000 quotes takes a few milliseconds).
  const cache = new WeakMap<KnowledgeBase, Map<string, SourceView>>();

  app.get('/api/sources', async (): Promise<SourceSummary[]> => listSources(opts.knowledgeBase()));

  app.get<{ Params: { id: string } }>('/api/sources/:id', async (request): Promise<SourceView> => {
    const kb = opts.knowledgeBase();
    const { id } = request.params;
    let views = cache.get(kb);
    if (!views) {
      views = new Map();
      cache.set(kb, views);
    }
    const hit = views.get(id);
    if (hit) return hit;
    const text = kb.sourceTexts.get(id);
    if (text === undefined) {
      throw new ApiError(
        404,
        'UNKNOWN_SOURCE',
        `There is no source "${id}" in graph/ (GET /api/sources lists them).`,
      );
    }
    const view = buildSourceView(text, factsOfSource(kb, id));
    views.set(id, view);
    return view;
  });
}
