// One small view per region of the filter panel; each renders the model and hands patches to `set`.
import { PROJECT_STATUSES } from '../../../model/types.js';
import type { AppContext } from '../../context.js';
import { formatCount } from '../../graph/counts.js';
import type { FilterSpec } from '../../graph/filters.js';
import { h } from '../../ui/dom.js';
import {
  dateValue,
  type FilterCounts,
  type FilterOptions,
  RESET_FILTERS,
  toggleRel,
  toggleStatus,
} from './model.js';

type Set = (patch: Partial<FilterSpec>) => void;

export function headView(ctx: AppContext, set: Set): HTMLElement {
  return h(
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
        onclick: () => set(RESET_FILTERS),
      },
      ctx.t('filters.reset'),
    ),
  );
}

export function relTypesView(
  ctx: AppContext,
  s: FilterSpec,
  options: FilterOptions,
  counts: FilterCounts,
  set: Set,
): HTMLElement {
  return h(
    'details',
    { class: 'rel-filter', open: s.hiddenRels.length > 0 },
    h('summary', {}, ctx.t('filters.rels')),
    h(
      'ul',
      { class: 'check-list' },
      options.relTypes.map((type) =>
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
              onchange: () => set(toggleRel(s, type, options)),
            }),
            h('span', { class: 'option-name' }, ctx.t(`rel.${type}`)),
            h('code', { class: 'rel-code' }, type),
            h('span', { class: 'count' }, formatCount(counts.rels.get(type))),
          ),
        ),
      ),
    ),
  );
}

export function meetingView(ctx: AppContext, s: FilterSpec, options: FilterOptions, set: Set): HTMLElement[] {
  return [
    h('h3', {}, h('label', { for: 'filter-meeting' }, ctx.t('filters.meeting'))),
    h(
      'select',
      {
        id: 'filter-meeting',
        'data-focus-key': 'meeting',
        'aria-describedby': 'filter-meeting-hint',
        onchange: (e: Event) => set({ meeting: (e.target as HTMLSelectElement).value || null }),
      },
      h('option', { value: '' }, ctx.t('filters.meetingAny')),
      options.meetings.map((m) =>
        h('option', { value: m.id, selected: s.meeting === m.id }, `${ctx.nodeName(m.id)} (${m.size})`),
      ),
    ),
    h('p', { class: 'hint', id: 'filter-meeting-hint' }, ctx.t('filters.meetingHint')),
  ];
}

export function statusView(ctx: AppContext, s: FilterSpec, counts: FilterCounts, set: Set): HTMLElement[] {
  return [
    h('h3', {}, ctx.t('filters.status')),
    h(
      'ul',
      { class: 'check-list' },
      PROJECT_STATUSES.map((status) =>
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
              onchange: () => set(toggleStatus(s, status)),
            }),
            h('span', { class: 'option-name' }, ctx.t(`status.${status}`)),
            h('span', { class: 'count' }, formatCount(counts.statuses.get(status))),
          ),
        ),
      ),
    ),
  ];
}

export function dateView(ctx: AppContext, s: FilterSpec, options: FilterOptions, set: Set): HTMLElement[] {
  const input = (id: string, key: 'dateFrom' | 'dateTo', label: string) =>
    h(
      'label',
      { class: 'date-field' },
      h('span', {}, label),
      h('input', {
        type: 'date',
        id,
        'data-focus-key': id,
        min: options.minDate || undefined,
        max: options.maxDate || undefined,
        value: s[key] && s[key].length === 10 ? s[key] : undefined,
        onchange: (e: Event) => set({ [key]: dateValue((e.target as HTMLInputElement).value) }),
      }),
    );
  return [
    h('h3', {}, ctx.t('filters.date')),
    h(
      'div',
      { class: 'date-range' },
      input('filter-date-from', 'dateFrom', ctx.t('filters.dateFrom')),
      input('filter-date-to', 'dateTo', ctx.t('filters.dateTo')),
    ),
    h('p', { class: 'hint' }, ctx.t('filters.dateHint')),
  ];
}

export function visibleCountView(ctx: AppContext, counts: FilterCounts): HTMLElement {
  return h(
    'p',
    {
      class: 'visible-count',
      id: 'visible-count',
      'data-nodes': counts.visible.nodes,
      'data-edges': counts.visible.edges,
    },
    ctx.t('filters.visible', {
      nodes: counts.visible.nodes,
      total: counts.total.nodes,
      edges: counts.visible.edges,
      totalEdges: counts.total.edges,
    }),
  );
}
