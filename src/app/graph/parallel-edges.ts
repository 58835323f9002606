// Spreads relationships that join the same two nodes into distinct curves, so none hides another.

export interface EdgeEnds {
  key: string;
  source: string;
  target: string;
}

/** Largest bend given to the outermost curve of a group, whatever its size. */
const MAX_CURVATURE = 0.6;
/** Bend between neighbouring curves of a small group. */
const STEP = 0.5;

/**
 * Curvature per edge: 0 (straight) for an edge alone between its two nodes; otherwise evenly spaced offsets
 * around 0 per unordered pair. Sigma bends to the left of the edge's own direction, so edges drawn against the
 * pair's canonical direction get the opposite sign to land on the side their offset means.
 */
export function parallelEdgeCurvatures(edges: Iterable<EdgeEnds>): Map<string, number> {
  // Pairs are keyed by a number made from their ends' indices: string keys per edge, or a map per node, were
  // most of this function's time on graphs of thousands of nodes. Most pairs have one edge, kept unwrapped.
  const index = new Map<string, number>();
  const indexOf = (node: string): number => {
    let i = index.get(node);
    if (i === undefined) {
      i = index.size;
      index.set(node, i);
    }
    return i;
  };
  const pairs = new Map<number, EdgeEnds | EdgeEnds[]>();
  const list: EdgeEnds[] = [];
  for (const e of edges) {
    list.push(e);
    const s = indexOf(e.source);
    const t = indexOf(e.target);
    // Exact while both indices stay below 2^26 (67 million nodes), far beyond what a page can draw.
    const pair = s < t ? s * 2 ** 26 + t : t * 2 ** 26 + s;
    const seen = pairs.get(pair);
    if (seen === undefined) pairs.set(pair, e);
    else if (Array.isArray(seen)) seen.push(e);
    else pairs.set(pair, [seen, e]);
  }
  const out = new Map<string, number>();
  for (const e of list) out.set(e.key, 0);
  for (const group of pairs.values()) {
    if (!Array.isArray(group)) continue;
    const n = group.length;
    const step = Math.min(STEP, (2 * MAX_CURVATURE) / (n - 1));
    // Self-loops cannot be told apart by direction; their order alone spreads them. Code-point order: any
    // stable order will do, and localeCompare's first call loads collation data before the first drawing.
    group.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    group.forEach((e, i) => {
      const offset = (i - (n - 1) / 2) * step;
      const reversed = e.source > e.target;
      out.set(e.key, Number((reversed ? -offset : offset).toFixed(4)) || 0);
    });
  }
  return out;
}
