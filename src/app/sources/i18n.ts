// Strings of the Sources view (and the "show in source" links), merged into the page dictionaries by src/app/i18n.ts.
import type { Messages } from '../i18n.js';

export const messages: Messages = {
  en: {
    'tabs.sources': 'Sources',
    'sources.title': 'Sources',
    'sources.list': 'Source documents',
    'sources.counts': '{backed} facts, {pending} pending review',
    'sources.outline': 'Outline',
    'sources.page': 'p. {page}',
    'sources.pages': '{pages} pages',
    'sources.docMeta': '{quotes} highlighted quotes, {sections} sections',
    'sources.chooseHint': 'Choose a source to read it with every quote that backs a fact highlighted.',
    'sources.pickHint': 'Click a highlighted quote to see the facts it backs.',
    'sources.factsOfQuote': 'Facts backed by this quote ({count})',
    'sources.showInSource': 'show in source',
    'sources.prevQuote': '← previous quote',
    'sources.nextQuote': 'next quote →',
    'sources.showInSourceHint': 'Open the source at this quote',
  },
  'zh-Hant': {
    'tabs.sources': '資料來源',
    'sources.title': '資料來源',
    'sources.list': '來源文件',
    'sources.counts': '{backed} 項事實，{pending} 項待審',
    'sources.outline': '章節',
    'sources.page': '第 {page} 頁',
    'sources.pages': '共 {pages} 頁',
    'sources.docMeta': '{quotes} 段標示引文，{sections} 個章節',
    'sources.chooseHint': '選擇來源文件，即可閱讀全文並看到支持各項事實的引文。',
    'sources.pickHint': '點選標示的引文，即可看到其支持的事實。',
    'sources.factsOfQuote': '此引文支持的事實（{count}）',
    'sources.showInSource': '在來源中顯示',
    'sources.prevQuote': '← 上一段引文',
    'sources.nextQuote': '下一段引文 →',
    'sources.showInSourceHint': '開啟來源文件並捲動至此引文',
  },
};
