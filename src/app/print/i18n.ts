// Strings of printouts, merged into the page dictionaries by src/app/i18n.ts.
import type { Messages } from '../i18n.js';

export const messages: Messages = {
  en: {
    'print.date': 'Printed on',
    'print.sources': 'Sources cited',
    'print.sections': 'Sections:',
    'print.noSources': 'No sources are cited in this view.',
  },
  'zh-Hant': {
    'print.date': '列印日期',
    'print.sources': '引用資料來源',
    'print.sections': '章節：',
    'print.noSources': '此畫面未引用資料來源。',
  },
};
