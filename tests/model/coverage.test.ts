import { describe, expect, it } from 'vitest';
import {
  coverageMatrix,
  economiesAbsentFrom,
  focusAreaCoverage,
  MODE_NOT_STATED,
} from '../../src/model/coverage.js';
import { toGraph } from '../../src/model/graph.js';
import { parseDataFiles } from '../../src/model/parse-files.js';

// Provenance is irrelevant to the gap analysis; the quote check is the validator's job.
const P = '{ source: s, section: "1", quote: qq }';
const yaml = `nodes:
  - { id: AUS, label: Economy, name: Australia, prov: ${P} }
  - { id: BRN, label: Economy, name: Brunei Darussalam, prov: ${P} }
  - { id: RUS, label: Economy, name: Russia, prov: ${P} }
  - { id: CHL, label: Economy, name: Chile, prov: ${P} }
  - { id: m1, label: Meeting, name: DPS 50, props: { startDate: 2025-02-26 }, prov: ${P} }
  - { id: m2, label: Meeting, name: DESG 1, props: { startDate: 2025-02-27 }, prov: ${P} }
  - { id: cbpr, label: Framework, name: CBPR, prov: ${P} }
  - { id: grp-aider-drafting, label: Forum, name: AIDER drafting group, prov: ${P} }
  - { id: p1, label: Project, name: P1, props: { status: ongoing }, prov: ${P} }
  - { id: s61, label: Session, name: Dialogue 1, props: { kind: policy-dialogue, agendaItem: "6.1" }, prov: ${P} }
  - { id: s5, label: Session, name: Not a dialogue, props: { agendaItem: "5" }, prov: ${P} }
  - { id: kfa-8, label: FocusArea, name: Free flow, props: { number: 8, underServed: true }, prov: ${P} }
  - { id: kfa-1, label: FocusArea, name: Infrastructure, props: { number: 1 }, prov: ${P} }
edges:
  - { type: ATTENDED, from: AUS, to: m1, props: { mode: in-person }, prov: ${P} }
  - { type: ATTENDED, from: AUS, to: m2, props: { mode: in-person }, prov: ${P} }
  - { type: ATTENDED, from: RUS, to: m2, props: { mode: virtual }, prov: ${P} }
  - { type: ATTENDED, from: CHL, to: m1, props: { mode: in-person, inferred: true }, note: a reading, prov: ${P} }
  - { type: ATTENDED, from: CHL, to: m2, prov: ${P} }
  - { type: PARTICIPATES_IN, from: AUS, to: cbpr, prov: ${P} }
  - { type: VOLUNTEERED_FOR, from: RUS, to: grp-aider-drafting, prov: ${P} }
  - { type: LEADS, from: AUS, to: p1, prov: ${P} }
  - { type: SUPPORTS, from: RUS, to: p1, prov: ${P} }
  - { type: SPOKE_IN, from: AUS, to: s61, prov: ${P} }
  - { type: SPOKE_IN, from: RUS, to: s5, prov: ${P} }
  - { type: ADDRESSES, from: p1, to: kfa-1, prov: ${P} }
`;
const parsed = parseDataFiles([{ path: 'fixture.yaml', text: yaml }]);
const graph = toGraph({ nodes: parsed.nodes, edges: parsed.edges, sourceTexts: new Map() });

describe('coverage matrix', () => {
  const m = coverageMatrix(graph);
  const row = (id: string) => m.rows.find((r) => r.economy === id);
  const col = (id: string) => m.columns.findIndex((c) => c.id === id);

  it('has a row per economy and the expected columns, meetings in date order', () => {
    expect(parsed.issues).toEqual([]);
    expect(m.rows.map((r) => r.economy)).toEqual(['AUS', 'BRN', 'CHL', 'RUS']);
    expect(m.columns.map((c) => c.id)).toEqual([
      'meeting:m1',
      'meeting:m2',
      'framework:cbpr',
      'group:grp-aider-drafting',
      'projects-led',
      'projects-supported',
      'dialogues',
    ]);
  });

  it('fills cells with evidence and leaves gaps empty', () => {
    expect(row('RUS')?.cells[col('meeting:m2')]).toMatchObject({
      value: 1,
      detail: 'virtual',
      nodes: ['m2'],
    });
    expect(row('RUS')?.cells[col('meeting:m1')]?.value).toBe(0);
    expect(row('AUS')?.cells[col('dialogues')]).toMatchObject({ value: 1, nodes: ['s61'] });
    expect(row('RUS')?.cells[col('dialogues')]?.value).toBe(0);
    expect(row('AUS')?.cells[col('projects-led')]?.edges).toEqual(['AUS|LEADS|p1']);
    expect(row('BRN')?.total).toBe(0);
    expect(row('AUS')?.total).toBe(5);
    expect(m.columnTotals[col('meeting:m2')]).toBe(3);
  });

  it('says "mode not stated" where the mode is absent or only inferred', () => {
    expect(row('AUS')?.cells[col('meeting:m1')]?.detail).toBe('in-person');
    expect(row('CHL')?.cells[col('meeting:m1')]).toMatchObject({ value: 1, detail: MODE_NOT_STATED });
    expect(row('CHL')?.cells[col('meeting:m2')]).toMatchObject({ value: 1, detail: MODE_NOT_STATED });
    expect(MODE_NOT_STATED).toBe('mode not stated');
  });

  it('answers "attended neither meeting"', () => {
    expect(economiesAbsentFrom(m, ['meeting:m1', 'meeting:m2'])).toEqual(['BRN']);
    expect(() => economiesAbsentFrom(m, ['meeting:nope'])).toThrow(/unknown coverage column/);
  });
});

describe('focus area coverage', () => {
  it('lists focus areas in order with what addresses them and the under-served flag', () => {
    const rows = focusAreaCoverage(graph);
    expect(rows.map((r) => [r.id, r.underServed, r.addressedBy.map((a) => a.node)])).toEqual([
      ['kfa-1', false, ['p1']],
      ['kfa-8', true, []],
    ]);
  });
});
