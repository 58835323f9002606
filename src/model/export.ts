// Deterministic layout, metrics and the file formats analysts take elsewhere (graphology JSON, GEXF, CSV).
import { stringify } from 'csv-stringify/browser/esm/sync';
import { MultiGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import { write as writeGexf } from 'graphology-gexf';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import type { SerializedGraph } from 'graphology-types';
import { type KgGraph, toGraph } from './graph.js';
import { CATEGORY_COLORS, hexToRgb } from './palette.js';
import type { EdgeAttributes, KnowledgeBase, NodeAttributes, PropValue } from './types.js';

/** Mulberry32: a seeded generator, so the same graph/ always yields the same picture. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function nodeSize(degree: number): number {
  return 3 + 2.2 * Math.sqrt(degree);
}

/** Above this many nodes, betweenness is estimated from a seeded sample of sources (Brandes and Pich). */
export const EXACT_BETWEENNESS_MAX = 3000;
const BETWEENNESS_PIVOTS = 400;

/**
 * Normalised betweenness: exact (graphology-metrics) on small graphs; on large ones the dependencies of a
 * seeded sample of source nodes, scaled up, which ranks hubs the same way at a fraction of the O(V·E) cost.
 */
export function betweenness(g: KgGraph, seed: number): Record<string, number> {
  if (g.order <= EXACT_BETWEENNESS_MAX) return betweennessCentrality(g, { normalized: true });
  const nodes = g.nodes().sort();
  const n = nodes.length;
  const index = new Map(nodes.map((k, i) => [k, i]));
  // Neighbour lists as flat arrays (both directions, as graphology-metrics treats this graph): the inner loop
  // then touches typed arrays only.
  const lists: number[][] = nodes.map(() => []);
  g.forEachEdge((_e, _a, s, t) => {
    const i = index.get(s) as number;
    const j = index.get(t) as number;
    if (i === j) return;
    (lists[i] as number[]).push(j);
    (lists[j] as number[]).push(i);
  });
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i += 1) start[i + 1] = (start[i] as number) + (lists[i] as number[]).length;
  const adj = new Int32Array(start[n] as number);
  lists.forEach((l, i) => {
    adj.set(l, start[i] as number);
  });
  const rng = seededRandom(seed);
  const pivots = new Set<number>();
  while (pivots.size < Math.min(BETWEENNESS_PIVOTS, n)) pivots.add(Math.floor(rng() * n));
  const score = new Float64Array(n);
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  for (const s of pivots) {
    sigma.fill(0);
    dist.fill(-1);
    delta.fill(0);
    sigma[s] = 1;
    dist[s] = 0;
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    while (head < tail) {
      const v = order[head++] as number;
      for (let k = start[v] as number; k < (start[v + 1] as number); k += 1) {
        const w = adj[k] as number;
        if (dist[w] === -1) {
          dist[w] = (dist[v] as number) + 1;
          order[tail++] = w;
        }
        if (dist[w] === (dist[v] as number) + 1) sigma[w] = (sigma[w] as number) + (sigma[v] as number);
      }
    }
    // Dependencies in reverse breadth-first order; predecessors are the neighbours one step closer.
    for (let q = tail - 1; q > 0; q -= 1) {
      const w = order[q] as number;
      for (let k = start[w] as number; k < (start[w + 1] as number); k += 1) {
        const v = adj[k] as number;
        if (dist[v] === (dist[w] as number) - 1)
          delta[v] =
            (delta[v] as number) + ((sigma[v] as number) / (sigma[w] as number)) * (1 + (delta[w] as number));
      }
      score[w] = (score[w] as number) + (delta[w] as number);
    }
  }
  // Scaled to all sources, halved for an undirected graph, then normalised like graphology-metrics.
  const scale = (n / pivots.size / 2) * (2 / ((n - 1) * (n - 2)));
  return Object.fromEntries(nodes.map((k, i) => [k, (score[i] as number) * scale]));
}

export interface DecorateOptions {
  iterations?: number;
  seed?: number;
  /**
   * Positions from an earlier export. Nodes found here keep them; new nodes start beside their placed
   * neighbours and ForceAtlas2 moves only them, for a few iterations: adding one report does not lay out the
   * whole graph again.
   */
  previous?: ReadonlyMap<string, { x: number; y: number }>;
}

/** Above this many nodes the layout uses Barnes-Hut and fewer passes. */
const LARGE_GRAPH = 2000;

/** Iterations for the new nodes of an incremental layout. */
const INCREMENTAL_ITERATIONS = 100;

/** Adds metrics and a layout in place. Same input, same output, on every machine. */
export function decorate(g: KgGraph, opts: DecorateOptions = {}): KgGraph {
  const rng = seededRandom(opts.seed ?? 2025);
  const keys = g.nodes().sort();
  for (const key of keys) {
    g.mergeNodeAttributes(key, { x: rng() * 1000 - 500, y: rng() * 1000 - 500 });
  }
  g.forEachNode((key) => {
    const degree = g.degree(key);
    g.mergeNodeAttributes(key, { degree, size: nodeSize(degree) });
  });
  const between = betweenness(g, (opts.seed ?? 2025) + 2);
  const communities = louvain(g, { rng: seededRandom((opts.seed ?? 2025) + 1) });
  g.forEachNode((key) => {
    g.mergeNodeAttributes(key, {
      betweenness: Number((between[key] ?? 0).toFixed(6)),
      community: communities[key] ?? 0,
    });
  });
  const previous = opts.previous;
  const kept = previous ? keys.filter((k) => previous.has(k)) : [];
  if (previous && kept.length > 0) {
    layOutNew(g, keys, previous, rng);
  } else if (g.order > 1) {
    const settings = forceAtlas2.inferSettings(g);
    // A graph of thirty reports gets fewer passes (each costs more, and the per-report layout keeps it stable
    // from then on); today's graph keeps its 600 and 300.
    const large = g.order > LARGE_GRAPH;
    forceAtlas2.assign(g, {
      iterations: opts.iterations ?? (large ? Math.max(100, Math.round((600 * LARGE_GRAPH) / g.order)) : 600),
      settings: { ...settings, barnesHutOptimize: large, gravity: 1, scalingRatio: 8 },
      getEdgeWeight: null,
    });
    noverlap.assign(g, { maxIterations: large ? 30 : 300, settings: { margin: 2, ratio: 1.1 } });
  }
  g.forEachNode((key, a) => {
    g.mergeNodeAttributes(key, { x: round(a.x ?? 0), y: round(a.y ?? 0) });
  });
  return g;
}

/** Keeps known positions and places the new nodes: beside their placed neighbours, then a short FA2 run. */
function layOutNew(
  g: KgGraph,
  keys: string[],
  previous: ReadonlyMap<string, { x: number; y: number }>,
  rng: () => number,
): void {
  const fresh: string[] = [];
  for (const key of keys) {
    const p = previous.get(key);
    if (p) g.mergeNodeAttributes(key, { x: p.x, y: p.y, fixed: true } as Partial<NodeAttributes>);
    else fresh.push(key);
  }
  if (fresh.length === 0) {
    for (const key of keys) g.removeNodeAttribute(key, 'fixed' as keyof NodeAttributes);
    return;
  }
  // New nodes next to the mean of their already placed neighbours (in key order, so later ones see earlier).
  const placed = new Set(keys.filter((k) => previous.has(k)));
  for (const key of fresh) {
    let sx = 0;
    let sy = 0;
    let n = 0;
    g.forEachNeighbor(key, (m, a) => {
      if (!placed.has(m)) return;
      sx += a.x ?? 0;
      sy += a.y ?? 0;
      n += 1;
    });
    if (n > 0) g.mergeNodeAttributes(key, { x: sx / n + (rng() - 0.5) * 20, y: sy / n + (rng() - 0.5) * 20 });
    placed.add(key);
  }
  // Only the new nodes and their neighbours take part: the cost follows the size of the new report.
  const local = new Set(fresh);
  for (const key of fresh) g.forEachNeighbor(key, (m) => local.add(m));
  const sub = new MultiGraph();
  for (const key of local) {
    const a = g.getNodeAttributes(key) as NodeAttributes & { fixed?: boolean };
    sub.addNode(key, { x: a.x ?? 0, y: a.y ?? 0, size: a.size ?? 4, fixed: a.fixed === true });
  }
  g.forEachEdge((_e, _a, src, tgt) => {
    if (local.has(src) && local.has(tgt)) sub.addEdge(src, tgt);
  });
  const settings = forceAtlas2.inferSettings(sub);
  forceAtlas2.assign(sub, {
    iterations: INCREMENTAL_ITERATIONS,
    settings: { ...settings, barnesHutOptimize: sub.order > 2000, gravity: 1, scalingRatio: 8 },
    getEdgeWeight: null,
  });
  sub.forEachNode((key, a) => {
    if (!previous.has(key)) g.mergeNodeAttributes(key, { x: a.x, y: a.y });
  });
  for (const key of keys) g.removeNodeAttribute(key, 'fixed' as keyof NodeAttributes);
}

const round = (v: number): number => Math.round(v * 100) / 100;

export function buildExportGraph(kb: KnowledgeBase, opts: DecorateOptions = {}): KgGraph {
  return decorate(toGraph(kb), opts);
}

export function exportGraphJson(
  kb: KnowledgeBase,
  opts: DecorateOptions = {},
): SerializedGraph<NodeAttributes, EdgeAttributes> {
  return buildExportGraph(kb, opts).export();
}

/** The positions of an earlier export, for an incremental layout. */
export function positionsOf(exported: SerializedGraph): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  for (const n of exported.nodes) {
    const a = n.attributes as { x?: unknown; y?: unknown } | undefined;
    if (typeof a?.x === 'number' && typeof a.y === 'number') out.set(n.key, { x: a.x, y: a.y });
  }
  return out;
}

function flatValue(v: PropValue | undefined): string | number | boolean | undefined {
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v.join('; ') : v;
}

function provText(prov: NodeAttributes['prov']): string {
  return prov.map((p) => `${p.source} ${p.section}: ${p.quote}`).join(' | ');
}

/** GEXF 1.3 with colours, positions and every property as an attribute Gephi can filter on. */
export function toGexf(graph: KgGraph): string {
  return writeGexf(graph, {
    formatNode(_key: string, a: NodeAttributes) {
      const attributes: Record<string, string | number | boolean> = {
        category: a.category,
        name: a.name,
        nameZh: a.nameZh ?? '',
        aliases: a.aliases.join('; '),
        degree: a.degree ?? 0,
        betweenness: a.betweenness ?? 0,
        community: a.community ?? 0,
        provenance: provText(a.prov),
      };
      for (const [k, v] of Object.entries(a.props)) attributes[`prop_${k}`] = flatValue(v) ?? '';
      return {
        label: a.name,
        attributes,
        viz: { color: hexColor(CATEGORY_COLORS[a.category]), x: a.x ?? 0, y: a.y ?? 0, size: a.size ?? 4 },
      };
    },
    formatEdge(_key: string, a: EdgeAttributes) {
      const attributes: Record<string, string | number | boolean> = {
        relType: a.relType,
        provenance: provText(a.prov),
      };
      for (const [k, v] of Object.entries(a.props)) attributes[`prop_${k}`] = flatValue(v) ?? '';
      return { label: a.relType, attributes };
    },
  });
}

function hexColor(hex: string): string {
  const { r, g, b } = hexToRgb(hex);
  return `rgb(${r},${g},${b})`;
}

/** Node and edge tables; property columns are the union of all props, so every row has the same columns. */
export function toCsv(graph: KgGraph): { nodes: string; edges: string } {
  const nodeProps = new Set<string>();
  graph.forEachNode((_k, a) => {
    for (const p of Object.keys(a.props)) nodeProps.add(p);
  });
  const np = [...nodeProps].sort();
  const nodeRows: unknown[][] = [
    [
      'id',
      'label',
      'name',
      'nameZh',
      'aliases',
      'degree',
      'betweenness',
      'community',
      'x',
      'y',
      ...np,
      'provenance',
    ],
  ];
  graph.forEachNode((key, a) => {
    nodeRows.push([
      key,
      a.category,
      a.name,
      a.nameZh ?? '',
      a.aliases.join('; '),
      a.degree ?? graph.degree(key),
      a.betweenness ?? '',
      a.community ?? '',
      a.x ?? '',
      a.y ?? '',
      ...np.map((p) => flatValue(a.props[p]) ?? ''),
      provText(a.prov),
    ]);
  });
  const edgeProps = new Set<string>();
  graph.forEachEdge((_k, a) => {
    for (const p of Object.keys(a.props)) edgeProps.add(p);
  });
  const ep = [...edgeProps].sort();
  const edgeRows: unknown[][] = [['id', 'source', 'target', 'type', ...ep, 'note', 'provenance']];
  graph.forEachEdge((key, a, source, target) => {
    edgeRows.push([
      key,
      source,
      target,
      a.relType,
      ...ep.map((p) => flatValue(a.props[p]) ?? ''),
      a.note ?? '',
      provText(a.prov),
    ]);
  });
  return { nodes: stringify(nodeRows), edges: stringify(edgeRows) };
}

/** What the explorer fetches on demand for one node or relationship: its sources and note. */
export interface ItemDetails {
  prov: NodeAttributes['prov'];
  note?: string;
}

export interface SplitGraph {
  /** Everything the first view draws, filters, searches and analyses; `prov` is empty and `note` absent. */
  view: SerializedGraph;
  nodes: Map<string, ItemDetails>;
  edges: Map<string, ItemDetails>;
}

/**
 * Splits the export into the first view's payload and the per-item details (provenance quotes and notes, about
 * half of the bytes), which the page asks for when it shows them. Attribute names stay the same, so a page
 * that merges details back gets exactly the attributes of the full export.
 */
export function splitForView(full: SerializedGraph): SplitGraph {
  const nodes = new Map<string, ItemDetails>();
  const edges = new Map<string, ItemDetails>();
  const strip = (key: string, a: Record<string, unknown> | undefined, into: Map<string, ItemDetails>) => {
    // A graph without provenance (the UI benchmark's synthetic ones) is served as it is.
    if (!a || !('prov' in a || 'note' in a)) return a;
    const prov = Array.isArray(a.prov) ? (a.prov as ItemDetails['prov']) : [];
    into.set(key, { prov, ...(typeof a.note === 'string' ? { note: a.note } : {}) });
    const { note: _note, ...rest } = a;
    return { ...rest, prov: [] };
  };
  const view: SerializedGraph = {
    ...full,
    nodes: full.nodes.map((n) => ({ ...n, attributes: strip(n.key, n.attributes, nodes) })),
    edges: (full.edges ?? []).map((e) =>
      e.key === undefined ? e : { ...e, attributes: strip(e.key, e.attributes, edges) },
    ),
  };
  return { view, nodes, edges };
}
