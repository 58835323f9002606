// Ready-made questions an analyst asks of the graph, mostly "who is missing from what". Pure data: the
// server lists them, the explorer runs them through the read-only endpoint. Queries return the nodes and
// relationships behind each answer so the explorer can highlight them.
import type { SavedQuery, SavedQueryParam, SavedQueryParamValue } from '../model/api-types.js';

export type {
  SavedQuery,
  SavedQueryCategory,
  SavedQueryParam,
  SavedQueryParamValue,
} from '../model/api-types.js';

const DPS_50 = 'mtg-dps-50';
const DESG_2025_1 = 'mtg-desg-2025-1';
const POLICY_DIALOGUES = [
  'ses-desg-2025-1-6-1',
  'ses-desg-2025-1-6-2',
  'ses-desg-2025-1-6-3',
  'ses-desg-2025-1-6-4',
];

const meetingParam = (name: string, id: string, en: string, zh: string): SavedQueryParam => ({
  name,
  default: id,
  description: { en, zh },
});

/** Trims the shared indentation so the query reads well in the console. */
function cypher(strings: TemplateStringsArray): string {
  const lines = strings.join('').replace(/^\n/, '').trimEnd().split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

export const SAVED_QUERIES: readonly SavedQuery[] = [
  {
    id: 'attended-neither-meeting',
    category: 'coverage',
    title: { en: 'Economies that attended neither meeting', zh: '兩場會議皆未出席之經濟體' },
    description: {
      en: 'APEC economies with no recorded attendance, in any mode, at either meeting.',
      zh: '兩場會議（任何方式）皆無出席紀錄之 APEC 經濟體。',
    },
    cypher: cypher`
      MATCH (e:Economy)
      WHERE NOT EXISTS { (e)-[:ATTENDED]->(:Meeting {id: $meetingA}) }
        AND NOT EXISTS { (e)-[:ATTENDED]->(:Meeting {id: $meetingB}) }
      RETURN e.id AS economy, e.name AS name, e.nameZh AS nameZh, e AS node
      ORDER BY economy`,
    params: [
      meetingParam('meetingA', DPS_50, 'First meeting', '第一場會議'),
      meetingParam('meetingB', DESG_2025_1, 'Second meeting', '第二場會議'),
    ],
  },
  {
    id: 'attended-one-not-other',
    category: 'coverage',
    title: { en: 'Economies at DESG but not at DPS', zh: '出席 DESG 但未出席 DPS 之經濟體' },
    description: {
      en: 'Economies that attended one meeting (DESG 2025/1 by default) but not the other (DPS 50 by default).',
      zh: '出席某一會議（預設為 2025 年 DESG 第一次會議）但未出席另一會議（預設為 DPS 第 50 次會議）之經濟體。',
    },
    cypher: cypher`
      MATCH (e:Economy)-[a:ATTENDED]->(m:Meeting {id: $attended})
      WHERE NOT EXISTS { (e)-[:ATTENDED]->(:Meeting {id: $missed}) }
      WITH e, m, collect(a) AS attendance
      RETURN e.id AS economy, e.name AS name, e.nameZh AS nameZh,
        [x IN attendance | CASE WHEN x.mode IS NULL OR x.inferred THEN 'mode not stated' ELSE x.mode END] AS modes,
        e AS node, m AS meeting, attendance
      ORDER BY economy`,
    params: [
      meetingParam('attended', DESG_2025_1, 'Meeting attended', '有出席之會議'),
      meetingParam('missed', DPS_50, 'Meeting missed', '未出席之會議'),
    ],
  },
  {
    id: 'attendance-matrix',
    category: 'coverage',
    title: { en: 'Attendance matrix', zh: '出席情形矩陣' },
    description: {
      en: 'Every economy against both meetings, with the mode of attendance (in-person, virtual, or "mode not stated" where the report does not say).',
      zh: '各經濟體出席兩場會議之情形及方式（實體、線上，或報告未載明時為 "mode not stated"）。',
    },
    cypher: cypher`
      MATCH (e:Economy)
      WITH e,
        [(e)-[a:ATTENDED]->(:Meeting {id: $meetingA}) | a] AS atA,
        [(e)-[a:ATTENDED]->(:Meeting {id: $meetingB}) | a] AS atB
      RETURN e.id AS economy, e.name AS name, e.nameZh AS nameZh,
        coalesce(head([a IN atA | CASE WHEN a.mode IS NULL OR a.inferred THEN 'mode not stated' ELSE a.mode END]),
          'absent') AS meetingA,
        coalesce(head([a IN atB | CASE WHEN a.mode IS NULL OR a.inferred THEN 'mode not stated' ELSE a.mode END]),
          'absent') AS meetingB,
        size([x IN [atA, atB] WHERE size(x) > 0]) AS meetingsAttended,
        e AS node, atA + atB AS attendance, [a IN atA + atB | endNode(a)] AS meetings
      ORDER BY meetingsAttended DESC, economy`,
    params: [
      meetingParam('meetingA', DPS_50, 'First meeting (column meetingA)', '第一場會議（meetingA 欄）'),
      meetingParam('meetingB', DESG_2025_1, 'Second meeting (column meetingB)', '第二場會議（meetingB 欄）'),
    ],
  },
  {
    id: 'outside-framework',
    category: 'coverage',
    title: { en: 'Economies outside CBPR', zh: '未參與 CBPR 之經濟體' },
    description: {
      en: 'Economies with no participation in the framework (the APEC Cross-Border Privacy Rules by default).',
      zh: '未參與該架構（預設為 APEC 跨境隱私規則體系 CBPR）之經濟體。',
    },
    cypher: cypher`
      MATCH (f:Framework {id: $framework})
      MATCH (e:Economy)
      WHERE NOT EXISTS { (e)-[:PARTICIPATES_IN]->(f) }
      RETURN e.id AS economy, e.name AS name, e.nameZh AS nameZh, e AS node
      ORDER BY economy`,
    params: [
      {
        name: 'framework',
        default: 'cbpr',
        description: { en: 'Framework id (cbpr, prp, cpea, global-cbpr-forum)', zh: '架構代號' },
      },
    ],
  },
  {
    id: 'framework-participants',
    category: 'coverage',
    title: { en: 'CBPR participants and certified organisations', zh: 'CBPR 參與經濟體及驗證組織數' },
    description: {
      en: 'Participants in the framework, when they joined and how many organisations they have certified, as reported.',
      zh: '參與該架構之經濟體、加入時間及所報告之取得驗證組織數。',
    },
    cypher: cypher`
      MATCH (e:Economy)-[p:PARTICIPATES_IN]->(f:Framework {id: $framework})
      WITH e, f, collect(p) AS participation
      RETURN e.id AS economy, e.name AS name, e.nameZh AS nameZh,
        head([x IN participation WHERE x.since IS NOT NULL | x.since]) AS since,
        head([x IN participation WHERE x.certifiedOrganizations IS NOT NULL | x.certifiedOrganizations])
          AS certifiedOrganizations,
        head([x IN participation WHERE x.asOf IS NOT NULL | x.asOf]) AS asOf,
        e AS node, f AS framework, participation
      ORDER BY economy`,
    params: [
      {
        name: 'framework',
        default: 'cbpr',
        description: { en: 'Framework id (cbpr, prp, cpea, global-cbpr-forum)', zh: '架構代號' },
      },
    ],
  },
  {
    id: 'aider-drafting-volunteers',
    category: 'coverage',
    title: { en: 'Volunteers for the AIDER drafting group', zh: '自願加入 AIDER 草擬小組之經濟體' },
    description: {
      en: 'Economies that volunteered for the small group drafting the next AIDER work programme.',
      zh: '表達加入 AIDER 工作計畫草擬小組意願之經濟體。',
    },
    cypher: cypher`
      MATCH (e:Economy)-[v:VOLUNTEERED_FOR]->(g {id: $group})
      RETURN e.id AS economy, e.name AS name, e.nameZh AS nameZh, e AS node, v AS volunteered, g AS target
      ORDER BY economy`,
    params: [
      {
        name: 'group',
        default: 'grp-aider-drafting',
        description: { en: 'Group, project or framework id', zh: '小組、計畫或架構代號' },
      },
    ],
  },
  {
    id: 'spoke-in-every-dialogue',
    category: 'coverage',
    title: { en: 'Who spoke in every policy dialogue', zh: '每場政策對話皆發言者' },
    description: {
      en: 'Delegations that led or spoke in every one of the listed sessions (the four DESG policy dialogues).',
      zh: '於所列每一場次（DESG 四場政策對話）皆主持或發言之代表團。',
    },
    cypher: cypher`
      MATCH (s:Session) WHERE s.id IN $sessions
      WITH collect(s) AS dialogues
      WHERE size(dialogues) > 0
      UNWIND dialogues AS s
      MATCH (x)-[r:SPOKE_IN|LED]->(s)
      WITH x, dialogues, collect(DISTINCT s) AS spokeIn, collect(r) AS interventions
      WHERE size(spokeIn) = size(dialogues)
      RETURN x.id AS id, x.name AS name, x.nameZh AS nameZh, labels(x)[0] AS kind,
        size(spokeIn) AS dialogues, x AS node, interventions, spokeIn AS sessions
      ORDER BY id`,
    params: [
      {
        name: 'sessions',
        default: POLICY_DIALOGUES,
        description: { en: 'Session ids', zh: '場次代號' },
      },
    ],
  },
  {
    id: 'dialogue-participation',
    category: 'coverage',
    title: { en: 'Policy dialogue participation', zh: '政策對話參與情形' },
    description: {
      en: 'For each listed session, who led it, who spoke and who was on the agenda without a recorded intervention.',
      zh: '各場次之主持者、發言者，以及列於議程但報告未記載發言者。',
    },
    cypher: cypher`
      MATCH (s:Session) WHERE s.id IN $sessions
      RETURN s.agendaItem AS agendaItem, s.name AS session,
        [(x)-[:LED]->(s) | x.id] AS ledBy,
        [(x)-[:SPOKE_IN]->(s) | x.id] AS spoke,
        [(x)-[:SCHEDULED_IN]->(s) WHERE NOT (x)-[:SPOKE_IN]->(s) AND NOT (x)-[:LED]->(s) | x.id]
          AS scheduledOnly,
        s AS node, [(x)-[r:LED|SPOKE_IN]->(s) | r] AS interventions, [(x)-[:LED|SPOKE_IN]->(s) | x] AS speakers
      ORDER BY agendaItem`,
    params: [
      {
        name: 'sessions',
        default: POLICY_DIALOGUES,
        description: { en: 'Session ids', zh: '場次代號' },
      },
    ],
  },
  {
    id: 'economies-leading-no-project',
    category: 'projects',
    title: { en: 'Economies that lead no project', zh: '未主導任何計畫之經濟體' },
    description: {
      en: 'Economies that lead no APEC project (completed, ongoing or proposed), with the projects they support.',
      zh: '未主導任何 APEC 計畫（已完成、執行中或提案中）之經濟體，及其支持之計畫。',
    },
    cypher: cypher`
      MATCH (e:Economy)
      WHERE NOT EXISTS { (e)-[:LEADS]->(:Project) }
      RETURN e.id AS economy, e.name AS name, e.nameZh AS nameZh,
        [(e)-[:SUPPORTS]->(p:Project) | coalesce(p.projectNumber, p.name)] AS supports, e AS node
      ORDER BY economy`,
    params: [],
  },
  {
    id: 'projects-by-economy-status',
    category: 'projects',
    title: { en: 'Projects per economy by status', zh: '各經濟體主導計畫數（依狀態）' },
    description: {
      en: 'How many projects each economy leads: completed, ongoing and proposed.',
      zh: '各經濟體主導之計畫數：已完成、執行中及提案中。',
    },
    cypher: cypher`
      MATCH (e:Economy)-[l:LEADS]->(p:Project)
      WITH e, collect(p) AS projects, collect(l) AS leads
      RETURN e.id AS economy, e.name AS name, e.nameZh AS nameZh,
        size([p IN projects WHERE p.status = 'completed']) AS completed,
        size([p IN projects WHERE p.status = 'ongoing']) AS ongoing,
        size([p IN projects WHERE p.status = 'proposed']) AS proposed,
        size(projects) AS total,
        [p IN projects | {id: p.id, projectNumber: p.projectNumber, status: p.status}] AS projectList,
        e AS node, projects AS projectNodes, leads
      ORDER BY total DESC, economy`,
    params: [],
  },
  {
    id: 'project-supporters',
    category: 'projects',
    title: { en: 'Projects and their supporting economies', zh: '計畫及其支持經濟體' },
    description: {
      en: 'Every project with its lead and the economies that co-sponsor or support it.',
      zh: '各計畫之主導者及共同提案或支持之經濟體。',
    },
    cypher: cypher`
      MATCH (p:Project)
      RETURN p.projectNumber AS projectNumber, p.name AS project, p.status AS status,
        [(x)-[:LEADS]->(p) | x.id] AS leads,
        [(x)-[:SUPPORTS]->(p) | x.id] AS supporters,
        p AS node, [(x)-[r:LEADS|SUPPORTS]->(p) | r] AS links, [(x)-[:LEADS|SUPPORTS]->(p) | x] AS linked
      ORDER BY status, projectNumber, project`,
    params: [],
  },
  {
    id: 'focus-areas-unaddressed',
    category: 'coverage',
    title: {
      en: 'AIDER Key Focus Areas no project or initiative addresses',
      zh: '無任何計畫或倡議對應之 AIDER 重點關注領域',
    },
    description: {
      en: 'Key Focus Areas with no project or initiative linked to them, and whether the report flags them as under-served.',
      zh: '未有任何計畫或倡議對應之重點關注領域（KFA），以及報告是否指其較少受到關注。',
    },
    cypher: cypher`
      MATCH (k:FocusArea)
      WHERE NOT EXISTS { (:Project|Initiative)-[:ADDRESSES]->(k) }
      RETURN k.number AS number, k.id AS focusArea, k.name AS name, k.nameZh AS nameZh,
        coalesce(k.underServed, false) AS flaggedUnderServed, k AS node
      ORDER BY number`,
    params: [],
  },
  {
    id: 'focus-area-coverage',
    category: 'coverage',
    title: { en: 'What addresses each AIDER Key Focus Area', zh: '各 AIDER 重點關注領域之對應計畫與倡議' },
    description: {
      en: 'All eleven Key Focus Areas with the projects, initiatives, sessions and documents linked to them.',
      zh: '11 項重點關注領域及其對應之計畫、倡議、場次及文件。',
    },
    cypher: cypher`
      MATCH (k:FocusArea)
      OPTIONAL MATCH (x)-[r:ADDRESSES]->(k)
      WITH k, collect(x) AS items, collect(r) AS links
      RETURN k.number AS number, k.name AS name, k.nameZh AS nameZh,
        coalesce(k.underServed, false) AS flaggedUnderServed,
        size([x IN items WHERE x:Project OR x:Initiative]) AS projectsAndInitiatives,
        [x IN items | x.name] AS addressedBy, k AS node, items, links
      ORDER BY number`,
    params: [],
  },
  {
    id: 'people-and-roles',
    category: 'people',
    title: { en: 'People and their roles', zh: '人物及其職務' },
    description: {
      en: 'Every named person with the roles they hold (chair, vice chair, ...) and whom they represent.',
      zh: '報告所提及之人物、其職務（主席、副主席等）及所代表之經濟體或機構。',
    },
    cypher: cypher`
      MATCH (p:Person)
      OPTIONAL MATCH (p)-[r:HOLDS_ROLE]->(body)
      RETURN p.id AS personId, p.name AS person, p.nameZh AS nameZh, r.role AS role, r.status AS status, body.id AS roleIn,
        body.name AS roleInName, [(p)-[:REPRESENTS]->(x) | x.id] AS represents, p AS node, r AS holds, body
      ORDER BY person, role`,
    params: [],
  },
  {
    id: 'questions-asked',
    category: 'people',
    title: { en: 'Who asked whom', zh: '提問紀錄' },
    description: {
      en: 'Questions delegations put to one another during the meetings, and what they were about.',
      zh: '會議中各代表團彼此提問之紀錄及主題。',
    },
    cypher: cypher`
      MATCH (a)-[q:ASKED]->(b)
      RETURN a.id AS asker, b.id AS asked, q.about AS about, q.session AS session, a, q, b
      ORDER BY session, asker, asked`,
    params: [],
  },
  {
    id: 'disputed-facts',
    category: 'paths',
    title: { en: 'Facts the source states in two ways', zh: '來源說法不一致之事實' },
    description: {
      en: 'Relationships marked as disputed because the source contradicts itself, with the note explaining why.',
      zh: '因來源前後說法不一致而標為有爭議之關係及其說明。',
    },
    cypher: cypher`
      MATCH (a)-[r]->(b)
      WHERE r.disputed = true
      RETURN a.id AS source, type(r) AS relType, b.id AS target, r.note AS note, r.provSections AS sections, a, r, b
      ORDER BY source, relType, target`,
    params: [],
  },
  {
    id: 'shortest-path',
    category: 'paths',
    title: { en: 'Shortest path between two entities', zh: '兩實體間之最短路徑' },
    description: {
      en: 'The shortest chain of relationships, in either direction, between two nodes given by id.',
      zh: '以代號指定之兩節點間（不論方向）最短之關係鏈。',
    },
    cypher: cypher`
      MATCH (a {id: $from}), (b {id: $to})
      MATCH p = shortestPath((a)-[*..10]-(b))
      RETURN length(p) AS hops, [n IN nodes(p) | n.id] AS via, [r IN relationships(p) | type(r)] AS types, p AS path`,
    params: [
      { name: 'from', default: 'TWN', description: { en: 'Start node id', zh: '起點代號' } },
      { name: 'to', default: 'cbpr', description: { en: 'End node id', zh: '終點代號' } },
    ],
  },
  {
    id: 'economy-profile',
    category: 'paths',
    title: { en: 'Everything about one economy', zh: '單一經濟體之所有關係' },
    description: {
      en: 'All relationships of one economy, grouped by type.',
      zh: '單一經濟體之所有關係，依類型分組。',
    },
    cypher: cypher`
      MATCH (e:Economy {id: $economy})-[r]-(x)
      WITH e, type(r) AS relType, collect(x) AS others, collect(r) AS rels
      RETURN relType, size(others) AS total, [x IN others | x.id] AS ids, e AS node, others, rels
      ORDER BY total DESC, relType`,
    params: [
      { name: 'economy', default: 'TWN', description: { en: 'Economy id (ISO alpha-3)', zh: '經濟體代號' } },
    ],
  },
];

export function savedQuery(id: string): SavedQuery | undefined {
  return SAVED_QUERIES.find((q) => q.id === id);
}

/** The parameters a saved query runs with when the user changes nothing. */
export function defaultParams(query: SavedQuery): Record<string, SavedQueryParamValue> {
  return Object.fromEntries(query.params.map((p) => [p.name, p.default]));
}
