// The Cypher console: saved questions one click away, free queries with completion, results as a table, on
// the graph and as files. Loaded on demand (dynamic import) so CodeMirror stays out of the first paint.
// This file only wires the pure state (state.ts) to one view per region.
import { ApiError, type HealthResponse, type SavedQuery } from '../api.js';
import type { AppContext } from '../context.js';
import { download, h } from '../ui/dom.js';
import { bindSlice } from '../url-slices.js';
import '../analysis-views.css';
import './console.css';
import { type CypherEditor, createCypherEditor } from './editor.js';
import { toConsoleError } from './errors.js';
import { clearHistory, type HistoryEntry, pushHistory, readHistory } from './history.js';
import { headlineText, renderOutput } from './output-view.js';
import { paramNames } from './params.js';
import { createParamsView } from './params-view.js';
import { resultToCsv, resultToJson } from './result-export.js';
import { schemaFromGraph } from './schema.js';
import { bilingual, renderSide } from './side-view.js';
import {
  CYPHER_SLICE,
  DEFAULT_CYPHER,
  defaultParams,
  ONLY_SLICE,
  type Outcome,
  PARAMS_SLICE,
  QUERY_SLICE,
  resultHighlight,
  sentParams,
} from './state.js';
import { databaseComing, renderStatus } from './status-view.js';
import { renderToolbar } from './toolbar-view.js';

const HEALTH_POLL_MS = 2000;

export function mountConsole(el: HTMLElement, ctx: AppContext): () => void {
  const query = bindSlice(ctx.state, QUERY_SLICE);
  const cypherText = bindSlice(ctx.state, CYPHER_SLICE);
  const paramsSlice = bindSlice(ctx.state, PARAMS_SLICE);
  const onlySlice = bindSlice(ctx.state, ONLY_SLICE);

  let saved: SavedQuery[] = [];
  let health: HealthResponse | null = null;
  let healthFailed = false;
  let outcome: Outcome = { kind: 'idle' };
  let history: HistoryEntry[] = readHistory();
  let disposed = false;
  /** The saved query whose text was last put in the editor. */
  let loadedQuery: string | null = null;
  let lastSent: { cypher: string; params: Record<string, unknown> } | null = null;

  const initial = { query: query.get(), cypher: cypherText.get(), params: paramsSlice.get() };
  let params: Record<string, unknown> = { ...(initial.params ?? {}) };

  const status = h('div', { class: 'cq-status', role: 'status' });
  const side = h('nav', { class: 'cq-side' });
  const editorBox = h('div', { class: 'cq-editor' });
  const paramsBox = h('div', { class: 'cq-params' });
  const toolbar = h('div', { class: 'cq-toolbar' });
  const output = h('div', { class: 'cq-output', 'aria-live': 'polite' });
  const root = h(
    'section',
    { class: 'cq', 'aria-label': ctx.t('console.title') },
    h('div', { class: 'cq-left' }, status, side),
    h('div', { class: 'cq-main' }, editorBox, h('div', { class: 'cq-controls' }, paramsBox, toolbar), output),
  );
  el.replaceChildren(root);

  const openQuery = (): SavedQuery | undefined => saved.find((q) => q.id === query.get());

  const editor: CypherEditor = createCypherEditor(editorBox, {
    doc: initial.cypher ?? DEFAULT_CYPHER,
    label: ctx.t('console.editor'),
    placeholder: ctx.t('console.placeholder'),
    schema: () => schemaFromGraph(ctx.graph, paramNames(editor.getText())),
    onRun: () => void run(),
    onChange: (text) => {
      const q = openQuery();
      cypherText.set(q && q.cypher === text ? null : text);
      drawParams();
    },
  });

  const paramsView = createParamsView(
    paramsBox,
    ctx,
    (name, value) => {
      params = { ...params, [name]: value };
      paramsSlice.set({ ...params });
    },
    () => void run(),
  );

  function applyHighlight(): void {
    if (outcome.kind !== 'result') return;
    const g = ctx.graph;
    const hl = resultHighlight(outcome.result, {
      hasNode: (id) => g.hasNode(id),
      hasEdge: (id) => g.hasEdge(id),
      extremities: (e) => g.extremities(e),
    });
    ctx.highlight(hl, { only: onlySlice.get() });
  }

  async function run(): Promise<void> {
    // Sent as typed (not trimmed) so the positions Neo4j reports match the editor's text.
    const cypher = editor.getText();
    if (!cypher.trim() || outcome.kind === 'running') return;
    // A run is a history entry of its own (Back returns to the query before it).
    ctx.state.commit();
    const sent = sentParams(paramNames(cypher), params, openQuery());
    outcome = { kind: 'running' };
    editor.clearError();
    drawToolbar();
    drawOutput();
    try {
      const result = await ctx.api.query(cypher, sent);
      if (disposed) return;
      const notOnGraph = result.graph.nodes.filter((n) => !ctx.graph.hasNode(n.id)).length;
      outcome = { kind: 'result', result, notOnGraph };
      lastSent = { cypher, params: sent };
      history = pushHistory(cypher, sent);
      applyHighlight();
      ctx.announce(ctx.t('console.ran', { rows: result.rows.length }));
    } catch (err) {
      if (disposed) return;
      const error = toConsoleError(err, cypher);
      outcome = { kind: 'error', error };
      if (error.kind === 'syntax' || error.position) editor.markError(error.message, error.position);
      if (error.kind === 'unavailable') void refreshHealth();
      ctx.announce(headlineText(ctx, outcome));
    }
    drawSide();
    drawToolbar();
    drawOutput();
  }

  function load(q: SavedQuery, runNow: boolean): void {
    loadedQuery = q.id;
    params = defaultParams(q);
    ctx.state.set({
      extra: {
        ...ctx.state.get().extra,
        [QUERY_SLICE.key]: q.id,
        [CYPHER_SLICE.key]: '',
        [PARAMS_SLICE.key]: '',
      },
    });
    editor.setText(q.cypher);
    cypherText.set(null);
    ctx.announce(ctx.t('console.loaded', { title: bilingual(ctx, q.title) }));
    drawSide();
    drawParams(true);
    if (runNow && health?.neo4j.connected !== false) void run();
  }

  function loadHistory(entry: HistoryEntry): void {
    params = { ...entry.params };
    const q = saved.find((s) => s.cypher === entry.cypher);
    loadedQuery = q?.id ?? null;
    query.set(q?.id ?? null);
    paramsSlice.set(Object.keys(params).length ? params : null);
    editor.setText(entry.cypher);
    drawParams(true);
    editor.focus();
  }

  function exportResult(format: 'csv' | 'json'): void {
    if (outcome.kind !== 'result' || !lastSent) return;
    const base = `apec-kg-query${query.get() ? `-${query.get()}` : ''}`;
    if (format === 'csv')
      download(`${base}.csv`, `\uFEFF${resultToCsv(outcome.result)}`, 'text/csv;charset=utf-8');
    else
      download(
        `${base}.json`,
        resultToJson(outcome.result, lastSent.cypher, lastSent.params),
        'application/json',
      );
  }

  async function refreshHealth(): Promise<void> {
    const wasComing = databaseComing(health);
    try {
      health = await ctx.api.health();
      healthFailed = false;
    } catch {
      health = null;
      healthFailed = true;
    }
    if (disposed) return;
    drawStatus();
    // A database that is starting or restarting is polled until it answers; a shared link's query then runs.
    if (databaseComing(health)) setTimeout(() => void refreshHealth(), HEALTH_POLL_MS);
    else if (wasComing && health?.neo4j.connected && (initial.query || initial.cypher)) void run();
  }

  const drawStatus = () => renderStatus(status, ctx, health, healthFailed, () => void refreshHealth());
  const drawSide = () =>
    renderSide(side, ctx, {
      saved,
      current: query.get(),
      history,
      onSaved: (q) => load(q, true),
      onHistory: loadHistory,
      onClearHistory: () => {
        clearHistory();
        history = [];
        drawSide();
      },
    });
  const drawParams = (force = false) =>
    paramsView.render(paramNames(editor.getText()), openQuery(), params, force);
  const drawToolbar = () =>
    renderToolbar(toolbar, ctx, {
      running: outcome.kind === 'running',
      only: onlySlice.get(),
      hasResult: outcome.kind === 'result',
      onRun: () => void run(),
      onOnly: (on) => {
        onlySlice.set(on);
        applyHighlight();
      },
      onClear: () => ctx.highlight(null),
      onExport: exportResult,
    });
  const drawOutput = () => renderOutput(output, ctx, outcome);

  function drawAll(): void {
    root.setAttribute('aria-label', ctx.t('console.title'));
    editor.setLabels(ctx.t('console.editor'), ctx.t('console.placeholder'));
    drawStatus();
    drawSide();
    drawParams(true);
    drawToolbar();
    drawOutput();
  }

  drawAll();
  const offLang = ctx.onLangChange(() => drawAll());
  const offState = ctx.state.subscribe(() => {
    // Another part of the page (or a restored link) opened a different saved query.
    const id = query.get();
    if (id && id !== loadedQuery) {
      const q = saved.find((x) => x.id === id);
      if (q) load(q, false);
    }
  });

  const savedLoaded = ctx.api
    .queries()
    .then((list) => {
      if (disposed) return;
      saved = list;
      const q = openQuery();
      loadedQuery = q?.id ?? null;
      // A link naming a saved query but no edited text opens that query's text.
      if (q && !initial.cypher) {
        editor.setText(q.cypher);
        cypherText.set(null);
        if (!initial.params) params = defaultParams(q);
      }
      drawSide();
      drawParams(true);
    })
    .catch((err: unknown) => {
      if (disposed) return;
      const message = err instanceof ApiError ? err.message : String(err);
      side.append(h('p', { class: 'cq-error' }, message));
    });
  // A shared link with an open query shows its answer, as it did for the person who shared it.
  void Promise.all([refreshHealth(), savedLoaded]).then(() => {
    if (!disposed && (initial.query || initial.cypher) && health?.neo4j.connected) void run();
  });

  return () => {
    disposed = true;
    offLang();
    offState();
    editor.destroy();
  };
}
