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
  // Keyed by the pair's smaller then larger end: nested maps, because building a pair key string per edge
  // costs more than the rest of this function on large graphs.
  const byLow = new Map<string, Map<string, EdgeEnds[]>>();
  for (const e of edges) {
    const [low, high] = e.source < e.target ? [e.source, e.target] : [e.target, e.source];
    let byHigh = byLow.get(low);
    if (!byHigh) {
      byHigh = new Map();
      byLow.set(low, byHigh);
    }
    const list = byHigh.get(high);
    if (list) list.push(e);
    else byHigh.set(high, [e]);
  }
  const out = new Map<string, number>();
  for (const group of [...byLow.values()].flatMap((byHigh) => [...byHigh.values()])) {
    const n = group.length;
    if (n === 1) {
      out.set((group[0] as EdgeEnds).key, 0);
      continue;
    }
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
