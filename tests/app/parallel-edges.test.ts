import { describe, expect, it } from 'vitest';
import { parallelEdgeCurvatures } from '../../src/app/graph/parallel-edges.js';

describe('parallelEdgeCurvatures', () => {
  it('leaves an edge alone between its two nodes straight', () => {
    const c = parallelEdgeCurvatures([
      { key: 'a-b', source: 'a', target: 'b' },
      { key: 'b-c', source: 'b', target: 'c' },
    ]);
    expect(c.get('a-b')).toBe(0);
    expect(c.get('b-c')).toBe(0);
  });

  it('bends two edges in the same direction to opposite sides', () => {
    const c = parallelEdgeCurvatures([
      { key: 'a|LEADS|b', source: 'a', target: 'b' },
      { key: 'a|SUPPORTS|b', source: 'a', target: 'b' },
    ]);
    const x = c.get('a|LEADS|b') as number;
    const y = c.get('a|SUPPORTS|b') as number;
    expect(x).not.toBe(0);
    expect(x).toBe(-y);
  });

  it('gives opposite directions the same sign so they land on different sides', () => {
    // Sigma bends to the left of each edge's own direction: equal signs on a->b and b->a are opposite sides.
    const c = parallelEdgeCurvatures([
      { key: 'a|ASKED|b', source: 'a', target: 'b' },
      { key: 'b|ASKED|a', source: 'b', target: 'a' },
    ]);
    expect(c.get('a|ASKED|b')).toBe(c.get('b|ASKED|a'));
    expect(c.get('a|ASKED|b')).not.toBe(0);
  });

  it('keeps the middle of an odd group straight and every curve distinct and bounded', () => {
    const edges = Array.from({ length: 7 }, (_, i) => ({ key: `e${i}`, source: 'a', target: 'b' }));
    const c = parallelEdgeCurvatures(edges);
    const values = edges.map((e) => c.get(e.key) as number);
    expect(new Set(values).size).toBe(7);
    expect(values.filter((v) => v === 0)).toHaveLength(1);
    expect(Math.max(...values.map(Math.abs))).toBeLessThanOrEqual(0.6);
  });

  it('gives the same answer whatever the input order', () => {
    const edges = [
      { key: 'x1', source: 'p', target: 'q' },
      { key: 'x2', source: 'q', target: 'p' },
      { key: 'x3', source: 'p', target: 'q' },
    ];
    expect([...parallelEdgeCurvatures(edges)].sort()).toEqual(
      [...parallelEdgeCurvatures([...edges].reverse())].sort(),
    );
  });

  it('tells every pair apart on a large graph: only the repeated pair bends', () => {
    const edges = Array.from({ length: 3000 }, (_, i) => [
      { key: `n${i}+1`, source: `n${i}`, target: `n${i + 1}` },
      { key: `n${i}+2`, source: `n${i}`, target: `n${i + 2}` },
    ]).flat();
    edges.push(
      { key: 'again', source: 'n2999', target: 'n2998' },
      { key: 'loop1', source: 'n5', target: 'n5' },
    );
    edges.push({ key: 'loop2', source: 'n5', target: 'n5' });
    const c = parallelEdgeCurvatures(edges);
    expect(c.size).toBe(edges.length);
    const bent = [...c]
      .filter(([, v]) => v !== 0)
      .map(([k]) => k)
      .sort();
    expect(bent).toEqual(['again', 'loop1', 'loop2', 'n2998+1']);
    expect(c.get('loop1')).toBe(-(c.get('loop2') as number));
  });
});
