// Each rule on its own (with meeting-heading, which tells the others which meeting a sentence is about).
import { describe, expect, it } from 'vitest';
import { draftReport } from '../../src/ingest/draft-report.js';
import { RULES } from '../../src/ingest/rules/registry.js';
import type { Draft } from '../../src/ingest/types.js';
import { kb } from './helpers.js';

const ZH_HEAD = '貳、會議情形\n一、2月26日：第51次資料隱私次級小組（DPS）會議\n';
const EN_HEAD = 'Summary Record of the 23rd ECSG Meeting\nLima, Peru, 10–12 August 2024\n\n';

function run(rule: string, text: string, lang: 'zh' | 'en' = 'zh'): Draft {
  return draftReport({ text, format: 'txt', fileName: 'x.txt' }, kb(), { slug: 'test', lang, rules: [rule] });
}

const edges = (d: Draft, type: string) =>
  d.edges
    .filter((e) => e.type === type)
    .map((e) => `${e.from}>${d.nodes.find((n) => n.id === e.to)?.name ?? e.to}`);
const pairs = (d: Draft, type: string) => d.edges.filter((e) => e.type === type).map((e) => [e.from, e.to]);

describe('registry', () => {
  it('lists named rules, each declaring what it drafts', () => {
    const names = RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of RULES) expect(r.drafts.length).toBeGreaterThan(0);
    expect(RULES[0]?.name).toBe('meeting-heading');
  });
});

describe('meeting-heading', () => {
  it('drafts the meeting a heading names, with forum, ordinal and date', () => {
    const d = run('meeting-heading', `${ZH_HEAD}（一）本日會議出席情況\n`);
    const m = d.nodes.find((n) => n.label === 'Meeting');
    expect(m?.props).toMatchObject({ ordinal: 51 });
    expect(pairs(d, 'MEETING_OF')).toEqual([[m?.id, 'dps']]);
  });

  it('takes the meeting from the title page of an English summary', () => {
    const d = run('meeting-heading', `${EN_HEAD}1. Opening\n`, 'en');
    expect(d.nodes.find((n) => n.label === 'Meeting')?.props).toMatchObject({
      ordinal: 23,
      startDate: '2024-08-10',
      endDate: '2024-08-12',
    });
  });
});

describe('attendance-list', () => {
  it('drafts attendance with its mode', () => {
    const d = run(
      'attendance-list',
      `${ZH_HEAD}（一）出席\n計有澳洲、南韓及我國等 3 個經濟體實體與會，俄羅斯線上與會。\n`,
    );
    expect(d.edges.filter((e) => e.type === 'ATTENDED').map((e) => `${e.from}:${e.props.mode}`)).toEqual([
      'AUS:in-person',
      'KOR:in-person',
      'TWN:in-person',
      'RUS:virtual',
    ]);
  });

  it('reads an English summary, and an invitation is not attendance', () => {
    const d = run(
      'attendance-list',
      `${EN_HEAD}1. Attendance\nThe meeting was attended by Chile; Hong Kong, China; and Japan. Peru participated virtually. Mexico was invited to attend the seminar.\n`,
      'en',
    );
    expect(d.edges.filter((e) => e.type === 'ATTENDED').map((e) => `${e.from}:${e.props.mode}`)).toEqual([
      // "attended by" does not say how: no mode is drafted for those.
      'CHL:undefined',
      'HKG:undefined',
      'JPN:undefined',
      'PER:virtual',
    ]);
  });
});

describe('attendance-list, other wordings', () => {
  it('reads "were represented" and "participated, namely"', () => {
    const d = run(
      'attendance-list',
      `${EN_HEAD}1. Attendance\nThe following member economies were represented: Canada; Chile; Peru.\n2. Other\nTwo economies participated, namely Japan and Mexico.\n`,
      'en',
    );
    expect(d.edges.filter((e) => e.type === 'ATTENDED').map((e) => e.from)).toEqual([
      'CAN',
      'CHL',
      'PER',
      'JPN',
      'MEX',
    ]);
  });
});

describe('host', () => {
  it('drafts the host of the meeting and of another event', () => {
    const d = run(
      'host',
      `${ZH_HEAD}（一）會議係由韓國主辦。\n（二）日本將於 2025 年 5 月舉辦「AI 治理研討會」。\n`,
    );
    expect(edges(d, 'HOSTED')).toEqual(['KOR>51st DPS Meeting', 'JPN>AI 治理研討會']);
  });

  it('does not draft recurring activities as an event', () => {
    const d = run('host', `${ZH_HEAD}（一）日本將持續舉辦推廣活動。\n`);
    expect(edges(d, 'HOSTED')).toEqual([]);
  });
});

describe('project-list', () => {
  it('drafts projects with number, lead and the status of their section', () => {
    const d = run(
      'project-list',
      `${EN_HEAD}8. Projects\n8.1 Completed Projects\n- Australia\n - Measuring digital trade (DESG 01 2024S)\n8.2 Ongoing Projects\n- Korea: Privacy of Children (DESG_202_2024A)\n`,
      'en',
    );
    const p = d.nodes
      .filter((n) => n.label === 'Project')
      .map((n) => `${n.props.projectNumber}:${n.props.status}`);
    expect(p).toEqual(['DESG 01 2024S:completed', 'DESG 202 2024A:ongoing']);
    expect(pairs(d, 'LEADS')).toEqual([
      ['AUS', 'proj-desg-01-2024s'],
      ['KOR', 'proj-desg-202-2024a'],
    ]);
  });

  it('turns a status that contradicts graph/ into an update that keeps the earlier value', () => {
    const d = run(
      'project-list',
      `${EN_HEAD}8.2 Ongoing Projects\n- Australia: Measuring (DESG 01 2024S)\n`,
      'en',
    );
    expect(d.updates).toEqual([
      expect.objectContaining({
        node: 'proj-desg-01-2024s',
        prop: 'status',
        value: 'ongoing',
        asOf: '2024-08-10',
        previous: expect.objectContaining({ value: 'completed', source: 'src-desg-dps-2025-02' }),
      }),
    ]);
    expect(d.nodes.find((n) => n.id === 'proj-desg-01-2024s')?.props.status).toBeUndefined();
  });
});

describe('project-supporters', () => {
  it('attaches co-sponsors to the project named before them', () => {
    const text = `${EN_HEAD}3. Projects\n3.1 Ongoing projects\n- Mexico: E-Commerce Statistics (ECSG 02 2024S), co-sponsored by Peru and Viet Nam.\n`;
    const d = draftReport({ text, format: 'txt', fileName: 'x' }, kb(), {
      slug: 't',
      lang: 'en',
      rules: ['project-list', 'project-supporters'],
    });
    expect(edges(d, 'SUPPORTS')).toEqual(['PER>E-Commerce Statistics', 'VNM>E-Commerce Statistics']);
  });
});

describe('framework-participation', () => {
  it('reads certified-organisation counts, split and combined', () => {
    const d = run(
      'framework-participation',
      `${ZH_HEAD}5. 新加坡：該國計有 17 個 CBPR 及 PRP 驗證組織，其中 11 個為取得 CBPR 驗證之組織及 6 個取得 PRP 驗證之組織。\n`,
    );
    const got = d.edges
      .filter((e) => e.type === 'PARTICIPATES_IN')
      .map((e) => `${e.from}>${e.to}:${e.props.certifiedOrganizations}`);
    expect(got).toEqual(['SGP>cbpr:11', 'SGP>prp:6']);
  });
});

describe('considers-joining', () => {
  it('drafts a stated intention and ignores a negated one', () => {
    const d = run(
      'considers-joining',
      `${ZH_HEAD}12. 泰國\n該國政府目前正考量加入全球 CBPR 論壇。本次無其他會員表達加入 CBPR 之意願。\n`,
    );
    expect(pairs(d, 'CONSIDERS_JOINING')).toEqual([['THA', 'global-cbpr-forum']]);
  });
});

describe('volunteers', () => {
  it('links the volunteers to the group the chair invited them to', () => {
    const d = run(
      'volunteers',
      `${ZH_HEAD}2. 主席邀請會員經濟體自願成立小組草擬 AIDER 初稿。中國、日本均表達加入意願。\n`,
    );
    expect(pairs(d, 'VOLUNTEERED_FOR')).toEqual([
      ['CHN', 'grp-aider-drafting'],
      ['JPN', 'grp-aider-drafting'],
    ]);
  });
});

describe('cover-table', () => {
  it('reads the travellers table of a trip report', () => {
    const d = run('cover-table', '出國報告\n服務機關\t職稱\t姓名\n數位發展部\t科長\t王小明\n壹、摘要\n');
    expect(d.edges.filter((e) => e.type === 'HOLDS_ROLE').map((e) => `${e.to}:${e.props.role}`)).toEqual([
      'org-moda:科長',
    ]);
    expect(d.nodes.find((n) => n.label === 'Person')?.name).toBe('王小明');
  });
});

describe('role-title', () => {
  it('drafts roles with their forum and status, and the chair of the meeting', () => {
    const d = run(
      'role-title',
      `${EN_HEAD}1. Opening\nThe Chair, Ms Ana Torres (Peru), opened the meeting. Former DPS Vice Chair (Ben Jarvis) spoke.\n`,
      'en',
    );
    expect(
      d.edges
        .filter((e) => e.type === 'HOLDS_ROLE')
        .map((e) => `${e.from}>${e.to}:${e.props.role}:${e.props.status ?? ''}`),
    ).toEqual(['person-ana-torres>ecsg:chair:', 'person-ben-jarvis>dps:vice chair:former']);
    expect(pairs(d, 'REPRESENTS')).toEqual([['person-ana-torres', 'PER']]);
    expect(edges(d, 'LED')).toEqual(['person-ana-torres>23rd ECSG Meeting']);
  });
});

describe('agenda-sessions', () => {
  it('drafts who led and who spoke in a session', () => {
    const d = run(
      'agenda-sessions',
      `${ZH_HEAD}（七）專題交流\n本場次由新加坡主導。\n1. 我國：我方表示支持。\n2. 澳洲：澳洲說明其法規。\n`,
    );
    expect(edges(d, 'SPOKE_IN')).toEqual(['TWN>專題交流', 'AUS>專題交流']);
    expect(edges(d, 'LED')).toEqual(['SGP>專題交流']);
  });

  it('reads "(lead)" in an annexed agenda', () => {
    const d = run(
      'agenda-sessions',
      `肆、附件\nAPEC DIGITAL ECONOMY STEERING GROUP (DESG)\n1st MEETING IN 2025\n27-28 February 2025, Gyeongju, Korea\nAGENDA\n6. POLICY DIALOGUES\n6.1. Using Emerging Technologies for Trade\n- Korea (lead) (presentation)\n- Singapore\n`,
    );
    expect(edges(d, 'LED')).toEqual(['KOR>Using Emerging Technologies for Trade']);
    expect(edges(d, 'SCHEDULED_IN')).toEqual(['SGP>Using Emerging Technologies for Trade']);
  });
});

describe('organization-name', () => {
  it('drafts an agency graph/ does not know from its Chinese and English names', () => {
    const d = run(
      'organization-name',
      `${ZH_HEAD}由秘魯交通通訊部 (Ministry of Transport and Communications) 主辦。\n`,
    );
    expect(d.nodes.find((n) => n.label === 'Organization')).toMatchObject({
      name: 'Ministry of Transport and Communications',
      nameZh: '秘魯交通通訊部',
      status: 'new',
    });
  });
});

describe('meeting-heading, a meeting graph/ has', () => {
  it('keeps the existing id', () => {
    const d = run('meeting-heading', '貳、會議情形\n一、2月26日：第50次資料隱私次級小組（DPS）會議\n');
    expect(d.nodes.filter((n) => n.label === 'Meeting').map((n) => [n.id, n.status])).toEqual([
      ['mtg-dps-50', 'existing'],
    ]);
  });
});
