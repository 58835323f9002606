import { describe, expect, it } from 'vitest';
import { repairGlyphMappings } from '../../src/ingest/read/cjk.js';
import { layoutPage, type TextRun, textRightEdge } from '../../src/ingest/read/pdf-layout.js';

/** Runs of one line, laid out left to right with the given gaps; CJK glyphs are one em wide, Latin half. */
function line(y: number, parts: string[], gaps: number[] = [], x0 = 72, size = 12): TextRun[] {
  const runs: TextRun[] = [];
  let x = x0;
  parts.forEach((str, i) => {
    const width = [...str].reduce(
      (w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/u.test(ch) ? size : size / 2),
      0,
    );
    runs.push({ str, x, y, width, size });
    x += width + (gaps[i] ?? 0);
  });
  return runs;
}

describe('layoutPage', () => {
  it('joins CJK runs without spaces and Latin runs with a space only where the gap is wider than one', () => {
    const runs = [
      ...line(700, ['數位', '經濟', '指導'], [0, 0.5]),
      ...line(680, ['Digital', 'Economy', 'Group'], [4, 0.5]),
    ];
    expect(layoutPage(runs, 500)).toBe('數位經濟指導\nDigital EconomyGroup');
  });

  it('puts runs in reading order: lines top to bottom, then left to right, whatever order they came in', () => {
    const runs = [
      ...line(680, ['second'], [], 72),
      ...line(700.8, ['right'], [], 200),
      ...line(700, ['left'], [], 72),
      ...line(660, ['third'], [], 72),
    ];
    runs.reverse();
    expect(layoutPage(runs, 500)).toBe('left right\nsecond\nthird');
  });

  it('joins a wrapped paragraph: no space inside CJK, one space between Latin words', () => {
    const full = 400;
    const runs = [
      { str: '本次會議由韓國主辦並討論資', x: 72, y: 700, width: full, size: 12 },
      { str: '料隱私議題。', x: 72, y: 684, width: 72, size: 12 },
      { str: 'The meeting was attended by', x: 72, y: 660, width: full, size: 12 },
      { str: 'fifteen economies.', x: 72, y: 644, width: 100, size: 12 },
    ];
    expect(layoutPage(runs)).toBe(
      '本次會議由韓國主辦並討論資料隱私議題。\n\nThe meeting was attended by fifteen economies.',
    );
  });

  it('joins ragged-right lines when the next word would not have fitted at the end of the line', () => {
    // Latin runs here are 6 units a character; the column ends at 500.
    const run = (str: string, y: number): TextRun => ({ str, x: 72, y, width: str.length * 6, size: 12 });
    const wrapped = [run('x'.repeat(65), 700), run('interoperability of the rules.', 684)];
    // 65 characters end at 462: 38 units left, and "interoperability" needs 96.
    expect(layoutPage(wrapped, 500)).toBe(`${'x'.repeat(65)} interoperability of the rules.`);
    const ended = [run('x'.repeat(50), 700), run('It was agreed.', 684)];
    // 50 characters end at 372: 128 units left, room enough for "It".
    expect(layoutPage(ended, 500)).toBe(`${'x'.repeat(50)}\nIt was agreed.`);
  });

  it('never glues a numbered heading onto a full line above it', () => {
    const runs = [
      {
        str: '各經濟體報告落實路徑圖之情形與後續規劃，並分享數位經濟議題之資訊與經驗。',
        x: 72,
        y: 700,
        width: 450,
        size: 12,
      },
      { str: '（二）議程相關事項', x: 72, y: 684, width: 120, size: 12 },
      { str: '1. 聯合監督小組', x: 72, y: 668, width: 100, size: 12 },
    ];
    expect(layoutPage(runs)).toBe(
      '各經濟體報告落實路徑圖之情形與後續規劃，並分享數位經濟議題之資訊與經驗。\n（二）議程相關事項\n1. 聯合監督小組',
    );
  });

  it('never glues an English sub-heading (2.2, (b), Annex) onto a full line above it', () => {
    const full = (y: number) => ({
      str: 'reported on its national digital identity framework and on',
      x: 72,
      y,
      width: 450,
      size: 12,
    });
    const runs = [
      full(700),
      { str: '2.2 Policy dialogue', x: 72, y: 684, width: 100, size: 12 },
      full(668),
      { str: '(b) Japan presented', x: 72, y: 652, width: 100, size: 12 },
      full(636),
      { str: 'Annex A – Agenda', x: 72, y: 620, width: 100, size: 12 },
      full(604),
      { str: 'trusted data flows.', x: 72, y: 588, width: 100, size: 12 },
    ];
    expect(layoutPage(runs).split('\n')).toEqual([
      full(0).str,
      '2.2 Policy dialogue',
      full(0).str,
      '(b) Japan presented',
      full(0).str,
      'Annex A – Agenda',
      `${full(0).str} trusted data flows.`,
    ]);
  });

  it('keeps superscripts and mixed fonts on their line, and drops empty runs', () => {
    const runs: TextRun[] = [
      { str: '第', x: 72, y: 700, width: 12, size: 12 },
      { str: '', x: 84, y: 700, width: 0, size: 12 },
      { str: '50', x: 84, y: 702.5, width: 12, size: 12 },
      { str: '次會議', x: 96, y: 699.5, width: 36, size: 12 },
    ];
    expect(layoutPage(runs)).toBe('第50次會議');
    expect(layoutPage([])).toBe('');
  });
});

describe('repairGlyphMappings', () => {
  it('maps radicals that fonts report for ideographs back to the ideographs, and the figure dash to the en dash', () => {
    expect(repairGlyphMappings('⾏政院 科⻑ ⼈⺠ 26 ‒ 28')).toBe('行政院 科長 人民 26 – 28');
    expect(repairGlyphMappings('中華臺北 APEC – ok')).toBe('中華臺北 APEC – ok');
  });
});

describe('textRightEdge', () => {
  it('is where most lines end, not the one line that runs into the margin', () => {
    const line = (right: number) => ({ text: 'x', y: 0, left: 72, right, size: 12 });
    const page = [...Array.from({ length: 40 }, () => line(523)), line(590)];
    expect(textRightEdge([page, [line(300)]])).toBe(523);
    expect(textRightEdge([[], []])).toBeUndefined();
  });
});
