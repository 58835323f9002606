// Right-hand panel for the selected node: both names, properties, relationships grouped by type and direction
// (each opens the node at its other end), provenance of every fact, and for an economy its profile.
import { CATEGORY_COLORS } from '../../model/palette.js';
import type { AppContext } from '../context.js';
import { explorationPatch } from '../explore/slice.js';
import { startExploration } from '../explore/state.js';
import { detailItems } from '../print/sources.js';
import { propName, propValue } from '../props/text.js';
import { dataText, h } from '../ui/dom.js';
import { economyProfile, type ProfileItem } from './economy-profile.js';
import { nodeLink } from './node-link.js';
import { provenanceList } from './provenance.js';

function nodeButton(ctx: AppContext, node: string, detail?: string): HTMLElement {
  return nodeLink(ctx, node, { detail, swatch: true });
}

function edgeProvenance(ctx: AppContext, edges: string[]): HTMLElement | null {
  const prov = edges.flatMap((e) => ctx.graph.getEdgeAttribute(e, 'prov'));
  const notes = edges.map((e) => ctx.graph.getEdgeAttribute(e, 'note')).filter((n): n is string => !!n);
  if (prov.length === 0 && notes.length === 0) return null;
  return h(
    'details',
    { class: 'edge-prov' },
    h('summary', {}, `${ctx.t('details.provenance')} (${prov.length})`),
    notes.map((n) => h('p', { class: 'note', 'data-content': '' }, n)),
    provenanceList(ctx, prov, edges.length === 1 ? edges[0] : undefined),
  );
}

/** Groups longer than this start folded, behind an expander with the count, sub-grouped by the other end's label. */
const LARGE_GROUP = 12;

function relItem(ctx: AppContext, edge: string, other: string): HTMLElement {
  const props = ctx.graph.getEdgeAttribute(edge, 'props');
  const detail = Object.entries(props)
    .map(([k, v]) => `${propName(ctx.t, k)}: ${propValue(ctx.t, v)}`)
    .join('; ');
  return h(
    'li',
    { class: ctx.graph.getEdgeAttribute(edge, 'hidden') ? 'is-hidden' : undefined },
    nodeButton(ctx, other, detail || undefined),
    // A drafted fact still awaiting review (npm run review) is on the graph but not in Neo4j yet.
    ctx.graph.getEdgeAttribute(edge, 'draft')
      ? h('span', { class: 'chip muted draft-chip' }, ctx.t('details.pending'))
      : null,
    edgeProvenance(ctx, [edge]),
  );
}

function relGroup(ctx: AppContext, g: { type: string; out: boolean; edges: string[] }): HTMLElement {
  const { graph } = ctx;
  const otherOf = (edge: string) => (g.out ? graph.target(edge) : graph.source(edge));
  const large = g.edges.length > LARGE_GROUP;
  const byLabel = new Map<string, string[]>();
  if (large) {
    for (const edge of g.edges) {
      const label = graph.getNodeAttribute(otherOf(edge), 'category');
      byLabel.set(label, [...(byLabel.get(label) ?? []), edge]);
    }
  }
  const body = large
    ? [...byLabel.entries()]
        .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
        .map(([label, edges]) =>
          h(
            'div',
            { class: 'rel-subgroup', 'data-rel-label': label },
            h('h5', {}, `${ctx.t(`labels.${label}`)} (${edges.length})`),
            h(
              'ul',
              { class: 'rel-list' },
              edges.map((e) => relItem(ctx, e, otherOf(e))),
            ),
          ),
        )
    : h(
        'ul',
        { class: 'rel-list' },
        g.edges.map((e) => relItem(ctx, e, otherOf(e))),
      );
  return h(
    'details',
    {
      class: `rel-group${large ? ' rel-group-large' : ''}`,
      open: !large,
      'data-rel-group': `${g.out ? 'out' : 'in'}:${g.type}`,
    },
    h(
      'summary',
      {},
      h('span', { class: 'rel-arrow', 'aria-hidden': 'true' }, g.out ? '→' : '←'),
      `${ctx.t(`rel.${g.type}`)} `,
      h('span', { class: 'hint' }, `(${ctx.t(g.out ? 'details.outgoing' : 'details.incoming')})`),
      large
        ? h(
            'span',
            { class: 'rel-expander' },
            h('span', { class: 'when-closed' }, ctx.t('details.showAll', { count: g.edges.length })),
            h('span', { class: 'when-open' }, ctx.t('details.showFewer')),
          )
        : h('span', { class: 'count' }, String(g.edges.length)),
    ),
    body,
  );
}

function relationships(ctx: AppContext, node: string): HTMLElement {
  const { graph } = ctx;
  const groups = new Map<string, { type: string; out: boolean; edges: string[] }>();
  graph.forEachEdge(node, (edge, a, source) => {
    const out = source === node;
    const key = `${out ? 'out' : 'in'}:${a.relType}`;
    const g = groups.get(key) ?? { type: a.relType, out, edges: [] };
    g.edges.push(edge);
    groups.set(key, g);
  });
  const sorted = [...groups.values()].sort(
    (a, b) => Number(b.out) - Number(a.out) || a.type.localeCompare(b.type),
  );
  return h(
    'section',
    { class: 'rels', 'aria-labelledby': 'details-rels' },
    h('h3', { id: 'details-rels' }, `${ctx.t('details.relationships')} (${graph.degree(node)})`),
    sorted.map((g) => relGroup(ctx, g)),
  );
}

function profileList(ctx: AppContext, title: string, items: ProfileItem[], detail?: (d: string) => string) {
  return h(
    'div',
    { class: 'profile-block' },
    h('h4', {}, `${title} (${items.length})`),
    items.length === 0
      ? h('p', { class: 'hint' }, ctx.t('profile.none'))
      : h(
          'ul',
          { class: 'rel-list' },
          items.map((it) =>
            h(
              'li',
              {},
              nodeButton(ctx, it.node, it.detail ? (detail ? detail(it.detail) : it.detail) : undefined),
              edgeProvenance(ctx, it.edges),
            ),
          ),
        ),
  );
}

function absentList(ctx: AppContext, title: string, nodes: string[]) {
  if (nodes.length === 0) return null;
  return h(
    'div',
    { class: 'profile-block absent' },
    h('h4', {}, `${title} (${nodes.length})`),
    h(
      'ul',
      { class: 'rel-list' },
      nodes.map((n) => h('li', {}, nodeButton(ctx, n))),
    ),
  );
}

function profile(ctx: AppContext, economy: string): HTMLElement {
  const p = economyProfile(ctx.graph, economy);
  const statusText = (s: string) =>
    s
      .split(', ')
      .map((x) => ctx.t(`status.${x}`))
      .join(', ');
  const sessionText = (s: string) =>
    s
      .split(', ')
      .map((x) => ctx.t(`profile.${x}`))
      .join(', ');
  const absent = [
    absentList(ctx, ctx.t('profile.absentMeetings'), p.absentMeetings),
    absentList(ctx, ctx.t('profile.absentFrameworks'), p.absentFrameworks),
    absentList(ctx, ctx.t('profile.absentDialogues'), p.absentDialogues),
  ].filter((x): x is HTMLDivElement => x !== null);
  return h(
    'section',
    { class: 'profile', 'aria-labelledby': 'profile-title', 'data-profile': economy },
    h('h3', { id: 'profile-title' }, ctx.t('profile.title')),
    profileList(ctx, ctx.t('profile.meetings'), p.meetings, (d) => propValue(ctx.t, d)),
    profileList(ctx, ctx.t('profile.frameworks'), p.frameworks, (d) => propValue(ctx.t, d)),
    profileList(ctx, ctx.t('profile.projectsLed'), p.projectsLed, statusText),
    profileList(ctx, ctx.t('profile.projectsSupported'), p.projectsSupported, statusText),
    profileList(ctx, ctx.t('profile.dialogues'), p.sessions, sessionText),
    profileList(
      ctx,
      ctx.t('profile.roles'),
      p.roles.map((r) => ({
        ...r,
        detail: `${propValue(ctx.t, r.detail ?? '')} · ${ctx.nodeName(r.target)}`,
      })),
    ),
    h(
      'div',
      { class: 'absent-section' },
      h('h4', { class: 'absent-title' }, ctx.t('profile.absent')),
      absent.length ? absent : h('p', { class: 'hint' }, ctx.t('profile.noneAbsent')),
    ),
  );
}

function properties(ctx: AppContext, node: string): HTMLElement {
  const a = ctx.graph.getNodeAttributes(node);
  // [name, value, its language, whether the value is data (shown as written) rather than a translated word]
  const rows: [string, string, string | undefined, boolean][] = [
    [ctx.t('details.id'), node, undefined, true],
    [ctx.t('details.type'), ctx.t(`label.${a.category}`), undefined, false],
    [ctx.t('details.name'), a.name, 'en', true],
  ];
  if (a.nameZh) rows.push([ctx.t('details.nameZh'), a.nameZh, 'zh-Hant', true]);
  if (a.aliases.length) rows.push([ctx.t('details.aliases'), a.aliases.join(', '), undefined, true]);
  for (const [k, v] of Object.entries(a.props)) {
    const shown = propValue(ctx.t, v);
    rows.push([propName(ctx.t, k), shown, undefined, shown === String(v)]);
  }
  return h(
    'section',
    { 'aria-labelledby': 'details-props' },
    h('h3', { id: 'details-props' }, ctx.t('details.properties')),
    h(
      'dl',
      { class: 'props' },
      rows.flatMap(([k, v, lang, isData]) => [h('dt', {}, k), h('dd', { lang, 'data-content': isData }, v)]),
    ),
    a.note
      ? h('p', { class: 'note' }, h('strong', {}, `${ctx.t('details.note')}: `), dataText(a.note))
      : null,
  );
}

export function mountDetails(el: HTMLElement, ctx: AppContext): void {
  const render = () => {
    const node = ctx.state.get().selected;
    if (!node || !ctx.graph.hasNode(node)) {
      el.hidden = true;
      el.replaceChildren();
      return;
    }
    if (!ctx.details.has('node', node)) {
      // Sources and notes come on demand. The panel opens at once, so that the camera frames the selection in
      // the part of the graph the panel leaves visible, and fills in when they are here.
      el.hidden = false;
      delete el.dataset.node;
      el.replaceChildren(h('p', { class: 'hint', 'aria-busy': 'true' }, ctx.t('tabs.loading')));
      void ctx.details.ensure(detailItems(ctx.graph, node)).then(() => {
        if (ctx.state.get().selected === node) render();
      });
      return;
    }
    const a = ctx.graph.getNodeAttributes(node);
    const other = ctx.lang === 'zh-Hant' ? a.name : a.nameZh;
    el.hidden = false;
    el.dataset.node = node;
    const parts: (HTMLElement | null)[] = [
      h(
        'div',
        { class: 'details-head' },
        h(
          'div',
          {},
          h(
            'span',
            { class: 'chip', style: `--chip:${CATEGORY_COLORS[a.category]}` },
            ctx.t(`label.${a.category}`),
          ),
          a.hidden ? h('span', { class: 'chip muted' }, ctx.t('details.hidden')) : null,
          a.draft ? h('span', { class: 'chip muted draft-chip' }, ctx.t('details.pending')) : null,
          h('h2', { id: 'details-title', tabindex: '-1' }, ctx.nodeName(node)),
          other && other !== ctx.nodeName(node)
            ? h('p', { class: 'other-name', lang: ctx.lang === 'zh-Hant' ? 'en' : 'zh-Hant' }, other)
            : null,
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'icon-button',
            id: 'details-close',
            'aria-label': ctx.t('panel.close'),
            title: ctx.t('panel.close'),
            onclick: () => ctx.select(null),
          },
          '×',
        ),
      ),
      h(
        'div',
        { class: 'details-actions' },
        h(
          'button',
          { type: 'button', class: 'small-button', onclick: () => ctx.state.set({ pathFrom: node }) },
          ctx.t('details.pathFrom'),
        ),
        h(
          'button',
          { type: 'button', class: 'small-button', onclick: () => ctx.state.set({ pathTo: node }) },
          ctx.t('details.pathTo'),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'small-button',
            id: 'details-explore',
            onclick: () =>
              ctx.state.set({
                selected: node,
                ...explorationPatch(ctx.state.get(), startExploration(node)),
              }),
          },
          ctx.t('explore.enter'),
        ),
      ),
      properties(ctx, node),
      a.category === 'Economy' ? profile(ctx, node) : null,
      relationships(ctx, node),
      h(
        'section',
        { 'aria-labelledby': 'details-prov' },
        h('h3', { id: 'details-prov' }, `${ctx.t('details.provenance')} (${a.prov.length})`),
        provenanceList(ctx, a.prov, node),
      ),
    ];
    el.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
    el.scrollTop = 0;
  };
  render();
  ctx.onLangChange(render);
  ctx.state.subscribe((s, prev) => {
    if (s.selected !== prev.selected) render();
    else if (s.selected && (s.hiddenLabels !== prev.hiddenLabels || s.hiddenRels !== prev.hiddenRels))
      render();
  });
}
