// The page's graph after review decisions: brought up to date in place from a fresh /api/graph.
import { describe, expect, it } from 'vitest';
import type { GraphResponse } from '../../src/app/api.js';
import { buildAppGraph } from '../../src/app/graph/build-graph.js';
import { updateGraphInPlace } from '../../src/app/review/graph-sync.js';

const node = (key: string, x: number) => ({
  key,
  attributes: {
    label: key,
    category: 'Economy' as const,
    name: key,
    aliases: [],
    props: {},
    prov: [],
    x,
    y: 0,
    size: 3,
  },
});
const edge = (s: string, t: string) => ({
  key: `${s}|ATTENDED|${t}`,
  source: s,
  target: t,
  attributes: { relType: 'ATTENDED', props: {}, prov: [] },
});
const response = (nodes: ReturnType<typeof node>[], edges: ReturnType<typeof edge>[]): GraphResponse =>
  ({
    attributes: {},
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    nodes,
    edges,
  }) as GraphResponse;

describe('updateGraphInPlace', () => {
  it('adds new nodes and edges, drops removed ones, keeps the positions of the others', () => {
    const graph = buildAppGraph(
      response([node('A', 1), node('B', 2), node('C', 3)], [edge('A', 'B'), edge('B', 'C')]),
    );
    graph.setNodeAttribute('A', 'x', 42);
    const r = updateGraphInPlace(
      graph,
      response([node('A', 1), node('B', 2), node('D', 4)], [edge('A', 'B'), edge('A', 'D')]),
    );
    expect(graph.nodes().sort()).toEqual(['A', 'B', 'D']);
    expect(graph.edges().sort()).toEqual(['A|ATTENDED|B', 'A|ATTENDED|D']);
    expect(graph.getNodeAttribute('A', 'x')).toBe(42);
    expect(graph.getNodeAttribute('D', 'color')).toBeTruthy();
    expect(r).toEqual({ added: 2, removed: 2 });
  });

  it('replaces what changed: an accepted fact loses its draft flag, a removed property goes, drawing state stays', () => {
    const drafted = {
      ...node('A', 1),
      attributes: { ...node('A', 1).attributes, draft: true, props: { a: 1 } },
    };
    const draftEdge = { ...edge('A', 'B'), attributes: { ...edge('A', 'B').attributes, draft: true } };
    const graph = buildAppGraph(response([drafted, node('B', 2)], [draftEdge]));
    graph.mergeNodeAttributes('A', { x: 42, hidden: true });
    graph.setEdgeAttribute('A|ATTENDED|B', 'curvature', 0.3);
    updateGraphInPlace(graph, response([node('A', 1), node('B', 2)], [edge('A', 'B')]));
    const a = graph.getNodeAttributes('A');
    expect(a).toMatchObject({ x: 42, hidden: true, props: {} });
    expect('draft' in a).toBe(false);
    expect('draft' in graph.getEdgeAttributes('A|ATTENDED|B')).toBe(false);
    expect(graph.getEdgeAttribute('A|ATTENDED|B', 'curvature')).toBe(0.3);
  });
});
