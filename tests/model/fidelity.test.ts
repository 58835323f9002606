// Checks graph/ against what the report states. Expected values are copied from the report text, not from the data.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageMatrix, economiesAbsentFrom, focusAreaCoverage } from '../../src/model/coverage.js';
import { toGraph } from '../../src/model/graph.js';
import { formatIssue, REPO_ROOT, readKnowledgeBase } from '../../src/model/read.js';

const { kb, issues } = readKnowledgeBase();
const g = toGraph(kb);
const REPORT = 'src-desg-dps-2025-02';

const sorted = (xs: Iterable<string>) => [...xs].sort();
function attendees(meeting: string, mode?: string): string[] {
  return sorted(
    kb.edges
      .filter((e) => e.type === 'ATTENDED' && e.to === meeting && (!mode || e.props.mode === mode))
      .filter((e) => g.getNodeAttribute(e.from, 'category') === 'Economy')
      .map((e) => e.from),
  );
}

describe('the knowledge base', () => {
  it('validates with no problem', () => {
    expect(issues.map(formatIssue)).toEqual([]);
  });

  it('keeps the report text identical to the seed it came from', () => {
    const seed = join(REPO_ROOT, '..', 'shared', 'seeds', '000_6607dc13052426d3.txt');
    if (!existsSync(seed)) return; // a clone without ../shared checks quotes against graph/sources alone
    expect(kb.sourceTexts.get(REPORT)).toBe(readFileSync(seed, 'utf8'));
  });

  it('has all 21 APEC economies with ISO alpha-3 ids, English and Chinese names and year of joining', () => {
    const economies = kb.nodes.filter((n) => n.label === 'Economy');
    expect(sorted(economies.map((e) => e.id))).toEqual(
      sorted(
        'AUS BRN CAN CHL CHN HKG IDN JPN KOR MYS MEX NZL PNG PER PHL RUS SGP TWN THA USA VNM'.split(' '),
      ),
    );
    for (const e of economies) {
      expect(e.nameZh, e.id).toBeTruthy();
      expect(typeof e.props.joinedApec, e.id).toBe('number');
    }
    const names = new Map(economies.map((e) => [e.id, e.name]));
    expect(names.get('TWN')).toBe('Chinese Taipei');
    expect(names.get('HKG')).toBe('Hong Kong, China');
    expect(names.get('VNM')).toBe('Viet Nam');
    expect(kb.nodes.find((n) => n.id === 'TWN')?.aliases).toContain('我國');
  });

  it('records DPS 50 attendance as the report lists it: 14 economies (貳.一.(一))', () => {
    expect(attendees('mtg-dps-50')).toEqual(
      sorted('AUS CHL CHN JPN KOR MYS NZL PER PHL SGP THA USA VNM TWN'.split(' ')),
    );
  });

  it('records DESG attendance: 16 in person and Russia virtually (貳.三.(一))', () => {
    expect(attendees('mtg-desg-2025-1', 'in-person')).toEqual(
      sorted('AUS CHL CHN HKG IDN JPN KOR MYS NZL PER PHL SGP TWN THA USA VNM'.split(' ')),
    );
    expect(attendees('mtg-desg-2025-1', 'virtual')).toEqual(['RUS']);
  });

  it('states no mode for DPS 50: every attendance mode there is marked inferred (貳.一.(一), 貳.三.(三).1)', () => {
    const atDps = kb.edges.filter((e) => e.type === 'ATTENDED' && e.to === 'mtg-dps-50');
    expect(atDps.length).toBeGreaterThanOrEqual(14);
    for (const e of atDps) {
      expect(e.props.inferred, e.id).toBe(true);
      expect(e.note, e.id).toMatch(/inferred|not stated|not known/i);
    }
    const stated = kb.edges.filter((e) => e.type === 'ATTENDED' && e.to === 'mtg-desg-2025-1');
    // The DESG meeting's modes are stated for every economy (貳.三.(一)).
    expect(stated.filter((e) => /^[A-Z]{3}$/.test(e.from) && e.props.inferred)).toEqual([]);
  });

  it('gives Chinese names only where the report has them (issue 12 item 7)', () => {
    const node = (id: string) => kb.nodes.find((n) => n.id === id);
    // 議程相關事項 ("agenda matters") is not the Chinese for "Adoption of the agenda".
    expect(node('ses-dps-50-1-1')?.nameZh).toBeUndefined();
    // The report's own English for 數位憑證皮夾 (貳.三.(八).3.(2)).
    expect(node('init-twn-digital-credential-wallet')?.name).toMatch(/^Digital Identity Wallet/);
    expect(node('proj-aus-e-invoicing-interoperability')?.name).toMatch(/APEC region/);
    expect(node('proj-aus-e-invoicing-interoperability')?.name).toMatch(/systems/);
    // Only KFA 8 and 9 have Chinese names in the report (貳.三.(五).1).
    const kfaZh = kb.nodes.filter((n) => n.label === 'FocusArea' && n.nameZh).map((n) => n.id);
    expect(sorted(kfaZh)).toEqual(['kfa-8', 'kfa-9']);
  });

  it('names the kind of each CBPR joining date: JOP findings, announcement, approval (apec-facts §2)', () => {
    const cbpr = new Map(
      kb.edges
        .filter((e) => e.type === 'PARTICIPATES_IN' && e.to === 'cbpr' && /^[A-Z]{3}$/.test(e.from))
        .map((e) => [e.from, e.props]),
    );
    expect(cbpr.get('USA')).toMatchObject({ since: 2012, jopFindingsDate: '2012-07-25' });
    expect(cbpr.get('CAN')).toMatchObject({ since: 2015, announcedDate: '2015-04-15' });
    expect(cbpr.get('KOR')).toMatchObject({ since: 2017, approvedDate: '2017-06-12' });
    expect(cbpr.get('SGP')).toMatchObject({
      since: 2018,
      jopFindingsDate: '2017-12-15',
      announcedDate: '2018-03-06',
    });
    for (const [economy, props] of cbpr) expect(typeof props.since, economy).toBe('number');
  });

  it('has the 11 volunteers for the AIDER drafting group (貳.三.(五).2)', () => {
    const volunteers = kb.edges.filter((e) => e.type === 'VOLUNTEERED_FOR' && e.to === 'grp-aider-drafting');
    expect(sorted(volunteers.map((e) => e.from))).toEqual(
      sorted('CHN USA JPN PER KOR TWN CHL RUS AUS SGP THA'.split(' ')),
    );
  });

  it('has the CBPR figures reported at DPS 50 (貳.一.(四))', () => {
    const certified = (economy: string, framework: string) =>
      kb.edges
        .filter((e) => e.type === 'PARTICIPATES_IN' && e.from === economy && e.to === framework)
        .map((e) => e.props.certifiedOrganizations)
        .filter((v) => v !== undefined);
    expect(certified('TWN', 'cbpr')).toContain(1);
    expect(certified('JPN', 'cbpr')).toContain(4);
    expect(certified('KOR', 'cbpr')).toContain(13);
    expect(certified('SGP', 'cbpr')).toContain(11);
    expect(certified('SGP', 'prp')).toContain(6);
  });

  it('has every project number of the agenda, each with status, lead and the DESG forum', () => {
    const numbers = [
      'DESG 01 2024S',
      'DESG 01 2023S',
      'DESG 02 2024S',
      'DESG 204 2023A',
      'DESG 03 2024S',
      'DESG 202 2024A',
      'DESG 203 2024A',
      'DESG 203 2023A',
      'DESG 102 2024A',
      'DESG 201 2024A',
      'DESG 103 2024A',
      'DESG 01 2023A',
      'DESG 101 2024A',
    ];
    const projects = kb.nodes.filter((n) => n.label === 'Project');
    for (const num of numbers) {
      const p = projects.filter((n) => n.props.projectNumber === num);
      expect(p, num).toHaveLength(1);
      const id = p[0]?.id ?? '';
      expect(
        kb.edges.some((e) => e.type === 'LEADS' && e.to === id),
        `${num} lead`,
      ).toBe(true);
      expect(
        kb.edges.some((e) => e.type === 'UNDER' && e.from === id && e.to === 'desg'),
        `${num} forum`,
      ).toBe(true);
    }
    const status = (num: string) => projects.find((n) => n.props.projectNumber === num)?.props.status;
    expect(status('DESG 01 2024S')).toBe('completed');
    expect(status('DESG 203 2023A')).toBe('ongoing');
    expect(projects.filter((p) => p.props.status === 'proposed').length).toBeGreaterThanOrEqual(5);
    const lead = (num: string) =>
      kb.edges.find(
        (e) => e.type === 'LEADS' && e.to === projects.find((n) => n.props.projectNumber === num)?.id,
      )?.from;
    expect(lead('DESG 103 2024A')).toBe('TWN');
    expect(lead('DESG 203 2024A')).toBe('KOR');
    expect(lead('DESG 203 2023A')).toBe('PER');
  });

  it("lists Hong Kong, Mexico, Russia, Singapore and Thailand as supporters of China's AI dialogue (貳.三.(八).2.(1))", () => {
    const p = kb.nodes.find((n) => n.props.projectNumber === 'DESG 03 2024S');
    const supporters = kb.edges.filter((e) => e.type === 'SUPPORTS' && e.to === p?.id).map((e) => e.from);
    expect(sorted(supporters)).toEqual(sorted(['HKG', 'MEX', 'RUS', 'SGP', 'THA']));
  });

  it('has the 11 AIDER Key Focus Areas and flags KFA 8 and 9 as under-served (貳.三.(五).1)', () => {
    const rows = focusAreaCoverage(g);
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(rows.filter((r) => r.underServed).map((r) => r.id)).toEqual(['kfa-8', 'kfa-9']);
  });

  it('keeps both readings of who gave data-privacy reports at DPS 50, each with its own section', () => {
    const disputed = kb.edges.filter((e) => e.props.disputed === true);
    expect(disputed.length).toBeGreaterThan(0);
    for (const e of disputed) expect(e.note, e.id).toBeTruthy();
    const sections = new Set(kb.edges.flatMap((e) => e.prov.map((p) => p.section)));
    expect(sections).toContain('貳.一.(八)');
    expect([...sections].some((s) => s.startsWith('貳.三.(三).5'))).toBe(true);
    expect(disputed.some((e) => e.from === 'AUS')).toBe(true);
  });

  it('gives the coverage answers the report implies', () => {
    const m = coverageMatrix(g);
    expect(economiesAbsentFrom(m, ['meeting:mtg-dps-50', 'meeting:mtg-desg-2025-1'])).toEqual(
      expect.arrayContaining(['BRN', 'CAN', 'MEX', 'PNG']),
    );
    expect(economiesAbsentFrom(m, ['meeting:mtg-dps-50', 'meeting:mtg-desg-2025-1'])).toHaveLength(4);
    const dialogues = m.columns.findIndex((c) => c.id === 'dialogues');
    const twn = m.rows.find((r) => r.economy === 'TWN');
    expect(twn?.cells[dialogues]?.value).toBe(4);
  });

  it('cites every numbered section of the report and every agenda of its annex', () => {
    const norm = (s: string) => s.replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '');
    const cited = [...kb.nodes, ...kb.edges].flatMap((r) =>
      r.prov.filter((p) => p.source === REPORT).map((p) => norm(p.section)),
    );
    const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    // The report numbers its meeting chapters 一 and 三 (there is no 二), each with sub-sections (一) to (十).
    const sections = [
      '壹',
      ...['貳.一', '貳.三'].flatMap((c) => numerals.map((n) => `${c}.(${n})`)),
      '附件.DPS',
      '附件.DESG',
    ];
    const missing = sections.filter((s) => !cited.some((c) => c === s || c.startsWith(`${s}.`)));
    expect(missing).toEqual([]);
  });

  it('carries provenance on every node and relationship', () => {
    for (const r of [...kb.nodes, ...kb.edges]) {
      expect(r.prov.length, r.id).toBeGreaterThan(0);
      for (const p of r.prov) expect(p.section && p.quote && p.source, r.id).toBeTruthy();
    }
  });
});
