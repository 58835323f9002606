// The filter panel's pure state model: options from the graph, counts from `hidden`, the patches clicks make.
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { AppGraph } from '../../src/app/context.js';
import {
  dateValue,
  filterCounts,
  filterOptions,
  RESET_FILTERS,
  toggled,
  toggleRel,
  toggleStatus,
} from '../../src/app/panels/filters/model.js';
import { DEFAULT_STATE } from '../../src/app/url-state.js';
import type { NodeLabel, Props } from '../../src/model/types.js';

function fixture(): AppGraph {
  const g = new MultiDirectedGraph() as unknown as AppGraph;
  const node = (id: string, category: NodeLabel, props: Props = {}) =>
    g.addNode(id, { label: id, name: id, category, aliases: [], props, prov: [] } as never);
  const edge = (from: string, type: string, to: string) =>
    g.addDirectedEdgeWithKey(`${from}|${type}|${to}`, from, to, {
      relType: type,
      props: {},
      prov: [],
    } as never);
  node('TWN', 'Economy');
  node('KOR', 'Economy');
  node('mtg-b', 'Meeting', { startDate: '2025-08-04', endDate: '2025-08-06' });
  node('mtg-a', 'Meeting', { startDate: '2025-02-26' });
  node('p1', 'Project', { status: 'ongoing' });
  node('p2', 'Project', { status: 'ongoing' });
  edge('TWN', 'ATTENDED', 'mtg-a');
  edge('KOR', 'ATTENDED', 'mtg-a');
  edge('KOR', 'ATTENDED', 'mtg-b');
  edge('TWN', 'LEADS', 'p1');
  edge('KOR', 'ASKED', 'TWN');
  return g;
}

describe('filter model', () => {
  it('lists relationship types in vocabulary order and meetings by date with their neighbourhood size', () => {
    const o = filterOptions(fixture());
    expect(o.relTypes).toEqual(['ATTENDED', 'LEADS', 'ASKED']);
    expect(o.meetings.map((m) => m.id)).toEqual(['mtg-a', 'mtg-b']);
    expect(o.meetings[0]?.size).toBe(3);
    expect(o.minDate).toBe('2025-02-26');
    expect(o.maxDate).toBe('2025-08-06');
  });

  it('counts visible and total per option from the hidden flags', () => {
    const g = fixture();
    g.setNodeAttribute('p2', 'hidden', true);
    g.setEdgeAttribute('KOR|ATTENDED|mtg-b', 'hidden', true);
    const c = filterCounts(g);
    expect(c.rels.get('ATTENDED')).toEqual({ total: 3, visible: 2 });
    expect(c.statuses.get('ongoing')).toEqual({ total: 2, visible: 1 });
    expect(c.visible).toEqual({ nodes: 5, edges: 4 });
    expect(c.total).toEqual({ nodes: 6, edges: 5 });
  });

  it('toggles keep the canonical order whatever the click order', () => {
    expect(toggled(['c'], 'a', ['a', 'b', 'c'])).toEqual(['a', 'c']);
    expect(toggled(['a', 'c'], 'a', ['a', 'b', 'c'])).toEqual(['c']);
    const o = filterOptions(fixture());
    const s = { ...DEFAULT_STATE, hiddenRels: ['ASKED'] };
    expect(toggleRel(s, 'ATTENDED', o)).toEqual({ hiddenRels: ['ATTENDED', 'ASKED'] });
    expect(toggleStatus(DEFAULT_STATE, 'completed')).toEqual({ hiddenStatuses: ['completed'] });
  });

  it('takes only whole dates from a date input and resets every filter', () => {
    expect(dateValue('2025-02-26')).toBe('2025-02-26');
    expect(dateValue('')).toBeNull();
    expect(dateValue('2025-02')).toBeNull();
    const reset = { ...DEFAULT_STATE, ...RESET_FILTERS };
    expect(reset).toEqual(DEFAULT_STATE);
  });
});
