// Filters beyond the legend: relationship types, one meeting's neighbourhood, project status and dates.
import { PROJECT_STATUSES, type ProjectStatus } from '../../model/types.js';
import { REL_TYPES } from '../../model/vocabulary.js';
import type { AppContext } from '../context.js';
import { filterSpecChanged } from '../graph/apply-filters.js';
import { countEdgesByType, countNodesBy, formatCount, visibleTotals } from '../graph/counts.js';
import { nodePeriod } from '../graph/dates.js';
import { meetingNeighbourhood } from '../graph/filters.js';
import { DEFAULT_STATE } from '../url-state.js';
import { h, rerender } from './dom.js';

function toggled<T extends string>(list: T[], value: T, all: readonly T[]): T[] {
  const set = new Set(list);
  if (set.has(value)) set.delete(value);
  else set.add(value);
  return all.filter((v) => set.has(v));
}

export function mountFilters(el: HTMLElement, ctx: AppContext): void {
  const { graph } = ctx;
  const relTypes = [...new Set(graph.mapEdges((_e, a) => a.relType))].sort(
    (a, b) => REL_TYPES.indexOf(a) - REL_TYPES.indexOf(b) || a.localeCompare(b),
  );
  const meetings = graph
    .filterNodes((_n, a) => a.category === 'Meeting')
    .map((id) => ({ id, start: String(graph.getNodeAttribute(id, 'props').startDate ?? ''), size: 0 }))
    .sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
  for (const m of meetings) m.size = meetingNeighbourhood(graph, m.id).size;
  let minDate = '';
  let maxDate = '';
  graph.forEachNode((_n, a) => {
    const p = nodePeriod(a.props);
    if (!p) return;
    if (!minDate || p.start < minDate) minDate = p.start;
    if (!maxDate || p.end > maxDate) maxDate = p.end.slice(0, 10);
  });

  const build = () => {
    const s = ctx.state.get();
    const relCounts = countEdgesByType(graph);
    const statusCounts = countNodesBy(graph, (n) => {
      const a = graph.getNodeAttributes(n);
      return a.category === 'Project' ? String(a.props.status ?? '') : undefined;
    });
    const totals = visibleTotals(graph);

    const relList = h(
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
              'data-rel': type,
              'data-focus-key': `rel-${type}`,
              checked: !s.hiddenRels.includes(type),
              onchange: () => ctx.state.set({ hiddenRels: toggled(s.hiddenRels, type, relTypes) }),
            }),
            h('span', { class: 'option-name' }, ctx.t(`rel.${type}`)),
            h('code', { class: 'rel-code' }, type),
            h('span', { class: 'count' }, formatCount(relCounts.get(type))),
          ),
        ),
      ),
    );

    const meetingSelect = h(
      'select',
      {
        id: 'filter-meeting',
        'data-focus-key': 'meeting',
        'aria-describedby': 'filter-meeting-hint',
        onchange: (e: Event) => ctx.state.set({ meeting: (e.target as HTMLSelectElement).value || null }),
      },
      h('option', { value: '' }, ctx.t('filters.meetingAny')),
      meetings.map((m) =>
        h('option', { value: m.id, selected: s.meeting === m.id }, `${ctx.nodeName(m.id)} (${m.size})`),
      ),
    );

    const statusList = h(
      'ul',
      { class: 'check-list' },
      PROJECT_STATUSES.map((status: ProjectStatus) =>
        h(
          'li',
          {},
          h(
            'label',
            {},
            h('input', {
              type: 'checkbox',
              'data-status': status,
              'data-focus-key': `status-${status}`,
              checked: !s.hiddenStatuses.includes(status),
              onchange: () =>
                ctx.state.set({ hiddenStatuses: toggled(s.hiddenStatuses, status, PROJECT_STATUSES) }),
            }),
            h('span', { class: 'option-name' }, ctx.t(`status.${status}`)),
            h('span', { class: 'count' }, formatCount(statusCounts.get(status))),
          ),
        ),
      ),
    );

    const dateInput = (id: string, key: 'dateFrom' | 'dateTo', label: string) =>
      h(
        'label',
        { class: 'date-field' },
        h('span', {}, label),
        h('input', {
          type: 'date',
          id,
          'data-focus-key': id,
          min: minDate || undefined,
          max: maxDate || undefined,
          value: s[key] && s[key].length === 10 ? s[key] : undefined,
          onchange: (e: Event) => ctx.state.set({ [key]: (e.target as HTMLInputElement).value || null }),
        }),
      );

    el.replaceChildren(
      h(
        'div',
        { class: 'section-head' },
        h('h3', {}, ctx.t('filters.title')),
        h(
          'button',
          {
            type: 'button',
            class: 'link-button',
            id: 'filters-reset',
            'data-focus-key': 'reset',
            onclick: () =>
              ctx.state.set({
                hiddenLabels: DEFAULT_STATE.hiddenLabels,
                hiddenRels: DEFAULT_STATE.hiddenRels,
                hiddenStatuses: DEFAULT_STATE.hiddenStatuses,
                meeting: null,
                dateFrom: null,
                dateTo: null,
              }),
          },
          ctx.t('filters.reset'),
        ),
      ),
      h(
        'details',
        { class: 'rel-filter', open: s.hiddenRels.length > 0 },
        h('summary', {}, ctx.t('filters.rels')),
        relList,
      ),
      h('h3', {}, h('label', { for: 'filter-meeting' }, ctx.t('filters.meeting'))),
      meetingSelect,
      h('p', { class: 'hint', id: 'filter-meeting-hint' }, ctx.t('filters.meetingHint')),
      h('h3', {}, ctx.t('filters.status')),
      statusList,
      h('h3', {}, ctx.t('filters.date')),
      h(
        'div',
        { class: 'date-range' },
        dateInput('filter-date-from', 'dateFrom', ctx.t('filters.dateFrom')),
        dateInput('filter-date-to', 'dateTo', ctx.t('filters.dateTo')),
      ),
      h('p', { class: 'hint' }, ctx.t('filters.dateHint')),
      h(
        'p',
        {
          class: 'visible-count',
          id: 'visible-count',
          'data-nodes': totals.nodes,
          'data-edges': totals.edges,
        },
        ctx.t('filters.visible', {
          nodes: totals.nodes,
          total: graph.order,
          edges: totals.edges,
          totalEdges: graph.size,
        }),
      ),
    );
  };
  const render = () => rerender(el, build);
  render();
  ctx.onLangChange(render);
  ctx.state.subscribe((s, prev) => {
    if (filterSpecChanged(s, prev)) render();
  });
}
