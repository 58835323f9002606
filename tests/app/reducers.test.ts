// What the reducers tell sigma to draw: arrowheads only where direction is legible and asked for.
import { describe, expect, it } from 'vitest';
import type { GraphResponse } from '../../src/app/api.js';
import type { AppEdgeAttributes } from '../../src/app/context.js';
import { applyFilters } from '../../src/app/graph/apply-filters.js';
import { buildAppGraph } from '../../src/app/graph/build-graph.js';
import { computeVisibility, isFilterActive } from '../../src/app/graph/filters.js';
import {
  createReducers,
  currentFocus,
  type Focus,
  PIN_MARK,
  type ViewState,
} from '../../src/app/graph/reducers.js';
import { HIDDEN_TYPE } from '../../src/app/graph/webgl/hidden-program.js';
import { DEFAULT_STATE } from '../../src/app/url-state.js';
import { overviewState } from './view-state.js';

const PROV = [{ source: 'src', section: '1', quote: 'q' }];

function fixture(spokes = 0) {
  const node = (key: string, x: number) => ({
    key,
    attributes: {
      label: key,
      name: key,
      category: 'Economy',
      aliases: [],
      props: {},
      prov: PROV,
      x,
      y: 0,
      size: 5,
    },
  });
  const edge = (key: string, source: string, target: string) => ({
    key,
    source,
    target,
    attributes: { relType: 'ATTENDED', props: {}, prov: PROV },
  });
  // a and b share two relationships (curved); b–c and c–d are alone (straight).
  // With spokes, d is also a hub joined to that many leaves.
  const leaves = Array.from({ length: spokes }, (_, i) => `leaf${i}`);
  const data = {
    nodes: [node('a', 0), node('b', 1), node('c', 2), node('d', 3), ...leaves.map((l, i) => node(l, 4 + i))],
    edges: [
      edge('ab1', 'a', 'b'),
      edge('ab2', 'b', 'a'),
      edge('bc', 'b', 'c'),
      edge('cd', 'c', 'd'),
      ...leaves.map((l) => edge(`d-${l}`, 'd', l)),
    ],
  } as unknown as GraphResponse;
  return buildAppGraph(data);
}

const view = overviewState;

/** The display data sigma would draw for every edge, from a copy of its attributes as sigma passes them. */
function drawnEdges(v: ViewState, spokes = 0) {
  const graph = fixture(spokes);
  const focus: Focus | null = currentFocus(graph, v);
  const { edgeReducer } = createReducers(graph, v, () => focus);
  const out: Record<string, { type?: string; label?: string | null; forceLabel?: boolean }> = {};
  graph.forEachEdge((e, a) => {
    const d = edgeReducer(e, { ...a } as AppEdgeAttributes);
    out[e] = { type: d.type, label: d.label, ...(d.forceLabel ? { forceLabel: true } : {}) };
  });
  return out;
}

describe('edge reducer', () => {
  it('draws overview edges without arrowheads, curving parallel relationships', () => {
    const edges = drawnEdges(view());
    expect(edges).toEqual({
      ab1: { type: 'curved', label: null },
      ab2: { type: 'curved', label: null },
      bc: { type: 'line', label: null },
      cd: { type: 'line', label: null },
    });
  });

  it('gives the hovered node’s relationships arrowheads and labels, and leaves the rest plain', () => {
    const edges = drawnEdges(view({ hoveredNode: 'a' }));
    expect(edges.ab1).toEqual({ type: 'curvedArrow', label: 'rel:ATTENDED', forceLabel: true });
    expect(edges.ab2).toEqual({ type: 'curvedArrow', label: 'rel:ATTENDED', forceLabel: true });
    expect(edges.bc).toEqual({ type: 'line', label: null });
    expect(edges.cd).toEqual({ type: 'line', label: null });
  });

  it('gives the selected node’s relationships and a hovered relationship arrowheads', () => {
    expect(drawnEdges(view({ selected: 'a' })).bc?.type).toBe('line');
    const edges = drawnEdges(view({ selected: 'd', hoveredEdge: 'bc' }));
    expect(edges.cd?.type).toBe('arrow');
    expect(edges.bc?.type).toBe('arrow');
    expect(edges.ab1?.type).toBe('curved');
  });

  it('does not stack a hub’s labels: its relationships get arrowheads, labels come with zoom or hover', () => {
    const hub = drawnEdges(view({ selected: 'd' }), 20);
    const spokes = Object.entries(hub).filter(([e]) => e.startsWith('d-') || e === 'cd');
    expect(spokes).toHaveLength(21);
    expect(spokes.every(([, d]) => d.type === 'arrow' && d.label === null && !d.forceLabel)).toBe(true);
    const hovered = drawnEdges(view({ selected: 'd', hoveredEdge: 'd-leaf3' }), 20);
    expect(hovered['d-leaf3']).toEqual({ type: 'arrow', label: 'rel:ATTENDED', forceLabel: true });
    expect(hovered['d-leaf4']?.label).toBeNull();
    const zoomed = drawnEdges(view({ selected: 'd', zoomedIn: true }), 20);
    expect(zoomed['d-leaf4']?.label).toBe('rel:ATTENDED');
  });

  it('draws every arrowhead and label once zoomed in', () => {
    const edges = drawnEdges(view({ zoomedIn: true }));
    expect(Object.values(edges).map((e) => e.type)).toEqual(['curvedArrow', 'curvedArrow', 'arrow', 'arrow']);
    expect(Object.values(edges).every((e) => e.label === 'rel:ATTENDED')).toBe(true);
  });
});

describe('buildAppGraph', () => {
  it('starts with everything visible, as the default filters would leave it (the page skips them then)', () => {
    const graph = fixture(3);
    expect(isFilterActive(DEFAULT_STATE)).toBe(false);
    const { hiddenNodes, hiddenEdges } = computeVisibility(graph, DEFAULT_STATE);
    expect(hiddenNodes.size + hiddenEdges.size).toBe(0);
    expect(graph.everyNode((_n, a) => a.hidden === false)).toBe(true);
    expect(graph.everyEdge((_e, a) => a.hidden === false)).toBe(true);
    expect(isFilterActive({ ...DEFAULT_STATE, hiddenLabels: ['Economy'] })).toBe(true);
  });
});

describe('exploring from one node', () => {
  it('hides what the exploration does not show, with the filters still applying inside it', () => {
    const graph = fixture(3);
    const counts = applyFilters(graph, DEFAULT_STATE, new Set(['b', 'c', 'd']));
    expect(counts).toMatchObject({ nodes: 3, edges: 2 });
    // Only what changed is reported, for the renderer to look at again.
    expect(counts.changed.nodes.sort()).toEqual(['a', 'leaf0', 'leaf1', 'leaf2']);
    expect(counts.changed.edges.sort()).toEqual(['ab1', 'ab2', 'd-leaf0', 'd-leaf1', 'd-leaf2']);
    expect(applyFilters(graph, DEFAULT_STATE, new Set(['b', 'c', 'd'])).changed).toEqual({
      nodes: [],
      edges: [],
    });
    expect(graph.filterNodes((_n, a) => !a.hidden)).toEqual(['b', 'c', 'd']);
    expect(graph.filterEdges((_e, a) => !a.hidden)).toEqual(['bc', 'cd']);
    const filtered = applyFilters(graph, { ...DEFAULT_STATE, hiddenRels: ['ATTENDED'] }, new Set(['b', 'c']));
    expect(filtered).toMatchObject({ nodes: 2, edges: 0 });
    expect(applyFilters(graph, DEFAULT_STATE, null)).toMatchObject({ nodes: graph.order, edges: graph.size });
  });

  it('gives hidden items the program that draws nothing', () => {
    const graph = fixture();
    applyFilters(graph, DEFAULT_STATE, new Set(['a', 'b']));
    const { nodeReducer, edgeReducer } = createReducers(graph, view(), () => null);
    expect(nodeReducer('c', { ...graph.getNodeAttributes('c') }).type).toBe(HIDDEN_TYPE);
    expect(edgeReducer('bc', { ...graph.getEdgeAttributes('bc') }).type).toBe(HIDDEN_TYPE);
    expect(nodeReducer('a', { ...graph.getNodeAttributes('a') }).type).not.toBe(HIDDEN_TYPE);
    expect(edgeReducer('ab1', { ...graph.getEdgeAttributes('ab1') }).type).toBe('curved');
  });

  it('names every shown node while few, and marks pinned ones', () => {
    const graph = fixture();
    const v = view({ explore: { pinned: new Set(['c']), size: 2 } });
    const { nodeReducer } = createReducers(graph, v, () => null);
    const c = nodeReducer('c', { ...graph.getNodeAttributes('c') });
    expect(c.label).toBe(`${PIN_MARK} c`);
    expect(c.forceLabel).toBe(true);
    expect(nodeReducer('b', { ...graph.getNodeAttributes('b') }).label).toBe('b');
    const many = createReducers(graph, view({ explore: { pinned: new Set(), size: 500 } }), () => null);
    expect(many.nodeReducer('b', { ...graph.getNodeAttributes('b') }).forceLabel).toBeUndefined();
  });
});
