// Finds the edge under the mouse by geometry on the CPU. Sigma's own edge events need a second (picking)
// render of every edge on every frame, which doubles the cost of drawing edges in software WebGL; a scan of
// the visible edges on mouse move costs well under a millisecond at this graph's size.
import type { AppGraph, AppSigma } from '../../context.js';

export interface Point {
  x: number;
  y: number;
}

/** Distance from p to the segment a–b. */
export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

const CURVE_STEPS = 16;

/**
 * The control point @sigma/edge-curve bends an edge through, in y-down viewport coordinates: the midpoint
 * pushed sideways by `curvature` times the edge's length.
 */
export function curveControlPoint(a: Point, b: Point, curvature: number): Point {
  return { x: (a.x + b.x) / 2 + (b.y - a.y) * curvature, y: (a.y + b.y) / 2 - (b.x - a.x) * curvature };
}

/** Distance from p to the quadratic curve a–c–b, approximated by a polyline. */
export function distanceToCurve(p: Point, a: Point, b: Point, curvature: number): number {
  const c = curveControlPoint(a, b, curvature);
  let best = Number.POSITIVE_INFINITY;
  let prev = a;
  for (let i = 1; i <= CURVE_STEPS; i++) {
    const t = i / CURVE_STEPS;
    const u = 1 - t;
    const next = {
      x: u * u * a.x + 2 * u * t * c.x + t * t * b.x,
      y: u * u * a.y + 2 * u * t * c.y + t * t * b.y,
    };
    best = Math.min(best, distanceToSegment(p, prev, next));
    prev = next;
  }
  return best;
}

/** The drawn edge nearest to the viewport point, if one passes within `tolerance` pixels. */
export function edgeAtPoint(sigma: AppSigma, graph: AppGraph, p: Point, tolerance = 4): string | null {
  const positions = new Map<string, Point | null>();
  const viewportOf = (node: string): Point | null => {
    let pos = positions.get(node);
    if (pos === undefined) {
      const d = sigma.getNodeDisplayData(node);
      pos = d && !d.hidden ? sigma.framedGraphToViewport(d) : null;
      positions.set(node, pos);
    }
    return pos;
  };
  let best: string | null = null;
  let bestDistance = tolerance;
  graph.forEachEdge((edge, _a, source, target) => {
    const d = sigma.getEdgeDisplayData(edge);
    if (!d || d.hidden) return;
    const a = viewportOf(source);
    const b = viewportOf(target);
    if (!a || !b) return;
    const curvature = (d as { curvature?: number }).curvature ?? 0;
    // A curve stays within its control triangle, whose sides are at most the chord times (1 + curvature).
    const slack = bestDistance + Math.abs(curvature) * Math.hypot(b.x - a.x, b.y - a.y);
    if (
      p.x < Math.min(a.x, b.x) - slack ||
      p.x > Math.max(a.x, b.x) + slack ||
      p.y < Math.min(a.y, b.y) - slack ||
      p.y > Math.max(a.y, b.y) + slack
    )
      return;
    const dist = curvature ? distanceToCurve(p, a, b, curvature) : distanceToSegment(p, a, b);
    if (dist <= bestDistance) {
      bestDistance = dist;
      best = edge;
    }
  });
  return best;
}
