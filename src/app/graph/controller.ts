// Owns the interaction state behind the reducers (hover, selection, highlight, language, size) and the
// sigma events that change it. Everything visual goes through here so reducers stay the single source.
import type { AppGraph, AppSigma, Highlight, HighlightOptions } from '../context.js';
import type { Lang } from '../i18n.js';
import type { SizeMode } from '../url-state.js';
import type { ChangedItems } from './apply-filters.js';
import { createReducers, currentFocus, type ExploreView, type Focus, type ViewState } from './reducers.js';
import { createRenderer } from './renderer.js';
import { edgeAtPoint } from './webgl/edge-hit.js';

/** Camera ratio under which every visible edge shows its relationship type. */
const EDGE_LABEL_RATIO = 0.3;

export interface GraphController {
  sigma: AppSigma;
  view: Readonly<ViewState>;
  setSelected(node: string | null): void;
  setHighlight(h: Highlight | null, opts?: HighlightOptions): void;
  setLang(lang: Lang, relLabel: (t: string) => string): void;
  setSizeBy(mode: SizeMode): void;
  /**
   * Call after the filters or an exploration changed `hidden` (applyFilters says which items), with the
   * exploration now shown (null: none), so neighbourhoods are recomputed and the changed items redrawn.
   */
  visibilityChanged(changed: ChangedItems, explore: ExploreView | null): void;
  onNodeClick(cb: (node: string | null) => void): void;
}

export function createGraphController(
  container: HTMLElement,
  graph: AppGraph,
  /** The state from the URL, applied before the first render so start-up draws once. */
  init: {
    lang: Lang;
    sizeBy: SizeMode;
    relLabel: (t: string) => string;
    selected: string | null;
    explore?: ExploreView | null;
  },
): GraphController {
  let maxBetweenness = 0;
  graph.forEachNode((_n, a) => {
    maxBetweenness = Math.max(maxBetweenness, a.betweenness ?? 0);
  });
  const view: ViewState = {
    lang: init.lang,
    sizeBy: init.sizeBy,
    hoveredNode: null,
    hoveredEdge: null,
    selected: init.selected && graph.hasNode(init.selected) ? init.selected : null,
    highlight: null,
    zoomedIn: false,
    relLabel: init.relLabel,
    maxBetweenness,
    explore: init.explore ?? null,
  };
  let focus: Focus | null = currentFocus(graph, view);
  const reducers = createReducers(graph, view, () => focus);
  const sigma = createRenderer(container, graph, {
    ...reducers,
    boxedLabels: () => [view.hoveredNode, view.selected],
  });
  view.zoomedIn = sigma.getCamera().ratio < EDGE_LABEL_RATIO;

  // What is drawn while exploring, kept up to date from the changes applyFilters reports.
  const visibleNodes = new Set<string>();
  const visibleEdges = new Set<string>();
  const track = (changed: ChangedItems) => {
    for (const n of changed.nodes) {
      if (graph.getNodeAttribute(n, 'hidden')) visibleNodes.delete(n);
      else visibleNodes.add(n);
    }
    for (const e of changed.edges) {
      if (graph.getEdgeAttribute(e, 'hidden')) visibleEdges.delete(e);
      else visibleEdges.add(e);
    }
  };
  track({ nodes: graph.nodes(), edges: graph.edges() });

  const update = (changed?: ChangedItems, full = false) => {
    focus = currentFocus(graph, view);
    if (!view.explore || full) {
      // A full refresh re-runs the reducers and re-sorts by zIndex; cheap at today's graph's size.
      sigma.refresh();
      return;
    }
    // While exploring, what the reducers say can only change for what is drawn and what just appeared or
    // disappeared: on a graph 20 times today's, running them over the rest made every hover and step slow.
    sigma.refresh({
      partialGraph: {
        nodes: changed ? [...new Set([...visibleNodes, ...changed.nodes])] : [...visibleNodes],
        edges: changed ? [...new Set([...visibleEdges, ...changed.edges])] : [...visibleEdges],
      },
    });
  };

  sigma.on('enterNode', ({ node }) => {
    view.hoveredNode = node;
    view.hoveredEdge = null;
    container.style.cursor = 'pointer';
    update();
  });
  sigma.on('leaveNode', () => {
    view.hoveredNode = null;
    container.style.cursor = '';
    update();
  });
  const setHoveredEdge = (edge: string | null) => {
    if (edge === view.hoveredEdge) return;
    view.hoveredEdge = edge;
    update();
  };
  const captor = sigma.getMouseCaptor();
  captor.on('mousemove', (e) => {
    // Nodes win over edges, and nothing is hovered while the view is dragged.
    if (view.hoveredNode || captor.isMouseDown) return setHoveredEdge(null);
    setHoveredEdge(edgeAtPoint(sigma, graph, e));
  });
  sigma.on('leaveStage', () => setHoveredEdge(null));
  sigma.getCamera().on('updated', (state) => {
    const zoomedIn = state.ratio < EDGE_LABEL_RATIO;
    if (zoomedIn !== view.zoomedIn) {
      view.zoomedIn = zoomedIn;
      update();
    }
  });

  const clickListeners: ((node: string | null) => void)[] = [];
  sigma.on('clickNode', ({ node }) => {
    for (const cb of clickListeners) cb(node);
  });
  sigma.on('clickStage', () => {
    // A click on a relationship is not a click on empty space.
    if (view.hoveredEdge) return;
    for (const cb of clickListeners) cb(null);
  });

  return {
    sigma,
    view,
    setSelected(node) {
      view.selected = node && graph.hasNode(node) ? node : null;
      update();
    },
    setHighlight(h, opts) {
      view.highlight = h
        ? {
            nodes: new Set(h.nodes.filter((n) => graph.hasNode(n))),
            edges: new Set(h.edges),
            only: !!opts?.only,
          }
        : null;
      update();
    },
    setLang(lang, relLabel) {
      view.lang = lang;
      view.relLabel = relLabel;
      update();
    },
    setSizeBy(mode) {
      view.sizeBy = mode;
      update();
    },
    visibilityChanged(changed, explore) {
      track(changed);
      const wasExploring = view.explore !== null;
      view.explore = explore;
      // Entering or leaving an exploration changes almost everything: one full pass, not a partial one as large.
      update(changed, !wasExploring || !explore);
    },
    onNodeClick(cb) {
      clickListeners.push(cb);
    },
  };
}
