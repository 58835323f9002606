// The search index over the page's graph: every node by name, Chinese name, aliases and id.
import type { AppGraph } from '../context.js';
import { createSearchIndex, type SearchIndex } from './search-index.js';

const indexes = new WeakMap<AppGraph, SearchIndex>();

/** Attributes the index reads; changes to others (hidden, x, y…) happen all the time and do not matter here. */
const INDEXED = new Set(['name', 'nameZh', 'aliases']);

function build(graph: AppGraph): SearchIndex {
  return createSearchIndex(
    graph.mapNodes((id, a) => ({
      id,
      name: a.name,
      ...(a.nameZh ? { nameZh: a.nameZh } : {}),
      aliases: a.aliases,
      weight: a.degree ?? graph.degree(id),
    })),
  );
}

/**
 * One index per graph, shared by every search box. Review decisions and a sync add, drop and rename nodes
 * while the page runs, so the index is rebuilt on the next search after such a change.
 */
export function createGraphSearch(graph: AppGraph): SearchIndex {
  const existing = indexes.get(graph);
  if (existing) return existing;
  let index: SearchIndex | undefined;
  const stale = () => {
    index = undefined;
  };
  graph.on('nodeAdded', stale);
  graph.on('nodeDropped', stale);
  graph.on('cleared', stale);
  graph.on('nodeAttributesUpdated', (change) => {
    const one = change.type === 'set' || change.type === 'remove';
    if (!one || INDEXED.has(String(change.name))) stale();
  });
  const live: SearchIndex = {
    search(query, limit) {
      index ??= build(graph);
      return index.search(query, limit);
    },
  };
  indexes.set(graph, live);
  return live;
}
