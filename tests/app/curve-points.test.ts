// The geometry of the overview's curves: the straight pieces must follow the curve @sigma/edge-curve draws
// when zoomed in, or a relationship would jump sideways as the exact program takes over.
import { describe, expect, it } from 'vitest';
import { CURVE_PIECES, curvePoints } from '../../src/app/graph/webgl/curve-points.js';
import { distanceToCurve } from '../../src/app/graph/webgl/edge-hit.js';

describe('curvePoints', () => {
  it('starts and ends at the two nodes, with one point per piece end', () => {
    const p = curvePoints(1, 2, 5, -3, 0.2, CURVE_PIECES);
    expect(p.length).toBe((CURVE_PIECES + 1) * 2);
    expect([p[0], p[1]]).toEqual([1, 2]);
    expect(p[2 * CURVE_PIECES]).toBeCloseTo(5, 12);
    expect(p[2 * CURVE_PIECES + 1]).toBeCloseTo(-3, 12);
  });

  it('lies on the curve the hit test and the exact program use, on the same side', () => {
    // The hit test works in y-down screen coordinates, the programs in y-up graph coordinates.
    const cases = [
      { a: { x: 0, y: 0 }, b: { x: 10, y: 0 }, k: 0.25 },
      { a: { x: 3, y: -4 }, b: { x: -6, y: 8 }, k: -0.15 },
      { a: { x: 100, y: 50 }, b: { x: 120, y: 90 }, k: 0.4 },
    ];
    for (const { a, b, k } of cases) {
      const p = curvePoints(a.x, a.y, b.x, b.y, k, CURVE_PIECES);
      const flip = (q: { x: number; y: number }) => ({ x: q.x, y: -q.y });
      for (let i = 0; i <= CURVE_PIECES; i++) {
        const q = flip({ x: p[2 * i] as number, y: p[2 * i + 1] as number });
        // Points of the curve are within the hit test's own polyline error of it.
        expect(distanceToCurve(q, flip(a), flip(b), k)).toBeLessThan(0.02 * Math.hypot(b.x - a.x, b.y - a.y));
      }
      // And not of its mirror image: the middle is far from the curve bent the other way.
      const mid = flip({ x: p[CURVE_PIECES] as number, y: p[CURVE_PIECES + 1] as number });
      expect(distanceToCurve(mid, flip(a), flip(b), -k)).toBeGreaterThan(
        0.2 * Math.abs(k) * Math.hypot(b.x - a.x, b.y - a.y),
      );
    }
  });

  it('is the straight chord when the curvature is zero', () => {
    const p = curvePoints(0, 0, 8, 4, 0, 4);
    expect(Array.from(p)).toEqual([0, 0, 2, 1, 4, 2, 6, 3, 8, 4]);
  });
});
