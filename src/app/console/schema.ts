// The names the completion offers, read from the graph the page already holds, so they match what was loaded
// into Neo4j (see src/neo4j/mapping: props are flattened onto nodes and relationships).
import { REL_TYPES } from '../../model/vocabulary.js';
import type { CypherSchema } from './cypher-language.js';

/** Properties every node and relationship gets in Neo4j besides its own props. */
const BASE_KEYS = ['id', 'name', 'nameZh', 'aliases', 'note', 'provSources', 'provSections', 'provQuotes'];

interface GraphLike {
  forEachNode(cb: (key: string, attrs: { category: string; props: Record<string, unknown> }) => void): void;
  forEachEdge(cb: (key: string, attrs: { relType: string; props: Record<string, unknown> }) => void): void;
}

export function schemaFromGraph(graph: GraphLike, params: string[] = []): CypherSchema {
  const labels = new Set<string>();
  const relTypes = new Set<string>(REL_TYPES);
  const keys = new Set<string>(BASE_KEYS);
  graph.forEachNode((_k, a) => {
    labels.add(a.category);
    for (const p of Object.keys(a.props)) keys.add(p);
  });
  graph.forEachEdge((_k, a) => {
    relTypes.add(a.relType);
    for (const p of Object.keys(a.props)) keys.add(p);
  });
  const sorted = (s: Set<string>) => [...s].sort((a, b) => a.localeCompare(b));
  return { labels: sorted(labels), relTypes: sorted(relTypes), propertyKeys: sorted(keys), params };
}
