// Right-hand panel for the selected node: both names, properties, relationships grouped by type and direction
// (each opens the node at its other end), provenance of every fact, and for an economy its profile.
import { CATEGORY_COLORS } from '../../model/palette.js';
import type { PropValue } from '../../model/types.js';
import type { AppContext } from '../context.js';
import { h } from './dom.js';
import { economyProfile, type ProfileItem } from './economy-profile.js';
import { provenanceList } from './provenance.js';

function formatValue(v: PropValue): string {
  return Array.isArray(v) ? v.join(', ') : String(v);
}

function nodeButton(ctx: AppContext, node: string, extra?: string): HTMLElement {
  const category = ctx.graph.getNodeAttribute(node, 'category');
  return h(
    'button',
    {
      type: 'button',
      class: 'node-link',
      'data-node': node,
      onclick: () => {
        ctx.select(node);
        void ctx.flyTo(node);
      },
    },
    h('span', { class: 'swatch', style: `background:${CATEGORY_COLORS[category]}`, 'aria-hidden': 'true' }),
    ctx.nodeName(node),
    extra ? h('span', { class: 'item-detail' }, extra) : null,
  );
}

function edgeProvenance(ctx: AppContext, edges: string[]): HTMLElement | null {
  const prov = edges.flatMap((e) => ctx.graph.getEdgeAttribute(e, 'prov'));
  const notes = edges.map((e) => ctx.graph.getEdgeAttribute(e, 'note')).filter((n): n is string => !!n);
  if (prov.length === 0 && notes.length === 0) return null;
  return h(
    'details',
    { class: 'edge-prov' },
    h('summary', {}, `${ctx.t('details.provenance')} (${prov.length})`),
    notes.map((n) => h('p', { class: 'note' }, n)),
    provenanceList(ctx, prov),
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
    sorted.map((g) =>
      h(
        'details',
        {
          class: 'rel-group',
          open: g.edges.length <= 12,
          'data-rel-group': `${g.out ? 'out' : 'in'}:${g.type}`,
        },
        h(
          'summary',
          {},
          h('span', { class: 'rel-arrow', 'aria-hidden': 'true' }, g.out ? '→' : '←'),
          `${ctx.t(`rel.${g.type}`)} `,
          h('span', { class: 'hint' }, `(${ctx.t(g.out ? 'details.outgoing' : 'details.incoming')})`),
          h('span', { class: 'count' }, String(g.edges.length)),
        ),
        h(
          'ul',
          { class: 'rel-list' },
          g.edges.map((edge) => {
            const other = g.out ? graph.target(edge) : graph.source(edge);
            const props = graph.getEdgeAttribute(edge, 'props');
            const detail = Object.entries(props)
              .map(([k, v]) => `${k}: ${formatValue(v)}`)
              .join('; ');
            return h(
              'li',
              { class: graph.getEdgeAttribute(edge, 'hidden') ? 'is-hidden' : undefined },
              nodeButton(ctx, other, detail || undefined),
              edgeProvenance(ctx, [edge]),
            );
          }),
        ),
      ),
    ),
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
    profileList(ctx, ctx.t('profile.meetings'), p.meetings),
    profileList(ctx, ctx.t('profile.frameworks'), p.frameworks),
    profileList(ctx, ctx.t('profile.projectsLed'), p.projectsLed, statusText),
    profileList(ctx, ctx.t('profile.projectsSupported'), p.projectsSupported, statusText),
    profileList(ctx, ctx.t('profile.dialogues'), p.sessions, sessionText),
    profileList(
      ctx,
      ctx.t('profile.roles'),
      p.roles.map((r) => ({ ...r, detail: `${r.detail} · ${ctx.nodeName(r.target)}` })),
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
  const rows: [string, string, string?][] = [
    [ctx.t('details.id'), node],
    [ctx.t('details.type'), ctx.t(`label.${a.category}`)],
    [ctx.t('details.name'), a.name, 'en'],
  ];
  if (a.nameZh) rows.push([ctx.t('details.nameZh'), a.nameZh, 'zh-Hant']);
  if (a.aliases.length) rows.push([ctx.t('details.aliases'), a.aliases.join(', ')]);
  for (const [k, v] of Object.entries(a.props)) rows.push([k, formatValue(v)]);
  return h(
    'section',
    { 'aria-labelledby': 'details-props' },
    h('h3', { id: 'details-props' }, ctx.t('details.properties')),
    h(
      'dl',
      { class: 'props' },
      rows.flatMap(([k, v, lang]) => [h('dt', {}, k), h('dd', { lang }, v)]),
    ),
    a.note ? h('p', { class: 'note' }, h('strong', {}, `${ctx.t('details.note')}: `), a.note) : null,
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
