import { describe, expect, it } from 'vitest';
import { readKnowledgeBase } from '../../src/model/read.js';
import { BASE_YAML, makeGraphDir } from './fixture.js';

// The fixture's source text: 本次會議共有澳洲、智利及我國等3個經濟體與會。/ 主席提議取消此一議程。/
// 會議於 2025 年 2 月 26 日舉行，澳洲實體與會。
function issuesFor(extra: string) {
  const dir = makeGraphDir({ 'base.yaml': BASE_YAML, 'extra.yaml': `source: src-test\n${extra}` });
  return readKnowledgeBase(dir).issues.map((i) => [i.line, i.entity, i.message]);
}

describe('values no quote states must be marked inferred', () => {
  it('an attendance mode whose quotes have no mode word', () => {
    const issues = issuesFor(`edges:
  - type: ATTENDED
    from: TWN
    to: mtg-1
    props: { mode: in-person }
    prov: { section: 一, quote: 及我國等3個經濟體與會 }
`);
    expect(issues).toEqual([
      [3, 'TWN|ATTENDED|mtg-1', expect.stringMatching(/props\.mode "in-person" is not stated.*實體/)],
    ]);
  });

  it('a mode word of the other mode does not state this one', () => {
    const issues = issuesFor(`edges:
  - type: ATTENDED
    from: AUS
    to: mtg-1
    key: second
    props: { mode: virtual }
    prov: { section: 二, quote: 澳洲實體與會 }
`);
    expect(issues).toEqual([
      [3, 'AUS|ATTENDED|mtg-1|second', expect.stringMatching(/"virtual" is not stated/)],
    ]);
  });

  it('inferred: true with a note passes; without a note it is an error', () => {
    const edge = `  - type: ATTENDED
    from: TWN
    to: mtg-1
    props: { mode: in-person, inferred: true }
    prov: { section: 一, quote: 及我國等3個經濟體與會 }
`;
    expect(issuesFor(`edges:\n${edge}    note: the delegation travelled to the meeting\n`)).toEqual([]);
    expect(issuesFor(`edges:\n${edge}`)).toEqual([
      [3, 'TWN|ATTENDED|mtg-1', expect.stringMatching(/inferred is true but there is no note/)],
    ]);
    expect(issuesFor(`edges:\n${edge.replace('inferred: true', 'inferred: yes')}`)[0]?.[2]).toMatch(
      /props\.inferred must be true or absent/,
    );
  });

  it('presentation: true whose quotes do not say presentation', () => {
    const issues = issuesFor(`edges:
  - type: SPOKE_IN
    from: AUS
    to: ses-1
    props: { presentation: true }
    prov: { section: 一, quote: 澳洲、智利 }
nodes:
  - { id: ses-1, label: Session, name: S, prov: { section: 一, quote: 本次會議 } }
`);
    expect(issues).toEqual([
      [3, 'AUS|SPOKE_IN|ses-1', expect.stringMatching(/props\.presentation is true but no quote contains/)],
    ]);
  });

  it('a date whose year no quote gives', () => {
    const issues = issuesFor(`nodes:
  - { id: m2, label: Meeting, name: M2, props: { startDate: '2024-05' }, prov: { section: 一, quote: 本次會議 } }
  - { id: m3, label: Meeting, name: M3, props: { startDate: '2025-03' }, prov: { section: 二, quote: 會議於 2025 年 2 月 26 日舉行 } }
  - { id: d1, label: Document, name: D1, props: { year: 2023 }, prov: { section: 二, quote: 會議於 2025 年 2 月 26 日舉行 } }
`);
    expect(issues).toEqual([
      [3, 'm2', expect.stringMatching(/startDate "2024-05".*year 2024/)],
      [5, 'd1', expect.stringMatching(/year "2023".*year 2023/)],
    ]);
  });

  it('a session takes its year from the meeting it is part of; an unrelated node does not', () => {
    const issues = issuesFor(`nodes:
  - { id: ses-1, label: Session, name: S1, props: { date: '2025-02-26' }, prov: { section: 一, quote: 本次會議 } }
  - { id: ses-2, label: Session, name: S2, props: { date: '2025-02-26' }, prov: { section: 一, quote: 本次會議 } }
edges:
  - { type: PART_OF, from: ses-1, to: mtg-1, prov: { section: 一, quote: 本次會議 } }
`);
    expect(issues).toEqual([[4, 'ses-2', expect.stringMatching(/date "2025-02-26".*year 2025/)]]);
  });
});
