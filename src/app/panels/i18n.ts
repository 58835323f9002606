// Strings of the panels around the graph added after the core set (merged by ../i18n.ts).
import type { Messages } from '../i18n.js';

export const messages: Messages = {
  en: {
    'path.options': 'Leave out',
    'path.avoidNodes': 'Nodes',
    'path.avoidAdd': 'Leave out a node',
    'path.avoid': 'Leave out {name}',
    'path.allow': 'Allow {name} again',
    'path.maxDegree': 'Nodes with more than … relationships',
    'path.avoidRels': 'Relationship types',
    'path.k': 'Alternatives',
    'path.foundK': '{count} shortest paths',
    'path.alt': 'Path {n}: {hops} steps',
    'path.show': 'Show on graph',
    'path.sources': 'Sources ({count})',
    'path.visibleOnly': 'Only what the filters leave visible is used.',
    'details.showAll': 'Show all {count}',
    'details.showFewer': 'Show fewer',
  },
  'zh-Hant': {
    'path.options': '排除',
    'path.avoidNodes': '節點',
    'path.avoidAdd': '排除一個節點',
    'path.avoid': '排除 {name}',
    'path.allow': '不再排除 {name}',
    'path.maxDegree': '關係數超過 … 的節點',
    'path.avoidRels': '關係類型',
    'path.k': '路徑數',
    'path.foundK': '{count} 條最短路徑',
    'path.alt': '路徑 {n}：{hops} 步',
    'path.show': '顯示於圖上',
    'path.sources': '來源（{count}）',
    'path.visibleOnly': '只使用篩選後可見的節點與關係。',
    'details.showAll': '顯示全部 {count} 項',
    'details.showFewer': '顯示較少',
  },
};
