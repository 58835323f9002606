// The comparison table, from a small graph built like the coverage tests' fixture.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { compareToCsv } from '../../src/app/compare/csv.js';
import { compareEconomies, normaliseSelection } from '../../src/app/compare/model.js';
import { cellHighlight, focusHighlight, sortSlice, VIEW_SLICE } from '../../src/app/coverage/state.js';
import { readSlice } from '../../src/app/url-slices.js';
import { decodeState } from '../../src/app/url-state.js';
import { coverageMatrix, focusAreaCoverage } from '../../src/model/coverage.js';
import { toGraph } from '../../src/model/graph.js';
import { parseDataFiles } from '../../src/model/parse-files.js';

const P = '{ source: s, section: "1", quote: qq }';
const yaml = `nodes:
  - { id: AUS, label: Economy, name: Australia, prov: ${P} }
  - { id: RUS, label: Economy, name: Russia, prov: ${P} }
  - { id: BRN, label: Economy, name: Brunei, prov: ${P} }
  - { id: m1, label: Meeting, name: DPS 50, props: { startDate: 2025-02-26 }, prov: ${P} }
  - { id: m2, label: Meeting, name: DESG 1, props: { startDate: 2025-02-27 }, prov: ${P} }
  - { id: cbpr, label: Framework, name: CBPR, prov: ${P} }
  - { id: p1, label: Project, name: P1, props: { status: ongoing }, prov: ${P} }
  - { id: s61, label: Session, name: Dialogue 1, props: { kind: policy-dialogue, agendaItem: "6.1" }, prov: ${P} }
  - { id: kfa-1, label: FocusArea, name: Infrastructure, props: { number: 1 }, prov: ${P} }
  - { id: alice, label: Person, name: Alice, prov: ${P} }
  - { id: bob, label: Person, name: Bob, prov: ${P} }
  - { id: f1, label: Forum, name: DESG, prov: ${P} }
edges:
  - { type: ATTENDED, from: AUS, to: m1, props: { mode: in-person }, prov: ${P} }
  - { type: ATTENDED, from: AUS, to: m2, props: { mode: in-person }, prov: ${P} }
  - { type: ATTENDED, from: RUS, to: m2, props: { mode: virtual }, prov: ${P} }
  - { type: ATTENDED, from: BRN, to: m2, props: { mode: in-person }, prov: ${P} }
  - { type: PARTICIPATES_IN, from: AUS, to: cbpr, prov: ${P} }
  - { type: LEADS, from: AUS, to: p1, prov: ${P} }
  - { type: SUPPORTS, from: RUS, to: p1, prov: ${P} }
  - { type: SPOKE_IN, from: AUS, to: s61, prov: ${P} }
  - { type: LED, from: RUS, to: s61, prov: ${P} }
  - { type: ADDRESSES, from: p1, to: kfa-1, prov: ${P} }
  - { type: REPRESENTS, from: alice, to: AUS, prov: ${P} }
  - { type: REPRESENTS, from: bob, to: RUS, prov: ${P} }
  - { type: HOLDS_ROLE, from: alice, to: f1, props: { role: chair }, prov: ${P} }
  - { type: HOLDS_ROLE, from: bob, to: f1, props: { role: chair }, prov: ${P} }
`;
const parsed = parseDataFiles([{ path: 'fixture.yaml', text: yaml }]);
const graph = toGraph({ nodes: parsed.nodes, edges: parsed.edges, sourceTexts: new Map() });

describe('compareEconomies', () => {
  const t = compareEconomies(graph, ['AUS', 'RUS']);
  const section = (k: string) => t.sections.find((s) => s.key === k);
  const row = (k: string, node: string) => section(k)?.rows.find((r) => r.node === node);

  it('has the profile sections in order, a column per economy and counts', () => {
    expect(parsed.issues).toEqual([]);
    expect(t.economies).toEqual(['AUS', 'RUS']);
    expect(t.sections.map((s) => s.key)).toEqual([
      'meetings',
      'frameworks',
      'projectsLed',
      'projectsSupported',
      'dialoguesLed',
      'dialoguesSpoke',
      'roles',
      'absences',
    ]);
    expect(section('meetings')?.counts).toEqual([2, 1]);
  });

  it('marks presence and value differences, and not rows that agree', () => {
    expect(row('meetings', 'm1')?.cells.map((c) => c.present)).toEqual([true, false]);
    expect(row('meetings', 'm1')?.differs).toBe(true);
    // Both attended DESG 1, in person and online: a difference by mode.
    expect(row('meetings', 'm2')?.cells.map((c) => c.detail)).toEqual(['in-person', 'virtual']);
    expect(row('meetings', 'm2')?.differs).toBe(true);
    expect(row('projectsLed', 'p1')?.cells.map((c) => c.detail)).toEqual(['ongoing', '']);
    expect(row('dialoguesLed', 's61')?.cells.map((c) => c.present)).toEqual([false, true]);
    expect(row('dialoguesSpoke', 's61')?.cells.map((c) => c.present)).toEqual([true, false]);
    // Both chair the forum (different people): the same role, so no difference.
    expect(row('roles', 'f1')?.qualifier).toBe('chair');
    expect(row('roles', 'f1')?.cells.map((c) => c.detail)).toEqual(['alice', 'bob']);
    expect(row('roles', 'f1')?.differs).toBe(false);
    expect(row('absences', 'm1')?.cells.map((c) => c.present)).toEqual([false, true]);
    const same = compareEconomies(graph, ['RUS', 'BRN']);
    expect(same.sections[0]?.rows.find((r) => r.node === 'm2')?.differs).toBe(true);
    const agree = compareEconomies(graph, ['AUS', 'BRN']).sections[0]?.rows.find((r) => r.node === 'm2');
    expect(agree?.differs).toBe(false);
  });

  it('keeps a valid selection: known economies, no repeats, at most four', () => {
    const isEconomy = (id: string) => ['AUS', 'RUS', 'BRN', 'X1', 'X2'].includes(id);
    expect(normaliseSelection(['AUS', 'nope', 'AUS', 'RUS', 'BRN', 'X1', 'X2'], isEconomy)).toEqual([
      'AUS',
      'RUS',
      'BRN',
      'X1',
    ]);
  });

  it('writes CSV with a column per economy and the difference flag', () => {
    const csv = compareToCsv(t, {
      name: (id) => graph.getNodeAttribute(id, 'name'),
      section: (k) => k,
      cell: (_s, c) => (c.present ? c.detail || 'yes' : '—'),
      headers: { section: 'section', id: 'id', item: 'item', differs: 'differs' },
      yes: 'yes',
    });
    const rows = parse(csv) as string[][];
    expect(rows[0]).toEqual(['section', 'id', 'item', 'Australia', 'Russia', 'differs']);
    expect(rows).toContainEqual(['meetings', 'm2', 'DESG 1', 'in-person', 'virtual', 'yes']);
    expect(rows).toContainEqual(['roles', 'f1', 'DESG (chair)', 'alice', 'bob', '']);
  });
});

describe('coverage state', () => {
  const m = coverageMatrix(graph);
  it('reads its table and sort from the URL, falling back on what it cannot use', () => {
    expect(readSlice(decodeState('?cov=focus'), VIEW_SLICE)).toBe('focus');
    expect(readSlice(decodeState('?x.cov=focus'), VIEW_SLICE)).toBe('focus');
    expect(readSlice(decodeState('?cov=pie'), VIEW_SLICE)).toBe('matrix');
    const sort = sortSlice(m.columns.length);
    expect(readSlice(decodeState('?covSort=total:d'), sort)).toEqual({ key: 'total', dir: 'descending' });
    expect(readSlice(decodeState('?covSort=1:a'), sort)).toEqual({ key: 1, dir: 'ascending' });
    expect(readSlice(decodeState(`?covSort=${m.columns.length}:a`), sort)).toEqual(sort.default);
    expect(sort.encode(sort.default)).toBe('');
  });

  it('lights a gap by both ends and a present cell by its edges', () => {
    const dps = m.columns.findIndex((c) => c.id === 'meeting:m1');
    const gap = cellHighlight(m, { economy: 'RUS', column: dps }, (id) => graph.hasNode(id));
    expect(gap?.gap).toBe(true);
    expect(gap?.edges).toEqual([]);
    expect(new Set(gap?.nodes)).toEqual(new Set(['RUS', 'm1']));
    const present = cellHighlight(m, { economy: 'AUS', column: dps }, (id) => graph.hasNode(id));
    expect(present?.gap).toBe(false);
    expect(present?.edges).toHaveLength(1);
    expect(cellHighlight(m, { economy: 'nope', column: dps }, () => true)).toBeNull();
    const kfa = focusAreaCoverage(graph).find((r) => r.id === 'kfa-1');
    expect(kfa && focusHighlight(kfa).nodes).toEqual(['kfa-1', 'p1']);
  });
});
