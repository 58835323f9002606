// Shortest paths between two nodes, ignoring direction ("how are these two related at all"), over what is
// visible only, leaving out hubs and relationship types the user names; the k shortest by Yen's algorithm.
import type Graph from 'graphology';
import type { EdgeAttributes, NodeAttributes } from '../../model/types.js';

export interface PathStep {
  from: string;
  to: string;
  /** Every usable relationship joining the two, with whether it points from `from` to `to`. */
  edges: { key: string; relType: string; forward: boolean }[];
}

export interface PathResult {
  nodes: string[];
  steps: PathStep[];
  edges: string[];
}

export interface PathOptions {
  /** How many alternatives, shortest first (default 1). */
  k?: number;
  /** Nodes a path may not go through (the two ends are always allowed). */
  avoidNodes?: Iterable<string>;
  /** Leave out every node with more relationships than this (hubs such as APEC); null or undefined: none. */
  maxDegree?: number | null;
  avoidRels?: Iterable<string>;
}

type AnyGraph = Graph<NodeAttributes & { hidden?: boolean }, EdgeAttributes & { hidden?: boolean }>;

interface Walk {
  neighbours(node: string): Iterable<string>;
  stepEdges(a: string, b: string): PathStep['edges'];
}

/** The graph as the path search may use it: visible, without the avoided nodes and relationship types. */
function walkable(graph: AnyGraph, from: string, to: string, opts: PathOptions): Walk {
  const avoidNodes = new Set(opts.avoidNodes ?? []);
  const avoidRels = new Set(opts.avoidRels ?? []);
  const { maxDegree } = opts;
  const nodeOk = (n: string) =>
    n === from ||
    n === to ||
    (!graph.getNodeAttribute(n, 'hidden') &&
      !avoidNodes.has(n) &&
      (maxDegree === null || maxDegree === undefined || graph.degree(n) <= maxDegree));
  const edgeOk = (e: string) =>
    !graph.getEdgeAttribute(e, 'hidden') && !avoidRels.has(graph.getEdgeAttribute(e, 'relType'));
  const cache = new Map<string, string[]>();
  return {
    neighbours(node) {
      let list = cache.get(node);
      if (!list) {
        const set = new Set<string>();
        graph.forEachEdge(node, (e, _a, s, t) => {
          const other = s === node ? t : s;
          if (other !== node && edgeOk(e) && nodeOk(other)) set.add(other);
        });
        list = [...set].sort();
        cache.set(node, list);
      }
      return list;
    },
    stepEdges(a, b) {
      const out = (x: string, y: string, forward: boolean) =>
        graph
          .outEdges(x, y)
          .filter(edgeOk)
          .map((key) => ({ key, relType: graph.getEdgeAttribute(key, 'relType'), forward }));
      return [...out(a, b, true), ...out(b, a, false)];
    },
  };
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** Breadth-first search from `from` to `to` that skips banned nodes and banned node pairs. */
function bfs(walk: Walk, from: string, to: string, bannedNodes: Set<string>, bannedPairs: Set<string>) {
  if (from === to) return [from];
  const parent = new Map<string, string>([[from, from]]);
  let frontier = [from];
  while (frontier.length) {
    const next: string[] = [];
    for (const n of frontier) {
      for (const m of walk.neighbours(n)) {
        if (parent.has(m) || bannedNodes.has(m) || bannedPairs.has(pairKey(n, m))) continue;
        parent.set(m, n);
        if (m === to) {
          const path = [to];
          let cur = to;
          while (cur !== from) {
            cur = parent.get(cur) as string;
            path.push(cur);
          }
          return path.reverse();
        }
        next.push(m);
      }
    }
    frontier = next;
  }
  return null;
}

/** Yen's k shortest loopless paths; every hop costs 1, ties go by the nodes' ids so results are stable. */
export function kShortestNodePaths(walk: Walk, from: string, to: string, k: number): string[][] {
  const first = bfs(walk, from, to, new Set(), new Set());
  if (!first) return [];
  const found: string[][] = [first];
  const seen = new Set([first.join('\u0001')]);
  const candidates: string[][] = [];
  while (found.length < k) {
    const prev = found[found.length - 1] as string[];
    for (let i = 0; i + 1 < prev.length; i++) {
      const spur = prev[i] as string;
      const root = prev.slice(0, i + 1);
      const bannedPairs = new Set<string>();
      for (const p of found) {
        if (p.length > i + 1 && root.every((n, j) => p[j] === n))
          bannedPairs.add(pairKey(p[i] as string, p[i + 1] as string));
      }
      const spurPath = bfs(walk, spur, to, new Set(root.slice(0, i)), bannedPairs);
      if (!spurPath) continue;
      const path = [...root.slice(0, i), ...spurPath];
      const key = path.join('\u0001');
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(path);
    }
    if (!candidates.length) break;
    candidates.sort((a, b) => a.length - b.length || a.join().localeCompare(b.join()));
    found.push(candidates.shift() as string[]);
  }
  return found;
}

export function kShortestPaths(
  graph: AnyGraph,
  from: string,
  to: string,
  opts: PathOptions = {},
): PathResult[] {
  if (!graph.hasNode(from) || !graph.hasNode(to)) return [];
  if (from === to) return [{ nodes: [from], steps: [], edges: [] }];
  const walk = walkable(graph, from, to, opts);
  return kShortestNodePaths(walk, from, to, Math.max(1, opts.k ?? 1)).map((nodes) => {
    const steps = nodes.slice(1).map((b, i) => {
      const a = nodes[i] as string;
      return { from: a, to: b, edges: walk.stepEdges(a, b) };
    });
    return { nodes, steps, edges: steps.flatMap((s) => s.edges.map((e) => e.key)) };
  });
}

export function shortestPath(
  graph: AnyGraph,
  from: string,
  to: string,
  opts: PathOptions = {},
): PathResult | null {
  return kShortestPaths(graph, from, to, { ...opts, k: 1 })[0] ?? null;
}
