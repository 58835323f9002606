// Shortest paths between two chosen nodes over what is visible: the k shortest alternatives, each read as a
// chain ("Viet Nam –attended→ DPS 50 ←attended– Japan") with the sources of its relationships; hubs, nodes
// above a degree and relationship types can be left out. Options live in the URL's feature slots.
import { REL_TYPES } from '../../model/vocabulary.js';
import type { AppContext } from '../context.js';
import { filterSpecChanged } from '../graph/apply-filters.js';
import { fitView } from '../graph/camera.js';
import { kShortestPaths, type PathResult, type PathStep } from '../graph/shortest-path.js';
import { createCombobox } from '../search/combobox.js';
import { createGraphSearch } from '../search/graph-search.js';
import { h, rerender } from '../ui/dom.js';
import { nodeLink } from './node-link.js';
import {
  MAX_K,
  type PathSettings,
  readPathSettings,
  toPathOptions,
  writePathSettings,
} from './path-options.js';
import { provenanceList } from './provenance.js';

/** "–attended→" or "←attended–" for each relationship of a step, in the reading direction. */
export function stepText(step: PathStep, relName: (type: string) => string): string {
  return step.edges.map((e) => (e.forward ? `–${relName(e.relType)}→` : `←${relName(e.relType)}–`)).join(' ');
}

export function mountPath(el: HTMLElement, ctx: AppContext): void {
  const index = createGraphSearch(ctx.graph);
  const settings = () => readPathSettings(ctx.state.get().extra);
  const setSettings = (patch: Partial<PathSettings>) =>
    ctx.state.set({ extra: writePathSettings(ctx.state.get().extra, patch) });
  const from = createCombobox(ctx, index, {
    id: 'path-from',
    labelKey: 'path.from',
    onChoose: (node) => {
      from.setValue(node);
      ctx.state.set({ pathFrom: node });
    },
  });
  const to = createCombobox(ctx, index, {
    id: 'path-to',
    labelKey: 'path.to',
    onChoose: (node) => {
      to.setValue(node);
      ctx.state.set({ pathTo: node });
    },
  });
  const avoidAdd = createCombobox(ctx, index, {
    id: 'path-avoid',
    labelKey: 'path.avoidAdd',
    onChoose: (node) => {
      avoidAdd.setValue(null);
      setSettings({ avoidNodes: [...settings().avoidNodes, node] });
    },
  });
  const relTypes = [...new Set(ctx.graph.mapEdges((_e, a) => a.relType))].sort(
    (a, b) => REL_TYPES.indexOf(a) - REL_TYPES.indexOf(b),
  );
  const title = h('h3', { id: 'path-title' });
  const fromLabel = h('span', { class: 'field-label', 'aria-hidden': 'true' });
  const toLabel = h('span', { class: 'field-label', 'aria-hidden': 'true' });
  const clear = h('button', {
    type: 'button',
    class: 'link-button',
    id: 'path-clear',
    onclick: () => ctx.state.set({ pathFrom: null, pathTo: null }),
  });
  const options = h('div', { class: 'path-options-box' });
  const result = h('div', { class: 'path-result', id: 'path-result', 'aria-live': 'polite' });
  el.replaceChildren(
    h('div', { class: 'section-head' }, title, clear),
    h('div', { class: 'path-field' }, fromLabel, from.root),
    h('div', { class: 'path-field' }, toLabel, to.root),
    options,
    result,
  );
  el.setAttribute('aria-labelledby', 'path-title');

  let optionsOpen = false;
  const renderOptions = () => {
    const s = settings();
    const count = s.avoidNodes.length + s.avoidRels.length + (s.maxDegree === null ? 0 : 1);
    const details = h(
      'details',
      { class: 'path-options', open: optionsOpen || undefined },
      h('summary', {}, `${ctx.t('path.options')}${count ? ` (${count})` : ''}`),
      h('p', { class: 'hint' }, ctx.t('path.visibleOnly')),
      h('h4', {}, ctx.t('path.avoidNodes')),
      h(
        'ul',
        { class: 'chips', id: 'path-avoided' },
        s.avoidNodes.map((n) =>
          h(
            'li',
            { 'data-node': n },
            ctx.nodeName(n),
            h(
              'button',
              {
                type: 'button',
                class: 'chip-remove',
                'data-focus-key': `allow-${n}`,
                'aria-label': ctx.t('path.allow', { name: ctx.nodeName(n) }),
                title: ctx.t('path.allow', { name: ctx.nodeName(n) }),
                onclick: () => setSettings({ avoidNodes: s.avoidNodes.filter((x) => x !== n) }),
              },
              '×',
            ),
          ),
        ),
      ),
      avoidAdd.root,
      h(
        'label',
        { class: 'path-inline' },
        h('span', {}, ctx.t('path.maxDegree')),
        h('input', {
          type: 'number',
          id: 'path-max-degree',
          'data-focus-key': 'max-degree',
          min: 1,
          step: 1,
          value: s.maxDegree ?? '',
          onchange: (e: Event) => {
            const v = Number((e.target as HTMLInputElement).value);
            setSettings({ maxDegree: Number.isInteger(v) && v >= 1 ? v : null });
          },
        }),
      ),
      h(
        'label',
        { class: 'path-inline' },
        h('span', {}, ctx.t('path.k')),
        h(
          'select',
          {
            id: 'path-k',
            'data-focus-key': 'k',
            onchange: (e: Event) => setSettings({ k: Number((e.target as HTMLSelectElement).value) }),
          },
          Array.from({ length: MAX_K }, (_v, i) =>
            h('option', { value: i + 1, selected: s.k === i + 1 }, String(i + 1)),
          ),
        ),
      ),
      h('h4', {}, ctx.t('path.avoidRels')),
      h(
        'ul',
        { class: 'check-list' },
        relTypes.map((type) =>
          h(
            'li',
            {},
            h(
              'label',
              {},
              h('input', {
                type: 'checkbox',
                'data-path-rel': type,
                'data-focus-key': `path-rel-${type}`,
                checked: s.avoidRels.includes(type),
                onchange: () =>
                  setSettings({
                    avoidRels: s.avoidRels.includes(type)
                      ? s.avoidRels.filter((r) => r !== type)
                      : [...s.avoidRels, type],
                  }),
              }),
              h('span', { class: 'option-name' }, ctx.t(`rel.${type}`)),
            ),
          ),
        ),
      ),
    );
    details.addEventListener('toggle', () => {
      optionsOpen = details.open;
    });
    rerender(options, () => options.replaceChildren(details));
  };

  const alternative = (path: PathResult, i: number, shown: boolean, ends: Set<string>) => {
    const chain: HTMLElement[] = [];
    path.nodes.forEach((node, j) => {
      chain.push(
        h(
          'li',
          { class: 'path-node', 'data-node': node },
          nodeLink(ctx, node, { swatch: true }),
          ends.has(node)
            ? null
            : h(
                'button',
                {
                  type: 'button',
                  class: 'chip-remove path-avoid-node',
                  'data-avoid': node,
                  'aria-label': ctx.t('path.avoid', { name: ctx.nodeName(node) }),
                  title: ctx.t('path.avoid', { name: ctx.nodeName(node) }),
                  onclick: () => setSettings({ avoidNodes: [...settings().avoidNodes, node] }),
                },
                '×',
              ),
        ),
      );
      const step = path.steps[j];
      if (step)
        chain.push(
          h(
            'li',
            { class: 'path-step' },
            stepText(step, (t) => ctx.t(`rel.${t}`)),
          ),
        );
    });
    const prov = path.steps.flatMap((step) =>
      step.edges.map((e) => ({ step, edge: e, prov: ctx.graph.getEdgeAttribute(e.key, 'prov') })),
    );
    return h(
      'li',
      { class: `path-alt${shown ? ' is-shown' : ''}`, 'data-path-index': i },
      h(
        'div',
        { class: 'path-alt-head' },
        h('span', { class: 'path-alt-title' }, ctx.t('path.alt', { n: i + 1, hops: path.steps.length })),
        h(
          'button',
          {
            type: 'button',
            class: 'small-button path-show',
            'aria-pressed': shown ? 'true' : 'false',
            onclick: () => {
              shownIndex = i;
              render(true);
            },
          },
          ctx.t('path.show'),
        ),
      ),
      h('ol', { class: 'path-list path-chain' }, chain),
      h(
        'details',
        { class: 'edge-prov path-sources' },
        h('summary', {}, ctx.t('path.sources', { count: prov.reduce((n, p) => n + p.prov.length, 0) })),
        prov.map(({ step, edge, prov: list }) =>
          h(
            'div',
            { class: 'path-source', 'data-edge': edge.key },
            h(
              'p',
              { class: 'path-source-fact' },
              `${ctx.nodeName(step.from)} ${stepText({ ...step, edges: [edge] }, (t) => ctx.t(`rel.${t}`))} ${ctx.nodeName(step.to)}`,
            ),
            provenanceList(ctx, list),
          ),
        ),
      ),
    );
  };

  let shownKey = '';
  let shownIndex = 0;
  let lastKey = '';
  const render = (fly: boolean) => {
    const { pathFrom, pathTo } = ctx.state.get();
    title.textContent = ctx.t('path.title');
    fromLabel.textContent = ctx.t('path.from');
    toLabel.textContent = ctx.t('path.to');
    clear.textContent = ctx.t('path.clear');
    clear.hidden = !pathFrom && !pathTo;
    if (document.activeElement !== from.input) from.setValue(pathFrom);
    if (document.activeElement !== to.input) to.setValue(pathTo);
    renderOptions();
    const s = settings();
    const key = `${pathFrom}|${pathTo}|${JSON.stringify(s)}`;
    if (key !== lastKey) shownIndex = 0;
    lastKey = key;
    const paths = pathFrom && pathTo ? kShortestPaths(ctx.graph, pathFrom, pathTo, toPathOptions(s)) : [];
    if (!paths.length) {
      result.replaceChildren(
        !pathFrom || !pathTo
          ? pathFrom || pathTo
            ? h('p', { class: 'hint' }, ctx.t('path.pick'))
            : ''
          : h('p', { class: 'hint', 'data-path': 'none' }, ctx.t('path.none')),
      );
      if (shownKey) ctx.highlight(null);
      shownKey = '';
      return;
    }
    // The relationships' quotes come on demand (GET /api/graph carries none): draw again once they are here.
    const unloaded = paths
      .flatMap((p) => p.steps.flatMap((step) => step.edges.map((e) => e.key)))
      .filter((k) => !ctx.details.has('edge', k));
    if (unloaded.length > 0) void ctx.details.ensure({ edges: unloaded }).then(() => render(false));
    const shown = paths[Math.min(shownIndex, paths.length - 1)] as PathResult;
    const highlightKey = `${key}|${shown.nodes.join()}`;
    if (highlightKey !== shownKey) {
      ctx.highlight({ nodes: shown.nodes, edges: shown.edges }, { source: 'path' });
      if (fly) void fitView(ctx.sigma, shown.nodes);
      shownKey = highlightKey;
    }
    const ends = new Set([pathFrom as string, pathTo as string]);
    result.replaceChildren(
      h(
        'p',
        { class: 'path-summary' },
        paths.length === 1
          ? ctx.t('path.found', { hops: shown.steps.length })
          : ctx.t('path.foundK', { count: paths.length }),
      ),
      h(
        'ol',
        { class: 'path-alternatives' },
        paths.map((p, i) => alternative(p, i, p === shown, ends)),
      ),
    );
  };
  render(false);
  ctx.onLangChange(() => render(false));
  ctx.state.subscribe((s, prev) => {
    const slots = (x: typeof s) => JSON.stringify(readPathSettings(x.extra));
    if (s.pathFrom !== prev.pathFrom || s.pathTo !== prev.pathTo || slots(s) !== slots(prev)) render(true);
    else if (filterSpecChanged(s, prev) && s.pathFrom && s.pathTo) render(false);
  });
}
