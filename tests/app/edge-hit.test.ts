import { describe, expect, it } from 'vitest';
import { curveControlPoint, distanceToCurve, distanceToSegment } from '../../src/app/graph/webgl/edge-hit.js';

describe('edge hit-testing geometry', () => {
  it('measures the distance to a segment, clamped at its ends', () => {
    const a = { x: 0, y: 0 };
    const b = { x: 10, y: 0 };
    expect(distanceToSegment({ x: 5, y: 3 }, a, b)).toBeCloseTo(3);
    expect(distanceToSegment({ x: 13, y: 4 }, a, b)).toBeCloseTo(5);
    expect(distanceToSegment({ x: 1, y: 1 }, a, a)).toBeCloseTo(Math.SQRT2);
  });

  it('bends a curve to the same side as @sigma/edge-curve (left of the direction, y down)', () => {
    const a = { x: 0, y: 0 };
    const b = { x: 100, y: 0 };
    expect(curveControlPoint(a, b, 0.5)).toEqual({ x: 50, y: -50 });
    // The curve's middle lies halfway to the control point.
    expect(distanceToCurve({ x: 50, y: -25 }, a, b, 0.5)).toBeLessThan(0.5);
    expect(distanceToCurve({ x: 50, y: 0 }, a, b, 0.5)).toBeGreaterThan(20);
    expect(distanceToCurve({ x: 50, y: 25 }, a, b, -0.5)).toBeLessThan(0.5);
  });
});
