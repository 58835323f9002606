import { describe, expect, it } from 'vitest';
import { recoverSections, sectionAt } from '../../src/ingest/structure/sections.js';
import { splitSentences } from '../../src/ingest/text/sentences.js';

const opts: { lang: 'zh' | 'en'; forumAbbreviations: string[] } = {
  lang: 'zh',
  forumAbbreviations: ['DESG', 'DPS'],
};
const labels = (text: string, o = opts) =>
  recoverSections({ text, format: 'txt', fileName: 'x.txt' }, o).map((s) => s.label);

describe('section tree', () => {
  it('labels Chinese numbering levels as graph/ does, full-width or half-width brackets alike', () => {
    const text = [
      '目錄',
      '壹、摘要\t2',
      '貳、會議情形\t3',
      '壹、摘要',
      '本次會議…',
      '貳、會議情形',
      '一、2月26日：第50次會議',
      '（一）出席情況',
      '(二) 議程',
      '1. 我國：說明',
      '- (1) 澳洲：提問',
      '2. 日本',
      '三、2月27日',
      '參、心得',
    ].join('\n');
    expect(labels(text)).toEqual([
      '封面',
      '壹',
      '貳',
      '貳.一',
      '貳.一.(一)',
      '貳.一.(二)',
      '貳.一.(二).1',
      '貳.一.(二).1.(1)',
      '貳.一.(二).2',
      '貳.三',
      '參',
    ]);
  });

  it('labels an annexed agenda under the forum its title names, with dotted items', () => {
    const text = [
      '肆、附件',
      '【會議議程】',
      'APEC DIGITAL ECONOMY STEERING GROUP (DESG)',
      '50th DATA PRIVACY SUB-GROUP (DPS) MEETING',
      'AGENDA',
      '7. APEC PROJECTS',
      '7.1. Updates on the status of ongoing or completed projects',
      '- Korea: a project',
      '7.2. Opportunity to propose',
      '8. FUTURE WORK',
    ].join('\n');
    expect(labels(text)).toEqual([
      '封面',
      '附件',
      '附件.DPS',
      '附件.DPS.7',
      '附件.DPS.7.1',
      '附件.DPS.7.2',
      '附件.DPS.8',
    ]);
  });

  it('reads English numbered paragraphs, lettered items and annexes', () => {
    const text = [
      '1. Opening',
      '1.1 The meeting was opened.',
      '(a) first',
      '(b) second',
      '2. Projects',
      'Annex A: Agenda',
    ].join('\n');
    expect(labels(text, { lang: 'en', forumAbbreviations: [] })).toEqual([
      'cover',
      '1',
      '1.1',
      '1.1.(a)',
      '1.1.(b)',
      '2',
      'Annex A',
    ]);
  });

  it('reads "Item N –" headings of APEC meeting documents', () => {
    const text = ['Item 1 – Opening', 'Agenda Item 2: Projects', 'Item 2.1: Completed projects'].join('\n');
    expect(labels(text, { lang: 'en', forumAbbreviations: [] })).toEqual(['cover', '1', '2', '2.1']);
  });

  it('does not take a date, a year or a decimal for a heading', () => {
    expect(labels('2024. Report\n27.6% of farms\n2 月 26 日開會')).toEqual(['封面']);
  });

  it('ends a section where the next one at its level starts, and finds the section of an offset', () => {
    const text = '一、甲\n內容甲\n二、乙\n內容乙';
    const s = recoverSections({ text, format: 'txt', fileName: 'x.txt' }, opts);
    expect(s[1]?.end).toBe(text.indexOf('二、'));
    expect(sectionAt(s, text.indexOf('內容乙')).label).toBe('二');
  });

  it('gives each section the PDF page it starts on', () => {
    const text = '壹、摘要\n文字\n貳、會議情形\n文字';
    const s = recoverSections(
      {
        text,
        format: 'pdf',
        fileName: 'x.pdf',
        pages: [
          { page: 1, start: 0 },
          { page: 2, start: text.indexOf('貳') },
        ],
      },
      opts,
    );
    expect(s.map((x) => x.page)).toEqual([1, 1, 2]);
  });

  it('splits sentences at 。 and full stops but not inside a line-wrapped sentence', () => {
    const text =
      '澳洲政府刻正推動修正案（Privacy and\n\nOther Legislation）。日本表示支持。\nJapan agreed. Korea did not.';
    const s = splitSentences(text, []).map((x) => text.slice(x.start, x.end));
    expect(s).toEqual([
      '澳洲政府刻正推動修正案（Privacy and\n\nOther Legislation）。',
      '日本表示支持。',
      'Japan agreed.',
      'Korea did not.',
    ]);
  });
});
