// Where the overview's straight pieces of a curved relationship go (line-programs.ts).

/** Straight pieces per curve: at overview zoom a curve spans at most a few hundred pixels. */
export const CURVE_PIECES = 8;

/**
 * The points of the quadratic curve @sigma/edge-curve draws from a to b, in y-up coordinates (sigma's graph
 * space): its control point is the midpoint pushed sideways by `curvature` times the chord. Returns pieces + 1
 * points, a first and b last, flattened as x0, y0, x1, y1, …
 */
export function curvePoints(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  curvature: number,
  pieces: number,
) {
  const cx = (ax + bx) / 2 - (by - ay) * curvature;
  const cy = (ay + by) / 2 + (bx - ax) * curvature;
  const out = new Float64Array((pieces + 1) * 2);
  for (let i = 0; i <= pieces; i++) {
    const t = i / pieces;
    const u = 1 - t;
    out[2 * i] = u * u * ax + 2 * u * t * cx + t * t * bx;
    out[2 * i + 1] = u * u * ay + 2 * u * t * cy + t * t * by;
  }
  return out;
}
