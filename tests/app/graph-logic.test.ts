// Filters, dates, shortest path and the economy profile on a small hand-made graph.
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { nodePeriod, overlaps } from '../../src/app/graph/dates.js';
import { computeVisibility, type FilterSpec, meetingNeighbourhood } from '../../src/app/graph/filters.js';
import { shortestPath } from '../../src/app/graph/shortest-path.js';
import { economyProfile } from '../../src/app/panels/economy-profile.js';
import type { EdgeAttributes, NodeAttributes, NodeLabel, Props } from '../../src/model/types.js';

const PROV = [{ source: 'src', section: '1', quote: 'q' }];

function fixture() {
  const g = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  const node = (id: string, category: NodeLabel, props: Props = {}) =>
    g.addNode(id, { label: id, name: id, category, aliases: [], props, prov: PROV });
  const edge = (from: string, type: string, to: string, props: Props = {}) =>
    g.addDirectedEdgeWithKey(`${from}|${type}|${to}`, from, to, { relType: type, props, prov: PROV });
  node('TWN', 'Economy');
  node('KOR', 'Economy');
  node('USA', 'Economy');
  node('mtg-a', 'Meeting', { startDate: '2025-02-26' });
  node('mtg-b', 'Meeting', { startDate: '2025-08-04', endDate: '2025-08-06' });
  node('ses-a-1', 'Session', { date: '2025-02-26', kind: 'policy-dialogue', agendaItem: '1' });
  node('ses-a-2', 'Session', { date: '2025-02-26', kind: 'policy-dialogue', agendaItem: '2' });
  node('cbpr', 'Framework');
  node('prp', 'Framework');
  node('proj-1', 'Project', { status: 'ongoing' });
  node('proj-2', 'Project', { status: 'proposed' });
  node('init-old', 'Initiative', { year: 2019 });
  node('person-x', 'Person');
  node('desg', 'Forum');
  edge('ses-a-1', 'PART_OF', 'mtg-a');
  edge('ses-a-2', 'PART_OF', 'mtg-a');
  edge('TWN', 'ATTENDED', 'mtg-a', { mode: 'in-person' });
  edge('KOR', 'ATTENDED', 'mtg-a', { mode: 'virtual' });
  edge('KOR', 'ATTENDED', 'mtg-b', { mode: 'in-person' });
  edge('TWN', 'SPOKE_IN', 'ses-a-1');
  edge('USA', 'LED', 'ses-a-2');
  edge('TWN', 'PARTICIPATES_IN', 'cbpr');
  edge('KOR', 'PARTICIPATES_IN', 'prp');
  edge('TWN', 'LEADS', 'proj-1');
  edge('TWN', 'SUPPORTS', 'proj-2');
  edge('TWN', 'PRESENTED', 'init-old');
  edge('person-x', 'REPRESENTS', 'TWN');
  edge('person-x', 'HOLDS_ROLE', 'desg', { role: 'chair' });
  return g;
}

const NO_FILTER: FilterSpec = {
  hiddenLabels: [],
  hiddenRels: [],
  hiddenStatuses: [],
  meeting: null,
  dateFrom: null,
  dateTo: null,
};

describe('dates', () => {
  it('reads start/end, date or year as a period', () => {
    expect(nodePeriod({ startDate: '2025-08-04', endDate: '2025-08-06' })).toEqual({
      start: '2025-08-04',
      end: '2025-08-06',
    });
    expect(nodePeriod({ year: 2019 })).toEqual({ start: '2019-01-01', end: '2019-12-31' });
    expect(nodePeriod({ name: 'x' })).toBeUndefined();
  });

  it('compares partial bounds as whole periods', () => {
    const feb26 = { start: '2025-02-26', end: '2025-02-26' };
    expect(overlaps(feb26, '2025-02', '2025-02')).toBe(true);
    expect(overlaps(feb26, '2025-03', null)).toBe(false);
    expect(overlaps(feb26, null, '2024')).toBe(false);
    expect(overlaps(feb26, null, null)).toBe(true);
  });
});

describe('computeVisibility', () => {
  it('hides nothing without filters', () => {
    const v = computeVisibility(fixture(), NO_FILTER);
    expect(v.hiddenNodes.size).toBe(0);
    expect(v.hiddenEdges.size).toBe(0);
  });

  it('hides a label and every relationship touching it', () => {
    const v = computeVisibility(fixture(), { ...NO_FILTER, hiddenLabels: ['Person'] });
    expect([...v.hiddenNodes]).toEqual(['person-x']);
    expect([...v.hiddenEdges].sort()).toEqual(['person-x|HOLDS_ROLE|desg', 'person-x|REPRESENTS|TWN']);
  });

  it('hides relationship types without hiding nodes', () => {
    const v = computeVisibility(fixture(), { ...NO_FILTER, hiddenRels: ['ATTENDED'] });
    expect(v.hiddenNodes.size).toBe(0);
    expect(v.hiddenEdges.size).toBe(3);
  });

  it('hides projects by status only', () => {
    const v = computeVisibility(fixture(), { ...NO_FILTER, hiddenStatuses: ['proposed'] });
    expect([...v.hiddenNodes]).toEqual(['proj-2']);
  });

  it('keeps a meeting, its sessions and their neighbours', () => {
    const g = fixture();
    expect([...meetingNeighbourhood(g, 'mtg-a')].sort()).toEqual(
      ['KOR', 'TWN', 'USA', 'mtg-a', 'ses-a-1', 'ses-a-2'].sort(),
    );
    const v = computeVisibility(g, { ...NO_FILTER, meeting: 'mtg-a' });
    expect(v.hiddenNodes.has('cbpr')).toBe(true);
    expect(v.hiddenNodes.has('USA')).toBe(false);
  });

  it('hides dated nodes outside the range and leaves undated ones', () => {
    const v = computeVisibility(fixture(), { ...NO_FILTER, dateFrom: '2025-01-01', dateTo: '2025-03-31' });
    expect([...v.hiddenNodes].sort()).toEqual(['init-old', 'mtg-b']);
  });
});

describe('shortestPath', () => {
  it('follows relationships in either direction and lists each step', () => {
    const g = fixture();
    const p = shortestPath(g, 'USA', 'cbpr');
    expect(p?.nodes).toEqual(['USA', 'ses-a-2', 'mtg-a', 'TWN', 'cbpr']);
    expect(p?.steps[1]?.edges).toEqual([{ key: 'ses-a-2|PART_OF|mtg-a', relType: 'PART_OF', forward: true }]);
    expect(p?.steps[2]?.edges[0]?.forward).toBe(false);
    expect(p?.edges).toHaveLength(4);
  });

  it('answers null when there is no path or a node is unknown', () => {
    const g = fixture();
    g.addNode('island', { label: 'i', name: 'i', category: 'Topic', aliases: [], props: {}, prov: PROV });
    expect(shortestPath(g, 'TWN', 'island')).toBeNull();
    expect(shortestPath(g, 'TWN', 'nowhere')).toBeNull();
  });
});

describe('economyProfile', () => {
  it('lists what an economy takes part in, with details', () => {
    const p = economyProfile(fixture(), 'TWN');
    expect(p.meetings).toEqual([{ node: 'mtg-a', edges: ['TWN|ATTENDED|mtg-a'], detail: 'in-person' }]);
    expect(p.frameworks.map((f) => f.node)).toEqual(['cbpr']);
    expect(p.projectsLed).toEqual([{ node: 'proj-1', edges: ['TWN|LEADS|proj-1'], detail: 'ongoing' }]);
    expect(p.projectsSupported[0]?.detail).toBe('proposed');
    expect(p.sessions).toEqual([{ node: 'ses-a-1', edges: ['TWN|SPOKE_IN|ses-a-1'], detail: 'spoke' }]);
    expect(p.roles).toEqual([
      { node: 'person-x', target: 'desg', edges: ['person-x|HOLDS_ROLE|desg'], detail: 'chair' },
    ]);
  });

  it('lists what it is absent from', () => {
    const p = economyProfile(fixture(), 'TWN');
    expect(p.absentMeetings).toEqual(['mtg-b']);
    expect(p.absentDialogues).toEqual(['ses-a-2']);
    const usa = economyProfile(fixture(), 'USA');
    expect(usa.absentMeetings).toEqual(['mtg-a', 'mtg-b']);
    expect(usa.sessions[0]?.detail).toBe('led');
  });
});
