// UI strings in English and Traditional Chinese. Feature folders add their own strings in `<folder>/i18n.ts`
// (exporting `messages: Messages`); they are merged here so `t()` is the one way to put text on the page.
import { NODE_LABELS, type NodeLabel } from '../model/types.js';

export const LANGS = ['en', 'zh-Hant'] as const;
export type Lang = (typeof LANGS)[number];
export type Dict = Record<string, string>;
export type Messages = Record<Lang, Dict>;

export function isLang(v: unknown): v is Lang {
  return (LANGS as readonly unknown[]).includes(v);
}

const LABEL_NAMES: Record<NodeLabel, [string, string]> = {
  Economy: ['Economy', '經濟體'],
  Forum: ['Forum', '論壇'],
  Framework: ['Framework', '架構'],
  FocusArea: ['Focus area', '重點領域'],
  Meeting: ['Meeting', '會議'],
  Session: ['Session', '場次'],
  Project: ['Project', '計畫'],
  Person: ['Person', '人物'],
  Organization: ['Organization', '機構'],
  Topic: ['Topic', '議題'],
  Initiative: ['Initiative', '措施'],
  Document: ['Document', '文件'],
  Source: ['Source', '資料來源'],
};

const LABEL_PLURALS: Record<NodeLabel, string> = {
  Economy: 'Economies',
  Forum: 'Fora',
  Framework: 'Frameworks',
  FocusArea: 'Focus areas',
  Meeting: 'Meetings',
  Session: 'Sessions',
  Project: 'Projects',
  Person: 'People',
  Organization: 'Organizations',
  Topic: 'Topics',
  Initiative: 'Initiatives',
  Document: 'Documents',
  Source: 'Sources',
};

const REL_NAMES: Record<string, [string, string]> = {
  MEMBER_OF: ['member of', '成員'],
  PART_OF: ['part of', '隸屬於'],
  REPORTS_TO: ['reports to', '向其報告'],
  MEETING_OF: ['meeting of', '之會議'],
  HOSTED: ['hosted', '主辦'],
  ATTENDED: ['attended', '出席'],
  PARTICIPATES_IN: ['participates in', '參與'],
  CONSIDERS_JOINING: ['considers joining', '考慮加入'],
  LEADS: ['leads', '主導'],
  SUPPORTS: ['supports', '支持'],
  UNDER: ['under', '歸屬'],
  LED: ['led', '主持'],
  SPOKE_IN: ['spoke in', '發言於'],
  SCHEDULED_IN: ['scheduled in', '排定發言於'],
  PRESENTED: ['presented', '提出報告'],
  DISCUSSED_IN: ['discussed in', '討論於'],
  VOLUNTEERED_FOR: ['volunteered for', '自願參與'],
  HOLDS_ROLE: ['holds role', '擔任職務'],
  REPRESENTS: ['represents', '代表'],
  ADDRESSES: ['addresses', '涉及'],
  ADMINISTERS: ['administers', '管理'],
  IMPLEMENTS: ['implements', '落實'],
  ASKED: ['asked', '提問'],
  PROPOSED: ['proposed', '提議'],
};

const en: Dict = {
  'app.title': 'APEC digital economy knowledge graph',
  'app.loading': 'Loading the graph…',
  'app.loadFailed': 'The graph could not be loaded: {message}',
  'app.ready': 'Graph loaded: {nodes} nodes, {edges} relationships',
  'lang.switch': 'Language',
  'lang.en': 'English',
  'lang.zh-Hant': '繁體中文',
  'status.label': 'Neo4j status',
  'status.checking': 'Neo4j: checking…',
  'status.up': 'Neo4j {version} connected',
  'status.down': 'Neo4j not connected',
  'status.unreachable': 'Server unreachable',
  'status.howto': 'The graph, search and coverage work without it; only the Cypher console needs Neo4j.',
  'status.startServer': 'Start the server with npm start, then reload this page.',
  'search.label': 'Search nodes',
  'search.placeholder': 'Search: name in English or Chinese, alias…',
  'search.results': '{count} results',
  'search.noResults': 'No match',
  'search.clear': 'Clear search',
  'toolbar.label': 'Graph controls',
  'toolbar.zoomIn': 'Zoom in',
  'toolbar.zoomOut': 'Zoom out',
  'toolbar.fit': 'Fit to view',
  'toolbar.layout': 'Run layout',
  'toolbar.layoutStop': 'Stop layout',
  'toolbar.layoutReset': 'Reset positions',
  'toolbar.sizeBy': 'Node size',
  'size.degree': 'Degree',
  'size.betweenness': 'Betweenness',
  'layout.running': 'Layout running',
  'layout.stopped': 'Layout stopped',
  'layout.reset': 'Positions reset',
  'panel.filters': 'Legend and filters',
  'panel.details': 'Details',
  'panel.close': 'Close',
  'legend.title': 'Node types',
  'legend.hint': 'Click a type to show or hide it',
  'legend.all': 'All',
  'legend.none': 'None',
  'filters.title': 'Filters',
  'filters.rels': 'Relationship types',
  'filters.meeting': 'Meeting',
  'filters.meetingAny': 'Any meeting',
  'filters.meetingHint': 'Shows only what is connected to the meeting or its sessions',
  'filters.status': 'Project status',
  'filters.date': 'Date',
  'filters.dateFrom': 'From',
  'filters.dateTo': 'To',
  'filters.dateHint': 'Applies to dated nodes (meetings, sessions, initiatives, documents); others stay',
  'filters.reset': 'Reset filters',
  'filters.visible': '{nodes} of {total} nodes, {edges} of {totalEdges} relationships visible',
  'status.completed': 'completed',
  'status.ongoing': 'ongoing',
  'status.proposed': 'proposed',
  'details.empty': 'Select a node to see its details',
  'details.properties': 'Properties',
  'details.name': 'Name',
  'details.nameZh': 'Chinese name',
  'details.aliases': 'Aliases',
  'details.note': 'Note',
  'details.id': 'Id',
  'details.type': 'Type',
  'details.relationships': 'Relationships',
  'details.outgoing': 'outgoing',
  'details.incoming': 'incoming',
  'details.provenance': 'Sources',
  'details.prov': '{source}, {section}',
  'details.showProv': 'Show sources',
  'details.hidden': 'hidden by filters',
  'details.pending': 'pending review',
  'details.pathFrom': 'Path from here',
  'details.pathTo': 'Path to here',
  'details.selected': '{name} selected',
  'profile.title': 'Economy profile',
  'profile.meetings': 'Meetings attended',
  'profile.frameworks': 'Frameworks',
  'profile.projectsLed': 'Projects led',
  'profile.projectsSupported': 'Projects supported',
  'profile.dialogues': 'Sessions led or spoken in',
  'profile.roles': 'Roles of its people',
  'profile.absent': 'Absent from',
  'profile.absentMeetings': 'Meetings not attended',
  'profile.absentFrameworks': 'Frameworks not in',
  'profile.absentDialogues': 'Policy dialogues without it',
  'profile.noneAbsent': 'Nothing: present everywhere',
  'profile.none': 'none',
  'profile.led': 'led',
  'profile.spoke': 'spoke',
  'path.title': 'Shortest path',
  'path.from': 'From',
  'path.to': 'To',
  'path.find': 'Find path',
  'path.clear': 'Clear path',
  'path.none': 'No path between these two nodes',
  'path.found': 'Path of {hops} steps',
  'path.pick': 'Choose two nodes',
  'export.title': 'Export',
  'export.png': 'PNG image',
  'export.gexf': 'GEXF (Gephi)',
  'export.csvNodes': 'CSV nodes',
  'export.csvEdges': 'CSV relationships',
  'export.hint': 'Exports what is visible; hidden nodes and relationships are left out',
  'export.svg': 'SVG image',
  'export.size': 'Image size',
  'export.scale1': '1× (as on screen)',
  'export.scale2': '2× (sharper)',
  'export.scaleWidth': 'Width in pixels…',
  'export.widthPx': 'Image width in pixels',
  'export.dated': 'As of',
  'quote.lang.zh-Hant': '(quoted in Chinese)',
  'quote.lang.en': '(quoted in English)',
  'tabs.label': 'Analysis',
  'tabs.coverage': 'Coverage',
  'tabs.cypher': 'Cypher',
  'tabs.close': 'Close analysis panel',
  'tabs.unavailable': 'This view is not available in this build',
  'tabs.loading': 'Loading…',
  'tabs.fullWindow': 'Use the whole window',
  'tabs.restore': 'Back to the graph',
  'graph.label': 'Knowledge graph',
  'graph.listLabel': 'Visible nodes as a list',
};

const zh: Dict = {
  'app.title': 'APEC 數位經濟知識圖譜',
  'app.loading': '圖譜載入中…',
  'app.loadFailed': '無法載入圖譜：{message}',
  'app.ready': '圖譜已載入：{nodes} 個節點、{edges} 條關係',
  'lang.switch': '語言',
  'lang.en': 'English',
  'lang.zh-Hant': '繁體中文',
  'status.label': 'Neo4j 狀態',
  'status.checking': 'Neo4j：檢查中…',
  'status.up': 'Neo4j {version} 已連線',
  'status.down': 'Neo4j 未連線',
  'status.unreachable': '無法連線伺服器',
  'status.howto': '圖譜、搜尋與參與分析不需 Neo4j；僅 Cypher 主控台需要。',
  'status.startServer': '請以 npm start 啟動伺服器，再重新載入本頁。',
  'search.label': '搜尋節點',
  'search.placeholder': '搜尋：中英文名稱、別名…',
  'search.results': '{count} 筆結果',
  'search.noResults': '查無結果',
  'search.clear': '清除搜尋',
  'toolbar.label': '圖譜控制',
  'toolbar.zoomIn': '放大',
  'toolbar.zoomOut': '縮小',
  'toolbar.fit': '全圖',
  'toolbar.layout': '重新佈局',
  'toolbar.layoutStop': '停止佈局',
  'toolbar.layoutReset': '還原位置',
  'toolbar.sizeBy': '節點大小',
  'size.degree': '連結數',
  'size.betweenness': '中介中心性',
  'layout.running': '佈局計算中',
  'layout.stopped': '佈局已停止',
  'layout.reset': '位置已還原',
  'panel.filters': '圖例與篩選',
  'panel.details': '詳細資料',
  'panel.close': '關閉',
  'legend.title': '節點類型',
  'legend.hint': '點選類型以顯示或隱藏',
  'legend.all': '全部',
  'legend.none': '全不選',
  'filters.title': '篩選',
  'filters.rels': '關係類型',
  'filters.meeting': '會議',
  'filters.meetingAny': '所有會議',
  'filters.meetingHint': '僅顯示與該會議或其場次相連者',
  'filters.status': '計畫狀態',
  'filters.date': '日期',
  'filters.dateFrom': '起',
  'filters.dateTo': '迄',
  'filters.dateHint': '適用於有日期的節點（會議、場次、措施、文件），其他節點不受影響',
  'filters.reset': '重設篩選',
  'filters.visible': '顯示 {nodes}／{total} 個節點、{edges}／{totalEdges} 條關係',
  'status.completed': '已完成',
  'status.ongoing': '進行中',
  'status.proposed': '提案中',
  'details.empty': '點選節點以檢視詳細資料',
  'details.properties': '屬性',
  'details.name': '名稱',
  'details.nameZh': '中文名稱',
  'details.aliases': '別名',
  'details.note': '附註',
  'details.id': '識別碼',
  'details.type': '類型',
  'details.relationships': '關係',
  'details.outgoing': '由此發出',
  'details.incoming': '指向此處',
  'details.provenance': '出處',
  'details.prov': '{source}，{section}',
  'details.showProv': '顯示出處',
  'details.hidden': '已被篩選隱藏',
  'details.pending': '待審閱',
  'details.pathFrom': '由此開始的路徑',
  'details.pathTo': '到此為止的路徑',
  'details.selected': '已選取 {name}',
  'profile.title': '經濟體概況',
  'profile.meetings': '出席會議',
  'profile.frameworks': '參與架構',
  'profile.projectsLed': '主導計畫',
  'profile.projectsSupported': '支持計畫',
  'profile.dialogues': '主持或發言之場次',
  'profile.roles': '所屬人員職務',
  'profile.absent': '未參與',
  'profile.absentMeetings': '未出席之會議',
  'profile.absentFrameworks': '未參與之架構',
  'profile.absentDialogues': '未參與之政策對話',
  'profile.noneAbsent': '無：皆有參與',
  'profile.none': '無',
  'profile.led': '主持',
  'profile.spoke': '發言',
  'path.title': '最短路徑',
  'path.from': '起點',
  'path.to': '終點',
  'path.find': '尋找路徑',
  'path.clear': '清除路徑',
  'path.none': '兩節點之間沒有路徑',
  'path.found': '路徑共 {hops} 步',
  'path.pick': '請選擇兩個節點',
  'export.title': '匯出',
  'export.png': 'PNG 圖片',
  'export.gexf': 'GEXF（Gephi）',
  'export.csvNodes': 'CSV 節點',
  'export.csvEdges': 'CSV 關係',
  'export.hint': '僅匯出目前可見者；隱藏的節點與關係不會匯出',
  'export.svg': 'SVG 圖片',
  'export.size': '圖片大小',
  'export.scale1': '1×（同螢幕）',
  'export.scale2': '2×（較清晰）',
  'export.scaleWidth': '指定寬度（像素）…',
  'export.widthPx': '圖片寬度（像素）',
  'export.dated': '資料日期',
  'quote.lang.zh-Hant': '（中文原文）',
  'quote.lang.en': '（英文原文）',
  'tabs.label': '分析',
  'tabs.coverage': '參與分析',
  'tabs.cypher': 'Cypher',
  'tabs.close': '關閉分析面板',
  'tabs.fullWindow': '以整個視窗顯示',
  'tabs.restore': '回到圖譜',
  'tabs.unavailable': '此版本未提供此檢視',
  'tabs.loading': '載入中…',
  'graph.label': '知識圖譜',
  'graph.listLabel': '可見節點清單',
};

for (const l of NODE_LABELS) {
  const [e, z] = LABEL_NAMES[l];
  en[`label.${l}`] = e;
  zh[`label.${l}`] = z;
  en[`labels.${l}`] = LABEL_PLURALS[l];
  zh[`labels.${l}`] = z;
}
for (const [type, [e, z]] of Object.entries(REL_NAMES)) {
  en[`rel.${type}`] = e;
  zh[`rel.${type}`] = z;
}

export const CORE_MESSAGES: Messages = { en, 'zh-Hant': zh };

/** Merges dictionaries; a later one adds keys and, on a clash, wins. */
export function mergeMessages(...all: Messages[]): Messages {
  const out: Messages = { en: {}, 'zh-Hant': {} };
  for (const m of all) {
    Object.assign(out.en, m.en);
    Object.assign(out['zh-Hant'], m['zh-Hant']);
  }
  return out;
}

const featureMessages = Object.values(
  import.meta.glob<Messages>('./*/i18n.ts', { eager: true, import: 'messages' }),
);

export const MESSAGES: Messages = mergeMessages(CORE_MESSAGES, ...featureMessages);

/** Looks a key up in lang, then English, then gives the key itself so a missing string is visible, not blank. */
export function translate(
  messages: Messages,
  lang: Lang,
  key: string,
  vars?: Record<string, string | number>,
): string {
  const raw = messages[lang][key] ?? messages.en[key] ?? key;
  if (!vars) return raw;
  return raw.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Name of a relationship type for people; unknown types show as written. */
export function relName(messages: Messages, lang: Lang, type: string): string {
  const key = `rel.${type}`;
  return messages[lang][key] ?? messages.en[key] ?? type;
}

export interface Localizer {
  readonly lang: Lang;
  t(key: string, vars?: Record<string, string | number>): string;
  relName(type: string): string;
  setLang(lang: Lang): void;
  onChange(cb: (lang: Lang) => void): () => void;
}

export function createLocalizer(initial: Lang, messages: Messages = MESSAGES): Localizer {
  let lang = initial;
  const listeners = new Set<(lang: Lang) => void>();
  return {
    get lang() {
      return lang;
    },
    t: (key, vars) => translate(messages, lang, key, vars),
    relName: (type) => relName(messages, lang, type),
    setLang(next) {
      if (next === lang) return;
      lang = next;
      for (const cb of listeners) cb(lang);
    },
    onChange(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
}
