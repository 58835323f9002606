// Entry point: loads the graph, creates the one renderer, builds the shared context and mounts every panel.
import './styles.css';
import { createApiClient } from './api.js';
import type { AppContext, AppGraph, AppSigma } from './context.js';
import { createDetailsLoader } from './details-loader.js';
import { exploreSlice, readExploration } from './explore/slice.js';
import type { Exploration } from './explore/state.js';
import { applyFilters, filterSpecChanged } from './graph/apply-filters.js';
import { buildAppGraphInStages, type StagedGraph } from './graph/build-graph.js';
import { fitView, flyToNode } from './graph/camera.js';
import { createGraphController } from './graph/controller.js';
import { isFilterActive } from './graph/filters.js';
import { type DrawnLabel, drawnLabels } from './graph/webgl/label-drawer.js';
import { wireHistory } from './history.js';
import { createLocalizer } from './i18n.js';
import { mountLangSwitch } from './panels/lang-switch.js';
import { mountNeo4jStatus } from './panels/neo4j-status.js';
import { translateStatic } from './ui/dom.js';
import { sliceChanged } from './url-slices.js';
import { createUrlStateStore } from './url-state.js';

/**
 * The page's test handle, documented in README: the renderer, the graph, a promise for the first drawing of
 * the graph (before the panels exist) and one for "ready" (everything mounted and drawn).
 */
export interface TestHandle {
  sigma?: AppSigma;
  graph?: AppGraph;
  drawn: Promise<void>;
  ready: Promise<void>;
  /** The node labels of the last frame and their boxes in canvas pixels. */
  labels?: () => DrawnLabel[];
}

declare global {
  interface Window {
    __apecKg?: TestHandle;
  }
}

const CAMERA_SAVE_DELAY = 400;

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html lacks #${id}`);
  return el as T;
}

/** Resolves once the next frame is on screen; a hidden tab gets no frames, hence the time limit. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}

async function main(handle: TestHandle): Promise<void> {
  const store = createUrlStateStore();
  const i18n = createLocalizer(store.get().lang);
  const api = createApiClient();
  // Requested before anything else (index.html preloads it too), so it downloads while the page sets up.
  const graphData = api.graph();
  const live = byId('live');
  const announce = (msg: string) => {
    live.textContent = msg;
  };
  const graphEl = byId('graph');
  const translatePage = () => {
    document.documentElement.lang = i18n.lang;
    document.title = i18n.t('app.title');
    translateStatic(document, i18n.t);
    // Not data-i18n-label, which adds a title: a tooltip over the whole canvas would cover the graph.
    graphEl.setAttribute('aria-label', i18n.t('graph.label'));
    // What was announced is said and done; left there, it would stay in the other language.
    live.textContent = '';
  };
  translatePage();
  i18n.onChange(translatePage);
  mountLangSwitch(byId('lang-switch'), i18n, (lang) => store.set({ lang }));
  mountNeo4jStatus(byId('neo4j-status'), api, i18n);

  const message = byId('graph-message');
  let staged: StagedGraph;
  try {
    const data = await graphData;
    performance.mark('apec:graph-received');
    staged = buildAppGraphInStages(data);
  } catch (err) {
    message.removeAttribute('data-i18n');
    message.textContent = i18n.t('app.loadFailed', { message: (err as Error).message });
    message.classList.add('error');
    throw err;
  }

  const { graph } = staged;
  const initial = store.get();
  const exploration = (s: typeof initial) => readExploration(s, (n) => graph.hasNode(n));
  const exploreView = (xp: Exploration | null) => (xp ? { pinned: xp.pinned, size: xp.shown.size } : null);
  const initialXp = exploration(initial);
  // A link that filters, selects or explores needs every relationship before the first drawing (the filters
  // and the exploration set `hidden` on them, a selection draws its neighbourhood); an overview can draw
  // first and fold them in after.
  const filtered = isFilterActive(initial);
  if (filtered || initial.selected || initialXp) staged.addFolded();
  // Everything starts visible; a shared link with filters or an exploration hides its part before the first
  // drawing.
  if (filtered || initialXp) applyFilters(graph, initial, initialXp?.shown);
  performance.mark('apec:graph-built');
  const controller = createGraphController(byId('graph'), graph, {
    lang: i18n.lang,
    sizeBy: initial.sizeBy,
    relLabel: i18n.relName,
    selected: initial.selected,
    explore: exploreView(initialXp),
  });
  // Sigma draws synchronously when it is created.
  performance.mark('apec:graph-drawn');
  const { sigma } = controller;
  handle.sigma = sigma;
  handle.graph = graph;
  handle.labels = () => drawnLabels(sigma);
  message.hidden = true;
  resolveDrawn();
  // Let the browser show the graph before the panels are loaded and built: they take a few frames' worth of work.
  await afterNextPaint();
  // Before anything counts, filters or searches the graph (sigma adds them to its next frame, undrawn).
  staged.addFolded();

  let highlightSource: string | null = null;
  const ctx: AppContext = {
    graph,
    sigma,
    get lang() {
      return i18n.lang;
    },
    t: i18n.t,
    onLangChange: (cb) => i18n.onChange(cb),
    setLang: (lang) => store.set({ lang }),
    nodeName(node) {
      if (!graph.hasNode(node)) return node;
      const a = graph.getNodeAttributes(node);
      return i18n.lang === 'zh-Hant' ? (a.nameZh ?? a.name) : a.name;
    },
    state: store,
    select: (node) => store.set({ selected: node && graph.hasNode(node) ? node : null }),
    flyTo: (node) => flyToNode(sigma, node),
    highlight: (h, opts) => {
      highlightSource = h ? (opts?.source ?? (store.get().tab === 'cypher' ? 'cypher' : 'panel')) : null;
      controller.setHighlight(h, opts);
      // Query results and coverage evidence come into the part of the graph left beside the panels.
      if (h?.nodes.length && highlightSource !== 'path') void fitView(sigma, h.nodes);
    },
    api,
    details: createDetailsLoader(api, graph),
    announce,
  };

  // Registered before any panel, so the graph is up to date when panels react to the same change.
  store.subscribe((s, prev) => {
    if (s.lang !== prev.lang) {
      i18n.setLang(s.lang);
      controller.setLang(s.lang, i18n.relName);
    }
    const explored = sliceChanged(s, prev, exploreSlice);
    if (explored || filterSpecChanged(s, prev)) {
      const xp = exploration(s);
      const counts = applyFilters(graph, s, xp?.shown);
      controller.visibilityChanged(counts.changed, exploreView(xp));
      // The exploration announces its own steps (explore/index.ts).
      if (!explored) {
        announce(
          i18n.t('filters.visible', {
            nodes: counts.nodes,
            total: graph.order,
            edges: counts.edges,
            totalEdges: graph.size,
          }),
        );
      }
    }
    if (s.sizeBy !== prev.sizeBy) controller.setSizeBy(s.sizeBy);
    // A query's highlight, or a quote's facts from the Sources view, would grey out what the user turns to
    // next: another node's neighbourhood, or the graph once that view is closed.
    const owner = highlightSource === 'cypher' || highlightSource === 'sources' ? highlightSource : null;
    const leftOwner = owner !== null && prev.tab === owner && s.tab !== owner;
    if (owner && (leftOwner || (s.selected && s.selected !== prev.selected))) {
      ctx.highlight(null);
    }
    if (s.selected !== prev.selected) {
      controller.setSelected(s.selected);
      if (s.selected) announce(i18n.t('details.selected', { name: ctx.nodeName(s.selected) }));
    }
  });
  controller.onNodeClick((node) => ctx.select(node));
  wireHistory(store, sigma);

  const { mountPanels } = await import('./panels/mount-panels.js');
  mountPanels(ctx, byId);

  performance.mark('apec:panels-mounted');

  // The area around the canvas changes size when panels open; sigma only listens to the window. The observer's
  // first call usually reports the size sigma was created with, which needs no second drawing.
  new ResizeObserver(() => {
    const drawn = sigma.getDimensions();
    if (graphEl.offsetWidth !== drawn.width || graphEl.offsetHeight !== drawn.height) sigma.scheduleRefresh();
  }).observe(graphEl);

  // Sigma drew the graph, with the URL's selection and filters, when it was created; a camera from the URL
  // schedules one more frame.
  const { camera } = initial;
  const cameraDrawn = camera
    ? new Promise<void>((resolve) => {
        sigma.once('afterRender', () => resolve());
        sigma.getCamera().setState(camera);
      })
    : Promise.resolve();
  let cameraTimer: ReturnType<typeof setTimeout> | undefined;
  sigma.getCamera().on('updated', (cam) => {
    clearTimeout(cameraTimer);
    cameraTimer = setTimeout(
      () => store.set({ camera: { x: cam.x, y: cam.y, ratio: cam.ratio } }),
      CAMERA_SAVE_DELAY,
    );
  });

  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    const target = e.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, .cm-editor')) return;
    if (store.get().selected) ctx.select(null);
    else if (store.get().tab) store.set({ tab: null });
  });

  await cameraDrawn;
  performance.mark('apec:ready');
  announce(i18n.t('app.ready', { nodes: graph.order, edges: graph.size }));
}

let resolveDrawn: () => void = () => {};
let resolveReady: () => void = () => {};
let rejectReady: (err: unknown) => void = () => {};
const handle: TestHandle = {
  drawn: new Promise<void>((resolve) => {
    resolveDrawn = resolve;
  }),
  ready: new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  }),
};
window.__apecKg = handle;
main(handle).then(resolveReady, (err) => {
  console.error(err);
  rejectReady(err);
});
