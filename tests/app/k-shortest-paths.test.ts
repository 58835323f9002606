// k shortest paths (Yen) over what is visible, leaving out hubs and relationship types.
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { kShortestPaths } from '../../src/app/graph/shortest-path.js';
import type { EdgeAttributes, NodeAttributes } from '../../src/model/types.js';

type G = MultiDirectedGraph<NodeAttributes & { hidden?: boolean }, EdgeAttributes & { hidden?: boolean }>;

/**
 *   A - hub - B          every economy is a member of the hub (the trivial route);
 *   A - m1 - B           two meetings both attended;
 *   A - m2 - x - B       a longer route through a session;
 *   A -ASKED-> B         a direct question.
 */
function fixture(): G {
  const g: G = new MultiDirectedGraph();
  for (const id of ['A', 'B', 'C', 'D', 'hub', 'm1', 'm2', 'x'])
    g.addNode(id, { label: id, name: id, category: 'Economy', aliases: [], props: {}, prov: [] });
  const edge = (from: string, type: string, to: string) =>
    g.addDirectedEdgeWithKey(`${from}|${type}|${to}`, from, to, { relType: type, props: {}, prov: [] });
  for (const e of ['A', 'B', 'C', 'D']) edge(e, 'MEMBER_OF', 'hub');
  edge('A', 'ATTENDED', 'm1');
  edge('B', 'ATTENDED', 'm1');
  edge('A', 'ATTENDED', 'm2');
  edge('x', 'PART_OF', 'm2');
  edge('B', 'SPOKE_IN', 'x');
  edge('A', 'ASKED', 'B');
  return g;
}

const nodesOf = (g: G, opts: Parameters<typeof kShortestPaths>[3]) =>
  kShortestPaths(g, 'A', 'B', opts).map((p) => p.nodes.join(' '));

describe('kShortestPaths', () => {
  it('lists the k shortest loopless alternatives, shortest first, each once', () => {
    expect(nodesOf(fixture(), { k: 5 })).toEqual(['A B', 'A hub B', 'A m1 B', 'A m2 x B']);
    expect(nodesOf(fixture(), { k: 2 })).toEqual(['A B', 'A hub B']);
  });

  it('leaves out relationship types, named hubs and nodes above a degree, but never the two ends', () => {
    const g = fixture();
    expect(nodesOf(g, { k: 5, avoidRels: ['ASKED'], avoidNodes: ['hub'] })).toEqual(['A m1 B', 'A m2 x B']);
    // hub has degree 4, the ends 5 and 4: only hub goes.
    expect(nodesOf(g, { k: 5, avoidRels: ['ASKED'], maxDegree: 3 })).toEqual(['A m1 B', 'A m2 x B']);
    expect(nodesOf(g, { k: 1, avoidRels: ['ASKED', 'MEMBER_OF', 'ATTENDED'] })).toEqual([]);
  });

  it('uses only visible nodes and relationships', () => {
    const g = fixture();
    g.setEdgeAttribute('A|ASKED|B', 'hidden', true);
    g.setNodeAttribute('hub', 'hidden', true);
    g.setEdgeAttribute('B|ATTENDED|m1', 'hidden', true);
    expect(nodesOf(g, { k: 5 })).toEqual(['A m2 x B']);
  });

  it('names each step with its relationships and their direction', () => {
    const [p] = kShortestPaths(fixture(), 'A', 'B', { avoidRels: ['ASKED'], avoidNodes: ['hub'] });
    expect(p?.steps).toEqual([
      { from: 'A', to: 'm1', edges: [{ key: 'A|ATTENDED|m1', relType: 'ATTENDED', forward: true }] },
      { from: 'm1', to: 'B', edges: [{ key: 'B|ATTENDED|m1', relType: 'ATTENDED', forward: false }] },
    ]);
    expect(p?.edges).toEqual(['A|ATTENDED|m1', 'B|ATTENDED|m1']);
  });
});
