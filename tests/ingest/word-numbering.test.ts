import { describe, expect, it } from 'vitest';
import { formatCounter, type LevelDef, NumberingCounter } from '../../src/ingest/read/word-numbering.js';

describe('formatCounter', () => {
  it('writes the number formats of Chinese and English reports', () => {
    const cases: [number, string, string][] = [
      [2, 'ideographLegalTraditional', '貳'],
      [4, 'ideographLegalTraditional', '肆'],
      [11, 'ideographLegalTraditional', '拾壹'],
      [3, 'taiwaneseCounting', '三'],
      [10, 'chineseCounting', '十'],
      [12, 'taiwaneseCounting', '十二'],
      [20, 'chineseCountingThousand', '二十'],
      [25, 'taiwaneseCounting', '二十五'],
      [1, 'ideographTraditional', '甲'],
      [7, 'decimal', '7'],
      [3, 'decimalFullWidth', '３'],
      [2, 'decimalEnclosedCircle', '②'],
      [28, 'lowerLetter', 'bb'],
      [14, 'upperRoman', 'XIV'],
      [9, 'lowerRoman', 'ix'],
      [5, 'somethingNew', '5'],
    ];
    for (const [n, format, expected] of cases)
      expect(formatCounter(n, format), `${n} ${format}`).toBe(expected);
  });
});

describe('NumberingCounter', () => {
  const levels = new Map<number, LevelDef>([
    [0, { format: 'ideographLegalTraditional', text: '%1、', start: 1 }],
    [1, { format: 'taiwaneseCounting', text: '%2、', start: 1 }],
    [2, { format: 'taiwaneseCounting', text: '（%3）', start: 1 }],
    [3, { format: 'decimal', text: '%4.', start: 1 }],
    [4, { format: 'bullet', text: '•', start: 1 }],
  ]);
  const english = new Map<number, LevelDef>([
    [0, { format: 'decimal', text: '%1.', start: 1 }],
    [1, { format: 'decimal', text: '%1.%2', start: 1 }],
    [2, { format: 'lowerLetter', text: '(%3)', start: 1 }],
  ]);
  const defs = {
    abstract: new Map([
      ['zh', levels],
      ['en', english],
    ]),
    nums: new Map([
      ['1', { abstractId: 'zh', startOverrides: new Map<number, number>() }],
      ['2', { abstractId: 'zh', startOverrides: new Map([[0, 2]]) }],
      ['3', { abstractId: 'en', startOverrides: new Map<number, number>() }],
    ]),
  };

  it('counts each level and restarts the deeper levels when a higher one advances', () => {
    const c = new NumberingCounter(defs);
    const seq: [string, number][] = [
      ['1', 0],
      ['1', 0],
      ['1', 1],
      ['1', 2],
      ['1', 3],
      ['1', 3],
      ['1', 2],
      ['1', 3],
      ['1', 1],
      ['1', 2],
      ['1', 0],
    ];
    expect(seq.map(([n, l]) => c.next(n, l))).toEqual([
      '壹、',
      '貳、',
      '一、',
      '（一）',
      '1.',
      '2.',
      '（二）',
      '1.',
      '二、',
      '（一）',
      '參、',
    ]);
  });

  it('keeps list instances apart, honours start overrides, shows no label for bullets or unknown lists', () => {
    const c = new NumberingCounter(defs);
    expect(c.next('1', 0)).toBe('壹、');
    expect(c.next('2', 0)).toBe('貳、');
    expect(c.next('1', 0)).toBe('貳、');
    expect(c.next('1', 4)).toBeUndefined();
    expect(c.next('9', 0)).toBeUndefined();
  });

  it('fills multi-level text (1.2) from the counters of the levels above', () => {
    const c = new NumberingCounter(defs);
    expect([
      c.next('3', 0),
      c.next('3', 1),
      c.next('3', 1),
      c.next('3', 2),
      c.next('3', 0),
      c.next('3', 1),
    ]).toEqual(['1.', '1.1', '1.2', '(a)', '2.', '2.1']);
  });
});
