// A large graph's relationships with an end of a background kind are left out of the first frame and of the
// overview, and come back with a focus or zooming in; a graph of today's size folds nothing.
import { describe, expect, it } from 'vitest';
import type { GraphResponse } from '../../src/app/api.js';
import type { AppEdgeAttributes } from '../../src/app/context.js';
import { buildAppGraph, buildAppGraphInStages } from '../../src/app/graph/build-graph.js';
import {
  createReducers,
  FOLD_BACKGROUND_EDGES_ABOVE,
  type Focus,
  type ViewState,
} from '../../src/app/graph/reducers.js';
import { overviewState } from './view-state.js';

/** A hub economy joined to `spokes` sessions and as many organisations, both ways round half the time. */
function data(spokes: number): GraphResponse {
  const node = (key: string, category: string) => ({
    key,
    attributes: { label: key, name: key, category, aliases: [], props: {}, prov: [], x: 0, y: 0, size: 5 },
  });
  const edge = (key: string, source: string, target: string) => ({
    key,
    source,
    target,
    attributes: { relType: 'RELATED', props: {}, prov: [] },
  });
  const nodes = [node('hub', 'Economy')];
  const edges = [];
  for (let i = 0; i < spokes; i += 1) {
    nodes.push(node(`s${i}`, 'Session'), node(`o${i}`, 'Organization'));
    edges.push(i % 2 ? edge(`hs${i}`, 'hub', `s${i}`) : edge(`hs${i}`, `s${i}`, 'hub'));
    edges.push(edge(`ho${i}`, 'hub', `o${i}`));
  }
  return { attributes: {}, options: {}, nodes, edges } as unknown as GraphResponse;
}

const view = overviewState;

describe('relationships folded at overview', () => {
  const spokes = FOLD_BACKGROUND_EDGES_ABOVE / 2 + 1;

  it('are added after the first frame, marked folded, and nothing else is', () => {
    const staged = buildAppGraphInStages(data(spokes));
    expect(staged.graph.order).toBe(2 * spokes + 1);
    expect(staged.graph.size).toBe(spokes);
    expect(staged.foldedCount).toBe(spokes);
    expect(staged.graph.everyEdge((_e, a) => a.folded === undefined)).toBe(true);
    staged.addFolded();
    staged.addFolded();
    expect(staged.graph.size).toBe(2 * spokes);
    expect(staged.graph.filterEdges((_e, a) => a.folded === true).sort()).toEqual(
      Array.from({ length: spokes }, (_, i) => `hs${i}`).sort(),
    );
  });

  it('are hidden at overview only: a focus on them or zooming in draws them', () => {
    const graph = buildAppGraph(data(spokes));
    const edgeOut = (v: ViewState, focus: Focus | null, edge: string) => {
      const { edgeReducer } = createReducers(graph, v, () => focus);
      return edgeReducer(edge, { ...graph.getEdgeAttributes(edge) } as AppEdgeAttributes);
    };
    expect(edgeOut(view(), null, 'hs0').hidden).toBe(true);
    expect(edgeOut(view(), null, 'ho0').hidden).toBe(false);
    expect(edgeOut(view({ zoomedIn: true }), null, 'hs0').hidden).toBe(false);
    const focus: Focus = { nodes: new Set(['hub', 's0']), edges: new Set(['hs0']), only: false };
    expect(edgeOut(view(), focus, 'hs0').hidden).toBe(false);
  });

  it('include, in a large graph, those with neither an economy nor a forum at an end', () => {
    const big = data(spokes);
    big.nodes.push({
      key: 'p',
      attributes: {
        label: 'p',
        name: 'p',
        category: 'Person',
        aliases: [],
        props: {},
        prov: [],
        x: 0,
        y: 0,
        size: 5,
      },
    } as (typeof big.nodes)[number]);
    big.edges?.push({
      key: 'op',
      source: 'o0',
      target: 'p',
      attributes: { relType: 'REPRESENTS', props: {}, prov: [] },
    });
    const staged = buildAppGraphInStages(big);
    expect(staged.graph.hasEdge('op')).toBe(false);
    expect(staged.graph.hasEdge('ho0')).toBe(true);
    staged.addFolded();
    expect(staged.graph.getEdgeAttribute('op', 'folded')).toBe(true);
  });

  it('do not exist in a graph of today’s size', () => {
    const staged = buildAppGraphInStages(data(100));
    expect(staged.foldedCount).toBe(0);
    expect(staged.graph.size).toBe(200);
  });

  it('name a missing end clearly', () => {
    const bad = data(1);
    const first = bad.edges?.[0];
    if (first) first.source = 'nowhere';
    expect(() => buildAppGraphInStages(bad)).toThrow(/missing node "nowhere"/);
  });
});
