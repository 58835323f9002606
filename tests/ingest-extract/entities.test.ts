import { describe, expect, it } from 'vitest';
import { mergeCandidates } from '../../src/ingest/entities/candidates.js';
import { buildGazetteer } from '../../src/ingest/entities/gazetteer.js';
import { findDates, findOrdinals, findProjectNumbers } from '../../src/ingest/entities/patterns.js';
import { foldText } from '../../src/ingest/text/fold.js';
import { kb } from './helpers.js';

const gaz = buildGazetteer(kb());
const ids = (text: string) => gaz.find(text, foldText(text)).map((m) => m.id);

describe('gazetteer', () => {
  it.each([
    ['中華臺北', 'TWN'],
    ['中華台北', 'TWN'],
    ['我國', 'TWN'],
    ['Chinese Taipei', 'TWN'],
    ['中國香港', 'HKG'],
    ['香港', 'HKG'],
    ['Hong Kong, China', 'HKG'],
    ['南韓', 'KOR'],
    ['韓國', 'KOR'],
    ['Republic of Korea', 'KOR'],
    ['Viet Nam', 'VNM'],
    ['Vietnam', 'VNM'],
    ['Russia', 'RUS'],
    ['the Russian Federation', 'RUS'],
    ['ＡＰＥＣ 跨境隱私規則體系', 'cbpr'],
    ['美方表示', 'USA'],
  ])('%s → %s', (text, id) => {
    expect(ids(text)).toEqual([id]);
  });

  it('reads a name wrapped across lines and takes the longest name at a place', () => {
    expect(ids('資料隱私次\n級小組')).toEqual(['dps']);
    expect(ids('Hong Kong, China; Japan')).toEqual(['HKG', 'JPN']);
    expect(ids('China, Hong Kong, China')).toEqual(['CHN', 'HKG']);
  });

  it('finds people with or without a title, in either name order', () => {
    expect(ids('Mr. Junichi Ishii will report')).toEqual(['person-junichi-ishii']);
    expect(ids('Ishii Junichi')).toEqual(['person-junichi-ishii']);
    expect(ids('石井純一主席')).toEqual(['person-junichi-ishii']);
  });

  it('does not find a name inside a longer word', () => {
    expect(ids('Koreans and Peruvian delegates')).toEqual([]);
  });

  it('ranks merge candidates by similarity', () => {
    const c = mergeCandidates(kb(), 'Forum', ['Data Privacy Subgroup']);
    expect(c[0]?.id).toBe('dps');
    expect(c[0]?.score).toBeGreaterThan(0.8);
  });
});

describe('patterns', () => {
  it('recognises project numbers in their written forms', () => {
    expect(
      findProjectNumbers('(DESG 01 2024S), DESG_103_2024A and CTI 10 2017T; ECSG 01 2018').map(
        (p) => p.number,
      ),
    ).toEqual(['DESG 01 2024S', 'DESG 103 2024A', 'CTI 10 2017T', 'ECSG 01 2018']);
  });

  it('recognises meeting ordinals', () => {
    const o = findOrdinals('第49次 and 第十一屆, the 49th DPS, TEL42');
    expect(o.map((x) => [x.ordinal, x.forum ?? ''])).toEqual([
      [49, ''],
      [11, ''],
      [49, 'DPS'],
      [42, 'TEL'],
    ]);
  });

  it('reads ROC, Chinese and English dates and ranges', () => {
    expect(findDates('民國 113 年 8 月 10 日')).toMatchObject([{ start: '2024-08-10' }]);
    expect(findDates('114 年 2 月 26 日至 2 月 28 日')).toMatchObject([
      { start: '2025-02-26', end: '2025-02-28' },
    ]);
    expect(findDates('2024年8月10日至12日')).toMatchObject([{ start: '2024-08-10', end: '2024-08-12' }]);
    expect(findDates('10–12 August 2024')).toMatchObject([{ start: '2024-08-10', end: '2024-08-12' }]);
    expect(findDates('February 26-28, 2025')).toMatchObject([{ start: '2025-02-26', end: '2025-02-28' }]);
    expect(findDates('2月27日至28日', 2025)).toMatchObject([{ start: '2025-02-27', end: '2025-02-28' }]);
    expect(findDates('30 February 2025')).toEqual([]);
  });
});
