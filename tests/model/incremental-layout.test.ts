// Layout for one more report without laying out everything again, and betweenness on large graphs.
import { MultiDirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import { describe, expect, it } from 'vitest';
import {
  betweenness,
  EXACT_BETWEENNESS_MAX,
  exportGraphJson,
  positionsOf,
  splitForView,
} from '../../src/model/export.js';
import type { KgGraph } from '../../src/model/graph.js';
import { readKnowledgeBase } from '../../src/model/read.js';
import { BASE_YAML, makeGraphDir } from './fixture.js';

const kb = readKnowledgeBase(makeGraphDir({ 'base.yaml': BASE_YAML })).kb;

describe('incremental layout', () => {
  it('keeps every earlier position and places the new nodes beside their neighbours', () => {
    const first = exportGraphJson(kb);
    const previous = positionsOf(first);
    // "One more report": drop one node from the earlier positions, as if it were new.
    const newcomer = first.nodes.find((n) => (n.attributes?.degree ?? 0) > 0)?.key as string;
    previous.delete(newcomer);
    const again = exportGraphJson(kb, { previous });
    for (const n of again.nodes) {
      if (n.key === newcomer) continue;
      expect({ x: n.attributes?.x, y: n.attributes?.y }, n.key).toEqual(previous.get(n.key));
    }
    const placed = again.nodes.find((n) => n.key === newcomer)?.attributes;
    expect(Number.isFinite(placed?.x)).toBe(true);
    expect(again.nodes.some((n) => 'fixed' in (n.attributes ?? {}))).toBe(false);
    // With nothing new, nothing moves.
    const same = exportGraphJson(kb, { previous: positionsOf(first) });
    expect(positionsOf(same)).toEqual(positionsOf(first));
  });

  it('estimates betweenness on large graphs, ranking the hubs as the exact measure does', () => {
    const g = new MultiDirectedGraph() as unknown as KgGraph;
    const n = EXACT_BETWEENNESS_MAX + 200;
    // A ring of hubs, each with a fan of leaves: hubs carry all paths between fans.
    for (let i = 0; i < n; i += 1) g.addNode(`n${i}`);
    const hubs = 20;
    for (let h = 0; h < hubs; h += 1) g.addEdge(`n${h}`, `n${(h + 1) % hubs}`);
    for (let i = hubs; i < n; i += 1) g.addEdge(`n${i % hubs}`, `n${i}`);
    const estimate = betweenness(g, 7);
    const exact = betweennessCentrality(g, { normalized: true });
    const top = (b: Record<string, number>) =>
      Object.entries(b)
        .sort(([, x], [, y]) => y - x)
        .slice(0, hubs)
        .map(([k]) => k)
        .sort();
    expect(top(estimate)).toEqual(top(exact));
    expect(estimate.n25).toBe(0);
  });
});

describe('first view payload', () => {
  it('strips provenance and notes and keeps them by id', () => {
    const full = exportGraphJson(kb);
    const split = splitForView(full);
    const twn = split.view.nodes.find((n) => n.key === 'TWN')?.attributes;
    expect(twn?.prov).toEqual([]);
    expect(split.nodes.get('TWN')?.prov).toEqual(full.nodes.find((n) => n.key === 'TWN')?.attributes?.prov);
    expect(split.edges.size).toBe(full.edges.length);
  });
});
