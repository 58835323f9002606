// Provenance quotes and notes, fetched when a view shows them and merged into the page's one graph under
// their usual attribute names, so code that reads `prov` and `note` works unchanged once ensure() resolved.
import type { ApiClient } from './api.js';
import type { AppGraph } from './context.js';

/** Ids per request, below the server's limit (graph-route.ts MAX_DETAIL_IDS). */
const BATCH = 400;

export interface DetailsLoader {
  ensure(items: { nodes?: string[]; edges?: string[] }): Promise<void>;
  has(kind: 'node' | 'edge', id: string): boolean;
  /** Everything is fetched again on the next ensure() (the graph was refreshed, e.g. after a review decision). */
  forget(): void;
}

export function createDetailsLoader(api: Pick<ApiClient, 'details'>, graph: AppGraph): DetailsLoader {
  const loaded = { node: new Set<string>(), edge: new Set<string>() };
  const pending = new Map<string, Promise<void>>();

  const fetchBatch = async (nodes: string[], edges: string[]) => {
    const res = await api.details(nodes, edges);
    for (const [id, d] of Object.entries(res.nodes)) {
      if (graph.hasNode(id)) graph.mergeNodeAttributes(id, d);
      loaded.node.add(id);
    }
    for (const [id, d] of Object.entries(res.edges)) {
      if (graph.hasEdge(id)) graph.mergeEdgeAttributes(id, d);
      loaded.edge.add(id);
    }
    // Ids the server does not know have nothing to load; do not ask again.
    for (const id of nodes) loaded.node.add(id);
    for (const id of edges) loaded.edge.add(id);
  };

  return {
    has: (kind, id) => loaded[kind].has(id),
    forget() {
      loaded.node.clear();
      loaded.edge.clear();
    },
    async ensure({ nodes = [], edges = [] }) {
      const n = [...new Set(nodes)].filter((id) => !loaded.node.has(id));
      const e = [...new Set(edges)].filter((id) => !loaded.edge.has(id));
      const waits: Promise<void>[] = [];
      const ids = [...n.map((id) => `n:${id}`), ...e.map((id) => `e:${id}`)];
      const fresh = ids.filter((k) => {
        const p = pending.get(k);
        if (p) waits.push(p);
        return !p;
      });
      for (let i = 0; i < fresh.length; i += BATCH) {
        const chunk = fresh.slice(i, i + BATCH);
        const batch = fetchBatch(
          chunk.filter((k) => k.startsWith('n:')).map((k) => k.slice(2)),
          chunk.filter((k) => k.startsWith('e:')).map((k) => k.slice(2)),
        ).finally(() => {
          for (const k of chunk) pending.delete(k);
        });
        for (const k of chunk) pending.set(k, batch);
        waits.push(batch);
      }
      await Promise.all(waits);
    },
  };
}
