// The graph's vocabulary: one table that the validator, the README and the explorer all read,
// so a new relationship type is added here once and is then checked, documented and shown everywhere.
import type { NodeLabel } from './types.js';

export interface LabelSpec {
  label: NodeLabel;
  description: string;
  descriptionZh: string;
  /** Properties beyond id, name, nameZh, aliases and provenance. */
  props: string;
}

export const LABELS: LabelSpec[] = [
  {
    label: 'Economy',
    description: 'An APEC member economy; id is its ISO 3166 alpha-3 code',
    descriptionZh: 'APEC 會員經濟體',
    props: 'iso3, apecName, joinedApec (year), joinedApecDate',
  },
  {
    label: 'Forum',
    description: 'An APEC forum, committee, sub-group, panel or secretariat unit',
    descriptionZh: 'APEC 論壇、委員會、次級小組或秘書處單位',
    props: 'abbreviation, established',
  },
  {
    label: 'Framework',
    description: 'A framework, system, roadmap, vision or arrangement (CBPR, CPEA, AIDER, ...)',
    descriptionZh: '架構、體系、路徑圖、願景或協議',
    props: 'abbreviation, adopted',
  },
  {
    label: 'FocusArea',
    description: "One of AIDER's 11 Key Focus Areas",
    descriptionZh: 'AIDER 重點關注領域 (KFA)',
    props: 'number (1-11), underServed (boolean, as the report flags)',
  },
  {
    label: 'Meeting',
    description: 'A meeting, ministerial or workshop, held or planned',
    descriptionZh: '會議、部長會議或工作坊',
    props: 'startDate, endDate, location, venue, status (held|planned), ordinal',
  },
  {
    label: 'Session',
    description: 'An agenda item or session of a meeting (policy dialogue, thematic exchange, report round)',
    descriptionZh: '會議議程項目或場次',
    props: 'agendaItem, date',
  },
  {
    label: 'Project',
    description: 'An APEC project, completed, ongoing or proposed',
    descriptionZh: 'APEC 計畫',
    props: 'projectNumber, status (completed|ongoing|proposed), titleZh',
  },
  {
    label: 'Person',
    description: 'A named person',
    descriptionZh: '人物',
    props: 'title',
  },
  {
    label: 'Organization',
    description: 'A government agency, company, guest organisation or other body outside the APEC fora',
    descriptionZh: '機構、企業或客座組織',
    props: 'kind',
  },
  {
    label: 'Topic',
    description: 'A subject discussed (AI governance, digital identity, ...)',
    descriptionZh: '議題',
    props: '',
  },
  {
    label: 'Initiative',
    description: 'A domestic law, policy, programme or guideline an economy reported',
    descriptionZh: '經濟體報告之國內法規、政策、計畫或指引',
    props: 'year, date, status',
  },
  {
    label: 'Document',
    description: 'A report, statement or other document presented or cited',
    descriptionZh: '報告、聲明或其他文件',
    props: 'date',
  },
  {
    label: 'Source',
    description: 'A source document that facts are taken from',
    descriptionZh: '資料來源文件',
    props: 'file, language, date, publisher',
  },
];

export interface RelSpec {
  type: string;
  from: NodeLabel[];
  to: NodeLabel[];
  description: string;
  /** Properties the relationship may carry; `required` ones are checked. */
  props?: string;
  required?: string[];
  example: string;
}

const ACTORS: NodeLabel[] = ['Economy', 'Organization', 'Person', 'Forum'];
const WORK: NodeLabel[] = ['Project', 'Initiative', 'Document', 'Framework', 'Session', 'Meeting'];

export const RELATIONSHIPS: RelSpec[] = [
  {
    type: 'MEMBER_OF',
    from: ['Economy', 'Organization', 'Forum'],
    to: ['Forum', 'Framework'],
    description: 'Membership of a forum or of a membership body',
    props: 'since',
    example: "MATCH (e:Economy)-[:MEMBER_OF]->(:Forum {id: 'apec'}) RETURN e.name ORDER BY e.name",
  },
  {
    type: 'PART_OF',
    from: ['Forum', 'Session', 'FocusArea', 'Meeting', 'Framework', 'Document', 'Project'],
    to: ['Forum', 'Meeting', 'Framework', 'Document', 'Project'],
    description:
      'Structural containment: sub-group of a forum, session of a meeting, focus area of a roadmap',
    example: "MATCH (s:Session)-[:PART_OF]->(m:Meeting {id: 'mtg-dps-50'}) RETURN s.agendaItem, s.name",
  },
  {
    type: 'REPORTS_TO',
    from: ['Forum', 'Person'],
    to: ['Forum'],
    description: 'Reporting line between fora (or from an office holder to a forum)',
    example: 'MATCH p=(:Forum)-[:REPORTS_TO*]->(:Forum) RETURN p',
  },
  {
    type: 'MEETING_OF',
    from: ['Meeting'],
    to: ['Forum'],
    description: 'The forum a meeting belongs to',
    example: 'MATCH (m:Meeting)-[:MEETING_OF]->(f:Forum) RETURN f.name, m.name, m.startDate',
  },
  {
    type: 'HOSTED',
    from: ['Economy', 'Organization', 'Forum'],
    to: ['Meeting'],
    description: 'Host or organiser of a meeting or workshop (held or planned)',
    example: 'MATCH (e:Economy)-[:HOSTED]->(m:Meeting) RETURN e.name, m.name, m.startDate',
  },
  {
    type: 'ATTENDED',
    from: ['Economy', 'Organization', 'Person'],
    to: ['Meeting', 'Session'],
    description: 'Attendance, in person or virtually; no mode where the source does not state one',
    props: "mode ('in-person' | 'virtual', absent when not stated)",
    example:
      "MATCH (e:Economy)-[a:ATTENDED]->(:Meeting {id: 'mtg-desg-2025-1'}) RETURN a.mode, count(e) AS economies",
  },
  {
    type: 'PARTICIPATES_IN',
    from: ['Economy', 'Organization'],
    to: ['Framework'],
    description: 'Participation in a framework or system (CBPR, PRP, CPEA, Global CBPR Forum, ...)',
    props: 'since, certifiedOrganizations, asOf, role',
    example:
      "MATCH (e:Economy)-[p:PARTICIPATES_IN]->(:Framework {id: 'cbpr'}) RETURN e.name, p.since, p.certifiedOrganizations",
  },
  {
    type: 'CONSIDERS_JOINING',
    from: ['Economy'],
    to: ['Framework', 'Forum'],
    description: 'A stated intention or consideration to join',
    example: 'MATCH (e:Economy)-[:CONSIDERS_JOINING]->(f) RETURN e.name, f.name',
  },
  {
    type: 'LEADS',
    from: ['Economy', 'Organization', 'Person'],
    to: ['Project', 'Initiative', 'Forum'],
    description: 'Lead (proponent) of a project, including proposed ones',
    example: 'MATCH (e:Economy)-[:LEADS]->(p:Project) RETURN e.name, p.status, count(p) ORDER BY e.name',
  },
  {
    type: 'SUPPORTS',
    from: ['Economy', 'Organization'],
    to: ['Project', 'Initiative', 'Framework'],
    description: 'Co-sponsor or supporting economy of a project',
    example: 'MATCH (e:Economy)-[:SUPPORTS]->(p:Project) RETURN p.name, collect(e.name) AS supporters',
  },
  {
    type: 'UNDER',
    from: ['Project', 'Meeting', 'Initiative'],
    to: ['Forum'],
    description: 'The forum a project (or a meeting placed under a forum) belongs to',
    example: "MATCH (p:Project)-[:UNDER]->(:Forum {id: 'desg'}) RETURN p.projectNumber, p.name",
  },
  {
    type: 'LED',
    from: ACTORS,
    to: ['Session', 'Meeting'],
    description: 'Led or chaired a session (policy dialogue lead, meeting chair)',
    example: 'MATCH (x)-[:LED]->(s:Session) RETURN s.agendaItem, s.name, x.name',
  },
  {
    type: 'SPOKE_IN',
    from: ACTORS,
    to: ['Session'],
    description: 'Spoke, reported or presented in a session',
    props: 'order, presentation',
    example: "MATCH (e:Economy)-[:SPOKE_IN]->(s:Session {id: 'ses-desg-2025-1-6-2'}) RETURN e.name",
  },
  {
    type: 'SCHEDULED_IN',
    from: ACTORS,
    to: ['Session'],
    description: 'Listed to speak in the agenda (annex), whether or not the report records the intervention',
    example: 'MATCH (x)-[:SCHEDULED_IN]->(s:Session) WHERE NOT (x)-[:SPOKE_IN]->(s) RETURN s.name, x.name',
  },
  {
    type: 'PRESENTED',
    from: ACTORS,
    to: WORK,
    description: 'Presented or published a report, document, project update or initiative',
    example: 'MATCH (e:Economy)-[:PRESENTED]->(d:Document) RETURN e.name, d.name',
  },
  {
    type: 'DISCUSSED_IN',
    from: ['Project', 'Initiative', 'Document', 'Framework', 'Topic', 'FocusArea', 'Meeting'],
    to: ['Session', 'Meeting'],
    description: 'Item that was on the table in a session or meeting',
    example: 'MATCH (p:Project)-[:DISCUSSED_IN]->(s:Session) RETURN s.name, collect(p.projectNumber)',
  },
  {
    type: 'VOLUNTEERED_FOR',
    from: ['Economy'],
    to: ['Forum', 'Project', 'Framework'],
    description: 'Volunteered to join a group or task (e.g. the AIDER drafting group)',
    example: "MATCH (e:Economy)-[:VOLUNTEERED_FOR]->(g {id: 'grp-aider-drafting'}) RETURN e.name",
  },
  {
    type: 'HOLDS_ROLE',
    from: ['Person'],
    to: ['Forum', 'Organization', 'Economy'],
    description: 'A role a person holds (chair, acting chair, vice chair, former vice chair, ...)',
    props: 'role, since, until, status',
    required: ['role'],
    example: 'MATCH (p:Person)-[r:HOLDS_ROLE]->(f:Forum) RETURN p.name, r.role, f.name',
  },
  {
    type: 'REPRESENTS',
    from: ['Person', 'Organization'],
    to: ['Economy', 'Organization'],
    description: 'Nationality or affiliation of a person or agency as the report states it',
    example: 'MATCH (p:Person)-[:REPRESENTS]->(e:Economy) RETURN p.name, e.name',
  },
  {
    type: 'ADDRESSES',
    from: ['Project', 'Session', 'Initiative', 'Document', 'Meeting', 'Framework'],
    to: ['Topic', 'FocusArea'],
    description: 'Subject or AIDER Key Focus Area a project, session or initiative addresses',
    example: 'MATCH (x)-[:ADDRESSES]->(k:FocusArea) RETURN k.number, k.name, count(x) ORDER BY k.number',
  },
  {
    type: 'ADMINISTERS',
    from: ['Forum', 'Organization', 'Economy'],
    to: ['Framework'],
    description: 'Administers or oversees a framework',
    example: 'MATCH (f)-[:ADMINISTERS]->(fw:Framework) RETURN f.name, fw.name',
  },
  {
    type: 'IMPLEMENTS',
    from: ['Framework', 'Document', 'Project', 'Initiative', 'Session'],
    to: ['Framework', 'Document'],
    description: 'Implements or follows up another framework or document',
    example: "MATCH (x)-[:IMPLEMENTS]->(:Framework {id: 'aider'}) RETURN x.name",
  },
  {
    type: 'ASKED',
    from: ['Economy'],
    to: ['Economy', 'Organization'],
    description: 'Put a question to another delegation during a session',
    props: 'about, session',
    example: 'MATCH (a:Economy)-[q:ASKED]->(b) RETURN a.name, b.name, q.about',
  },
  {
    type: 'PROPOSED',
    from: ACTORS,
    to: ['Session', 'Framework', 'Document', 'Topic', 'Initiative'],
    description: 'Made a proposal (of an agenda change, a statement, an initiative)',
    props: 'about, outcome',
    example: 'MATCH (x)-[p:PROPOSED]->(y) RETURN x.name, p.about, p.outcome',
  },
];

export const REL_TYPES = RELATIONSHIPS.map((r) => r.type);

export function relSpec(type: string): RelSpec | undefined {
  return RELATIONSHIPS.find((r) => r.type === type);
}
