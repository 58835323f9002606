// What sigma draws for each node and edge, given the interaction state: hover, selection and highlights
// emphasise a neighbourhood and dim the rest without touching the graph's data.
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { AppEdgeAttributes, AppGraph, AppNodeAttributes } from '../context.js';
import type { Lang } from '../i18n.js';
import type { SizeMode } from '../url-state.js';
import { HIDDEN_TYPE } from './webgl/hidden-program.js';

export const DIM_NODE_COLOR = '#dde1e6';
export const DIM_EDGE_COLOR = '#edeff2';
export const FOCUS_EDGE_COLOR = '#5d6675';
/**
 * The program drawing each shape with an arrowhead. At overview zoom every edge is drawn by the line program
 * (curves as straight pieces, line-programs.ts): an arrowhead is a second instance per edge and an exact curve
 * a costlier shader, together most of the software-GPU time of the first frame (measured in bench:ui). Edges
 * get their arrowheads, and curves their exact shape and curved labels, where they are legible: on the
 * focused neighbourhood, on a hovered edge and once zoomed in.
 */
export const EDGE_ARROW_TYPE = { line: 'arrow', curved: 'curvedArrow' } as const;

/**
 * Up to this many, every node of a focus set is labelled (the drawer places and shortens them so they do not
 * overlap); beyond it, a hub's neighbourhood, the label grid decides.
 */
const MAX_FORCED_LABELS = 40;
/** Relationship labels stack sooner than node labels: a focus with more relationships shows none. */
const MAX_EDGE_LABELS = 14;

/** Labelled at overview whatever the grid says: the types a newcomer needs to read the first view. */
const CORE_LABELLED = new Set<string>(['Economy', 'Forum']);
/**
 * Folded into the background at overview (paler, unlabelled) until asked for: hovering, selecting, a path or a
 * query brings them forward, and the filters and the node list still reach them.
 */
const BACKGROUND = new Set<string>(['Session', 'Initiative', 'Topic', 'Source']);
const BACKGROUND_COLOR: Record<string, string> = {
  Session: '#f5dfae',
  Initiative: '#e8e8b8',
  Topic: '#d9d9d9',
  Source: '#e5e5e5',
};

/** Longest label drawn in full, in Latin-letter widths (a CJK character counts as two). */
const LABEL_WIDTH = 30;

const WIDE_CHAR = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Shortens long names on the canvas so they do not run across their neighbours; details show them whole. */
export function shortLabel(text: string, width = LABEL_WIDTH): string {
  // Most names fit as they are; testing the whole string once is what keeps 10,000 of them cheap.
  if (text.length <= width && (text.length * 2 <= width || !WIDE_CHAR.test(text))) return text;
  let used = 0;
  let i = 0;
  for (const ch of text) {
    used += WIDE_CHAR.test(ch) ? 2 : 1;
    if (used > width) return `${[...text].slice(0, i).join('').trimEnd()}…`;
    i += 1;
  }
  return text;
}

export interface Focus {
  nodes: Set<string>;
  edges: Set<string>;
  /** Hide, rather than dim, what is outside. */
  only: boolean;
  /** The hovered or selected node the focus is about; its label always shows. */
  centre?: string;
}

export interface ViewState {
  lang: Lang;
  sizeBy: SizeMode;
  hoveredNode: string | null;
  hoveredEdge: string | null;
  selected: string | null;
  /** Set by ctx.highlight (paths, query results). */
  highlight: Focus | null;
  /** Edge labels show for every edge once the camera is this close. */
  zoomedIn: boolean;
  relLabel: (relType: string) => string;
  maxBetweenness: number;
  /** Set while exploring from one node (explore/): its pinned nodes and how many nodes it shows. */
  explore: ExploreView | null;
}

export interface ExploreView {
  pinned: ReadonlySet<string>;
  size: number;
}

/** Drawn before a pinned node's label; DejaVu and the CJK fonts have it, unlike an emoji pin. */
export const PIN_MARK = '◆';

export function neighbourhood(graph: AppGraph, node: string): Focus {
  const nodes = new Set([node]);
  const edges = new Set<string>();
  graph.forEachEdge(node, (edge, a, source, target) => {
    if (a.hidden) return;
    edges.add(edge);
    nodes.add(source === node ? target : source);
  });
  return { nodes, edges, only: false, centre: node };
}

/** Hover wins over an explicit highlight, which wins over the selection's neighbourhood. */
export function currentFocus(graph: AppGraph, v: ViewState): Focus | null {
  if (v.hoveredNode && graph.hasNode(v.hoveredNode)) return neighbourhood(graph, v.hoveredNode);
  if (v.highlight) return v.highlight;
  if (v.selected && graph.hasNode(v.selected)) return neighbourhood(graph, v.selected);
  return null;
}

export function nodeSizeFor(a: AppNodeAttributes, v: ViewState): number {
  if (v.sizeBy === 'betweenness') {
    const b = v.maxBetweenness > 0 ? (a.betweenness ?? 0) / v.maxBetweenness : 0;
    return 3 + 22 * Math.sqrt(b);
  }
  return a.size;
}

/**
 * Above this many relationships, the overview draws only those of an economy or a forum with a kind in the
 * foreground: the rest is left out of the overview and drawn again on a focus and when zoomed in (build-graph.ts
 * marks them `folded`). At thirty reports the relationships with a background end are more than half of the
 * 30,000 lines, a grey mass over the economies' own relationships; of the 13,198 left, the 7,294 between
 * organisations, people, projects, documents and meetings still cost the first frame about as much as the
 * economies' and fora's own, which are the ones the first view names.
 */
export const FOLD_BACKGROUND_EDGES_ABOVE = 5000;

/** Whether a relationship between nodes of these kinds is folded in a graph of `totalEdges` relationships. */
export function foldsAtOverview(totalEdges: number, sourceCategory: string, targetCategory: string): boolean {
  if (totalEdges <= FOLD_BACKGROUND_EDGES_ABOVE) return false;
  if (BACKGROUND.has(sourceCategory) || BACKGROUND.has(targetCategory)) return true;
  return !CORE_LABELLED.has(sourceCategory) && !CORE_LABELLED.has(targetCategory);
}

export function createReducers(graph: AppGraph, v: ViewState, getFocus: () => Focus | null) {
  // Reducers run for every node on every refresh (each hover), so a name is shortened once, not each time.
  const shortLabels = new Map<string, string>();
  const shortLabelOf = (name: string): string => {
    let short = shortLabels.get(name);
    if (short === undefined) {
      short = shortLabel(name);
      shortLabels.set(name, short);
    }
    return short;
  };
  const nodeReducer = (node: string, a: AppNodeAttributes): Partial<NodeDisplayData> => {
    // Nothing to work out for what is not drawn, and its own program keeps it out of the GPU's work.
    if (a.hidden) return Object.assign(a, { type: HIDDEN_TYPE, label: null });
    const focus = getFocus();
    const name = v.lang === 'zh-Hant' ? (a.nameZh ?? a.name) : a.name;
    // Sigma hands every reducer a fresh copy of the attributes, so it is completed in place (no object per
    // node and refresh: at 10,000 nodes the reducers were a third of the first frame).
    const out = a as unknown as Partial<NodeDisplayData>;
    out.label = node === v.hoveredNode || node === v.selected ? name : shortLabelOf(name);
    out.size = nodeSizeFor(a, v);
    if (node === v.selected) out.highlighted = true;
    const pinned = v.explore?.pinned.has(node) ?? false;
    if (pinned) out.label = `${PIN_MARK} ${out.label}`;
    if (!focus && v.explore) {
      // What an exploration shows was asked for node by node: every kind in its own colour, named while few.
      if (pinned || v.explore.size <= MAX_FORCED_LABELS) out.forceLabel = true;
      return out;
    }
    if (!focus) {
      // The first view names who does what: economies and fora always, placed apart by the label drawer.
      if (CORE_LABELLED.has(a.category)) out.forceLabel = true;
      else if (BACKGROUND.has(a.category)) {
        out.label = null;
        out.color = BACKGROUND_COLOR[a.category] ?? out.color;
      }
      return out;
    }
    if (focus.nodes.has(node)) {
      out.zIndex = 2;
      if (node === focus.centre || pinned || focus.nodes.size <= MAX_FORCED_LABELS) out.forceLabel = true;
    } else if (focus.only) {
      out.hidden = true;
      out.type = HIDDEN_TYPE;
    } else {
      out.color = DIM_NODE_COLOR;
      // null, not '': sigma's label grid skips null labels, leaving the cells to the emphasised nodes.
      out.label = null;
      out.zIndex = 0;
    }
    return out;
  };

  const edgeReducer = (edge: string, a: AppEdgeAttributes): Partial<EdgeDisplayData> => {
    if (a.hidden) return Object.assign(a, { type: HIDDEN_TYPE, label: null });
    const focus = getFocus();
    const out = a as unknown as Partial<EdgeDisplayData>;
    out.label = null;
    const inFocus = focus?.edges.has(edge) ?? false;
    // A hub's dozens of relationships would stack their labels around it; its neighbourhood gets arrowheads,
    // and labels come with zooming in, hovering a relationship or the details panel's grouped list.
    const labelled = inFocus && (focus?.edges.size ?? 0) <= MAX_EDGE_LABELS;
    if (v.zoomedIn || inFocus || edge === v.hoveredEdge) out.type = EDGE_ARROW_TYPE[a.type];
    if (v.zoomedIn || labelled || edge === v.hoveredEdge) out.label = v.relLabel(a.relType);
    if (edge === v.hoveredEdge) {
      out.forceLabel = true;
      out.color = FOCUS_EDGE_COLOR;
      out.size = 2;
      out.zIndex = 2;
    }
    if (!focus) {
      if (a.folded && !v.zoomedIn) out.hidden = true;
      return out;
    }
    if (inFocus) {
      out.color = FOCUS_EDGE_COLOR;
      out.size = 2;
      out.zIndex = 2;
      if (labelled) out.forceLabel = true;
    } else if (focus.only) {
      out.hidden = true;
      out.type = HIDDEN_TYPE;
    } else if (edge !== v.hoveredEdge) {
      out.color = DIM_EDGE_COLOR;
      out.label = null;
      out.zIndex = 0;
    }
    return out;
  };

  return { nodeReducer, edgeReducer, graph };
}
