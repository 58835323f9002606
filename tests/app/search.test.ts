import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from '../../src/app/search/normalize.js';
import { createSearchIndex } from '../../src/app/search/search-index.js';

describe('normalizeForSearch', () => {
  it('folds case, full-width forms and accents', () => {
    expect(normalizeForSearch('ＣＨＩＮＥＳＥ　Ｔａｉｐｅｉ')).toBe('chinese taipei');
    expect(normalizeForSearch('Việt Nam')).toBe('viet nam');
    expect(normalizeForSearch('  Papua   New-Guinea ')).toBe('papua new guinea');
  });

  it('treats 臺 and 台 as the same character', () => {
    expect(normalizeForSearch('中華臺北')).toBe(normalizeForSearch('中華台北'));
  });
});

describe('search index', () => {
  const index = createSearchIndex([
    { id: 'TWN', name: 'Chinese Taipei', nameZh: '中華台北', aliases: ['我國', 'Taiwan'], weight: 30 },
    { id: 'KOR', name: 'Republic of Korea', nameZh: '韓國', aliases: ['Korea'], weight: 20 },
    { id: 'org-kisa', name: 'KISA', nameZh: '韓國網際網路振興院', aliases: [], weight: 2 },
    {
      id: 'cbpr',
      name: 'APEC Cross-Border Privacy Rules System',
      nameZh: '跨境隱私規則體系',
      aliases: ['CBPR'],
    },
  ]);

  it('finds the same economy by English name, Chinese name and aliases', () => {
    for (const q of ['我國', '中華台北', '中華臺北', 'Taiwan', 'chinese taipei', 'ｔａｉｗａｎ', 'TWN']) {
      expect(index.search(q)[0]?.id, q).toBe('TWN');
    }
  });

  it('ranks an exact match before a node that merely contains the text', () => {
    const hits = index.search('韓國');
    expect(hits.map((h) => h.id)).toEqual(['KOR', 'org-kisa']);
    expect(hits[0]?.rank).toBe(0);
  });

  it('reports which alias matched, and finds words inside names', () => {
    expect(index.search('cbpr')[0]).toMatchObject({ id: 'cbpr', matched: 'CBPR', rank: 0 });
    expect(index.search('privacy')[0]).toMatchObject({ id: 'cbpr', rank: 2 });
  });

  it('answers nothing for an empty query or an unknown name', () => {
    expect(index.search('   ')).toEqual([]);
    expect(index.search('Atlantis')).toEqual([]);
  });
});
