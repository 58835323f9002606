// Synthetic graphs shaped like the real export (same attributes, categories and relationship types), so the
// explorer runs its ordinary code path on them.
import type { SerializedGraph } from 'graphology-types';
import { nodeSize, seededRandom } from '../../src/model/export.js';
import { type EdgeAttributes, NODE_LABELS, type NodeAttributes } from '../../src/model/types.js';
import { REL_TYPES } from '../../src/model/vocabulary.js';

export function syntheticGraph(
  nodeCount: number,
  edgesPerNode = 3,
  seed = 7,
): SerializedGraph<NodeAttributes, EdgeAttributes> {
  const rng = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;
  const prov = [{ source: 'src-synthetic', section: '§1', quote: 'synthetic' }];
  const keys = Array.from({ length: nodeCount }, (_v, i) => `n${i}`);
  const degree = new Array<number>(nodeCount).fill(0);
  const edges: SerializedGraph<NodeAttributes, EdgeAttributes>['edges'] = [];
  // Clustered positions, as a force layout would give, rather than uniform noise.
  const clusters = Math.max(4, Math.round(Math.sqrt(nodeCount) / 2));
  const centres = Array.from({ length: clusters }, () => ({
    x: rng() * 2000 - 1000,
    y: rng() * 2000 - 1000,
  }));
  const clusterOf = keys.map(() => Math.floor(rng() * clusters));
  const members: number[][] = centres.map(() => []);
  clusterOf.forEach((c, j) => {
    members[c]?.push(j);
  });
  for (let i = 0; i < nodeCount * edgesPerNode; i++) {
    const s = Math.floor(rng() * nodeCount);
    // Most edges stay inside a cluster, like the real graph's communities.
    let t = Math.floor(rng() * nodeCount);
    if (rng() < 0.8) {
      const mates = members[clusterOf[s] ?? 0] ?? [];
      if (mates.length > 1) t = pick(mates);
    }
    if (t === s) t = (s + 1) % nodeCount;
    const relType = pick(REL_TYPES);
    const source = keys[s] as string;
    const target = keys[t] as string;
    degree[s] = (degree[s] ?? 0) + 1;
    degree[t] = (degree[t] ?? 0) + 1;
    edges.push({
      key: `${source}|${relType}|${target}|${i}`,
      source,
      target,
      attributes: { relType, props: {}, prov },
    });
  }
  const nodes = keys.map((key, i) => {
    const c = centres[clusterOf[i] ?? 0] ?? { x: 0, y: 0 };
    const category = pick(NODE_LABELS);
    return {
      key,
      attributes: {
        label: `${category} ${i}`,
        category,
        name: `${category} ${i}`,
        aliases: [],
        props: {},
        prov,
        x: Math.round((c.x + (rng() - 0.5) * 400) * 100) / 100,
        y: Math.round((c.y + (rng() - 0.5) * 400) * 100) / 100,
        size: nodeSize(degree[i] ?? 0),
        degree: degree[i] ?? 0,
        betweenness: 0,
        community: clusterOf[i] ?? 0,
      } satisfies NodeAttributes,
    };
  });
  return { attributes: {}, options: { type: 'directed', multi: true, allowSelfLoops: true }, nodes, edges };
}
