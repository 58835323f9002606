// The search index over the page's graph: every node by name, Chinese name, aliases and id.
import type { AppGraph } from '../context.js';
import { createSearchIndex, type SearchIndex } from './search-index.js';

const indexes = new WeakMap<AppGraph, SearchIndex>();

/** One index per graph, shared by every search box (names do not change while the page runs). */
export function createGraphSearch(graph: AppGraph): SearchIndex {
  const existing = indexes.get(graph);
  if (existing) return existing;
  const index = createSearchIndex(
    graph.mapNodes((id, a) => ({
      id,
      name: a.name,
      ...(a.nameZh ? { nameZh: a.nameZh } : {}),
      aliases: a.aliases,
      weight: a.degree ?? graph.degree(id),
    })),
  );
  indexes.set(graph, index);
  return index;
}
