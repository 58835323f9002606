// The Cypher console: saved questions one click away, free queries with completion, results as a table and on
// the graph. Loaded on demand (dynamic import) so CodeMirror stays out of the first paint.
import { ApiError, type HealthResponse, type QueryResult, type SavedQuery } from '../api.js';
import type { AppContext } from '../context.js';
import { h } from '../ui/dom.js';
import './console.css';
import { type CypherEditor, createCypherEditor } from './editor.js';
import { type ConsoleError, toConsoleError } from './errors.js';
import { clearHistory, type HistoryEntry, pushHistory, readHistory } from './history.js';
import { formatParamValue, paramNames, parseParamInput } from './params.js';
import { renderResultTable } from './results-view.js';
import { schemaFromGraph } from './schema.js';

const ONLY_KEY = 'cqOnly';
const DEFAULT_CYPHER = 'MATCH (e:Economy)-[a:ATTENDED]->(m:Meeting)\nRETURN e, a, m';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'result'; result: QueryResult; notOnGraph: number }
  | { kind: 'error'; error: ConsoleError };

function describe(ctx: AppContext, text: string | { en: string; zh: string } | undefined): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return ctx.lang === 'en' ? text.en : text.zh;
}

export function mountConsole(el: HTMLElement, ctx: AppContext): () => void {
  let saved: SavedQuery[] = [];
  let health: HealthResponse | null = null;
  let healthError = false;
  let outcome: Outcome = { kind: 'idle' };
  let history: HistoryEntry[] = readHistory();
  let disposed = false;
  /** The saved query whose text was last put in the editor. */
  let loadedQuery: string | null = null;

  const initial = ctx.state.get();
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

  const openQuery = (): SavedQuery | undefined => saved.find((q) => q.id === ctx.state.get().query);
  const schema = () => schemaFromGraph(ctx.graph, paramNames(editor.getText()));

  const editor: CypherEditor = createCypherEditor(editorBox, {
    doc: initial.cypher ?? DEFAULT_CYPHER,
    label: ctx.t('console.editor'),
    placeholder: ctx.t('console.placeholder'),
    schema,
    onRun: () => void run(),
    onChange: (text) => {
      const q = openQuery();
      ctx.state.set({ cypher: q && q.cypher === text ? null : text });
      renderParams();
    },
  });

  function only(): boolean {
    return ctx.state.get().extra[ONLY_KEY] === '1';
  }

  /** The values sent: for each `$name` in the query, what was typed, else the saved query's default. */
  function currentParams(): Record<string, unknown> {
    const q = openQuery();
    const out: Record<string, unknown> = {};
    for (const name of paramNames(editor.getText())) {
      const def = q?.params.find((p) => p.name === name)?.default;
      const v = name in params ? params[name] : def;
      if (v !== undefined) out[name] = v;
    }
    return out;
  }

  function applyHighlight(): void {
    if (outcome.kind !== 'result') return;
    const { graph } = outcome.result;
    const nodes = new Set(graph.nodes.map((n) => n.id).filter((id) => ctx.graph.hasNode(id)));
    const edges = graph.edges.map((e) => e.id).filter((id) => ctx.graph.hasEdge(id));
    for (const e of edges) {
      nodes.add(ctx.graph.source(e));
      nodes.add(ctx.graph.target(e));
    }
    if (nodes.size === 0) ctx.highlight(null);
    else ctx.highlight({ nodes: [...nodes], edges }, { only: only() });
  }

  async function run(): Promise<void> {
    // Sent as typed (not trimmed) so the positions Neo4j reports match the editor's text.
    const cypher = editor.getText();
    if (!cypher.trim() || outcome.kind === 'running') return;
    // A run is a history entry of its own (Back returns to the query before it).
    ctx.state.commit();
    const sent = currentParams();
    outcome = { kind: 'running' };
    editor.clearError();
    renderToolbar();
    renderOutput();
    try {
      const result = await ctx.api.query(cypher, sent);
      if (disposed) return;
      const notOnGraph = result.graph.nodes.filter((n) => !ctx.graph.hasNode(n.id)).length;
      outcome = { kind: 'result', result, notOnGraph };
      history = pushHistory(cypher, sent);
      applyHighlight();
      ctx.announce(ctx.t('console.ran', { rows: result.rows.length }));
    } catch (err) {
      if (disposed) return;
      const error = toConsoleError(err, cypher);
      outcome = { kind: 'error', error };
      if (error.kind === 'syntax' || error.position) editor.markError(error.message, error.position);
      if (error.kind === 'unavailable') void refreshHealth();
      ctx.announce(errorHeadline(error));
    }
    renderSide();
    renderToolbar();
    renderOutput();
  }

  function load(q: SavedQuery, runNow: boolean): void {
    loadedQuery = q.id;
    params = Object.fromEntries(q.params.map((p) => [p.name, p.default]));
    ctx.state.set({ query: q.id, cypher: null, params: null });
    editor.setText(q.cypher);
    ctx.state.set({ cypher: null });
    ctx.announce(ctx.t('console.loaded', { title: describe(ctx, q.title) }));
    renderSide();
    renderParams();
    if (runNow && health?.neo4j.connected !== false) void run();
  }

  function loadHistory(entry: HistoryEntry): void {
    params = { ...entry.params };
    const q = saved.find((s) => s.cypher === entry.cypher);
    loadedQuery = q?.id ?? null;
    ctx.state.set({ query: q?.id ?? null, params: Object.keys(params).length ? params : null });
    editor.setText(entry.cypher);
    renderParams();
    editor.focus();
  }

  function errorHeadline(e: ConsoleError): string {
    switch (e.kind) {
      case 'syntax':
        return e.position
          ? ctx.t('console.syntax', { line: e.position.line, column: e.position.column })
          : ctx.t('console.error');
      case 'refused':
        return ctx.t('console.refused');
      case 'unavailable':
        return ctx.t('console.unavailable');
      case 'timeout':
        return ctx.t('console.timeout');
      case 'too-large':
        return ctx.t('console.tooLarge');
      default:
        return ctx.t('console.error');
    }
  }

  function renderStatus(): void {
    if (!health && !healthError) {
      status.replaceChildren(h('span', { class: 'cq-dot cq-checking' }), ctx.t('console.neo4jChecking'));
      status.className = 'cq-status';
      return;
    }
    const up = health?.neo4j.connected === true;
    const recheck = h('button', { type: 'button', class: 'cq-recheck' }, ctx.t('console.recheck'));
    recheck.addEventListener('click', () => void refreshHealth());
    status.className = `cq-status ${up ? 'cq-up' : 'cq-down'}`;
    status.dataset.connected = String(up);
    status.replaceChildren(
      h('span', { class: 'cq-dot', 'aria-hidden': 'true' }),
      up
        ? ctx.t('console.neo4jUp', { version: health?.neo4j.version ?? '' })
        : h(
            'span',
            {},
            h('strong', {}, ctx.t('console.neo4jDown')),
            health?.neo4j.message ? h('span', { class: 'cq-status-msg' }, health.neo4j.message) : null,
            h('span', { class: 'cq-howto' }, ctx.t('console.howto')),
            recheck,
          ),
    );
  }

  async function refreshHealth(): Promise<void> {
    try {
      health = await ctx.api.health();
      healthError = false;
    } catch {
      health = null;
      healthError = true;
    }
    if (!disposed) renderStatus();
  }

  function renderSide(): void {
    const current = ctx.state.get().query;
    const groups = new Map<string, SavedQuery[]>();
    for (const q of saved) {
      const cat = (q as SavedQuery & { category?: string }).category ?? 'other';
      groups.set(cat, [...(groups.get(cat) ?? []), q]);
    }
    const savedList = [...groups].map(([cat, qs]) => {
      const key = `console.category.${cat}`;
      const title = ctx.t(key) === key ? cat : ctx.t(key);
      return h(
        'div',
        { class: 'cq-group' },
        h('h4', {}, title),
        h(
          'ul',
          {},
          qs.map((q) => {
            const b = h(
              'button',
              {
                type: 'button',
                class: 'cq-saved-query',
                'data-query': q.id,
                'aria-current': q.id === current ? 'true' : null,
                title: describe(ctx, q.description),
              },
              describe(ctx, q.title),
            );
            b.addEventListener('click', () => load(q, true));
            return h('li', {}, b);
          }),
        ),
      );
    });
    const historyItems = history.map((entry) => {
      const b = h(
        'button',
        { type: 'button', class: 'cq-history-item', title: entry.cypher },
        entry.cypher.replace(/\s+/g, ' ').slice(0, 90),
      );
      b.addEventListener('click', () => loadHistory(entry));
      return h('li', {}, b);
    });
    const clear = h('button', { type: 'button', class: 'cq-history-clear' }, ctx.t('console.historyClear'));
    clear.addEventListener('click', () => {
      clearHistory();
      history = [];
      renderSide();
    });
    const wasOpen = side.querySelector('details')?.open ?? false;
    side.replaceChildren(
      h('h3', {}, ctx.t('console.saved')),
      h('div', { class: 'cq-saved' }, savedList),
      h(
        'details',
        { class: 'cq-history', open: wasOpen },
        h('summary', {}, `${ctx.t('console.history')} (${history.length})`),
        history.length > 0
          ? [h('ol', {}, historyItems), clear]
          : h('p', { class: 'cq-muted' }, ctx.t('console.historyEmpty')),
      ),
    );
  }

  function renderParams(): void {
    const names = paramNames(editor.getText());
    const q = openQuery();
    if (names.length === 0) {
      paramsBox.replaceChildren();
      return;
    }
    const fields = names.map((name) => {
      const spec = q?.params.find((p) => p.name === name);
      const value = name in params ? params[name] : spec?.default;
      const id = `cq-param-${name}`;
      const input = h('input', {
        id,
        type: 'text',
        class: 'cq-param-input',
        'data-param': name,
        value: formatParamValue(value),
        placeholder: ctx.t('console.paramHint'),
      });
      input.addEventListener('input', () => {
        params = { ...params, [name]: parseParamInput(input.value, spec?.default) };
        ctx.state.set({ params: { ...params } });
      });
      input.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
          ev.preventDefault();
          void run();
        }
      });
      const description = spec ? describe(ctx, spec.description) : '';
      if (description) input.title = description;
      return h(
        'span',
        { class: 'cq-param' },
        h(
          'label',
          { for: id },
          h('code', {}, `$${name}`),
          description ? h('span', { class: 'sr-only' }, ` ${description}`) : null,
        ),
        input,
      );
    });
    paramsBox.replaceChildren(
      h('div', { class: 'cq-param-list', role: 'group', 'aria-label': ctx.t('console.params') }, fields),
    );
  }

  function renderToolbar(): void {
    const running = outcome.kind === 'running';
    const runButton = h(
      'button',
      { type: 'button', class: 'cq-run', 'aria-keyshortcuts': 'Control+Enter Meta+Enter', disabled: running },
      running ? ctx.t('console.running') : ctx.t('console.run'),
    );
    runButton.addEventListener('click', () => void run());
    const toggle = h('input', { type: 'checkbox', id: 'cq-only', class: 'cq-only', checked: only() });
    toggle.addEventListener('change', () => {
      ctx.state.set({ extra: { ...ctx.state.get().extra, [ONLY_KEY]: toggle.checked ? '1' : '' } });
      applyHighlight();
    });
    const clear = h('button', { type: 'button', class: 'cq-clear' }, ctx.t('console.clearHighlight'));
    clear.addEventListener('click', () => ctx.highlight(null));
    toolbar.replaceChildren(
      runButton,
      h('span', { class: 'cq-muted cq-hint' }, ctx.t('console.runHint')),
      h('span', { class: 'cq-only-wrap' }, toggle, h('label', { for: 'cq-only' }, ctx.t('console.only'))),
      clear,
    );
  }

  function renderOutput(): void {
    switch (outcome.kind) {
      case 'idle':
        output.replaceChildren();
        return;
      case 'running':
        output.replaceChildren(h('p', { class: 'cq-muted' }, ctx.t('console.running')));
        return;
      case 'error': {
        const e = outcome.error;
        output.replaceChildren(
          h(
            'div',
            { class: `cq-error cq-error-${e.kind}`, role: 'alert', 'data-kind': e.kind, 'data-code': e.code },
            h('strong', {}, errorHeadline(e)),
            e.kind === 'unavailable' ? h('p', {}, ctx.t('console.howto')) : null,
            h('pre', { class: 'cq-error-message' }, e.message),
            h('p', { class: 'cq-muted' }, e.code),
          ),
        );
        return;
      }
      case 'result': {
        const { result, notOnGraph } = outcome;
        const nodes = result.graph.nodes.filter((n) => ctx.graph.hasNode(n.id)).length;
        const edges = result.graph.edges.filter((e) => ctx.graph.hasEdge(e.id)).length;
        const parts: (Node | null)[] = [
          h(
            'p',
            { class: 'cq-meta' },
            h(
              'span',
              { class: 'cq-time' },
              ctx.t('console.rows', { rows: result.rows.length, ms: Math.round(result.timeMs) }),
            ),
            nodes + edges > 0 ? h('span', {}, ` · ${ctx.t('console.rowsGraph', { nodes, edges })}`) : null,
            notOnGraph > 0 ? h('span', {}, ` · ${ctx.t('console.notOnGraph', { count: notOnGraph })}`) : null,
          ),
          result.truncated
            ? h(
                'p',
                { class: 'cq-truncated', role: 'note' },
                ctx.t('console.truncated', { rows: result.rows.length }),
              )
            : null,
          result.rows.length === 0
            ? h('p', { class: 'cq-muted' }, ctx.t('console.empty'))
            : h('div', { class: 'cq-table-scroll' }, renderResultTable(ctx, result)),
        ];
        output.replaceChildren(...parts.filter((p): p is Node => p !== null));
        return;
      }
    }
  }

  function renderAll(): void {
    root.setAttribute('aria-label', ctx.t('console.title'));
    editor.setLabels(ctx.t('console.editor'), ctx.t('console.placeholder'));
    renderStatus();
    renderSide();
    renderParams();
    renderToolbar();
    renderOutput();
  }

  renderAll();
  const offLang = ctx.onLangChange(() => renderAll());
  const offState = ctx.state.subscribe((s, prev) => {
    // Another part of the page (or a restored link) opened a different saved query.
    if (s.query !== prev.query && s.query && s.query !== loadedQuery) {
      const q = saved.find((x) => x.id === s.query);
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
        ctx.state.set({ cypher: null });
        if (!initial.params) params = Object.fromEntries(q.params.map((p) => [p.name, p.default]));
      }
      renderSide();
      renderParams();
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
