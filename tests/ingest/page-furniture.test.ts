import { describe, expect, it } from 'vitest';
import { dropPageFurniture } from '../../src/ingest/read/page-furniture.js';
import type { Line } from '../../src/ingest/read/pdf-layout.js';

const page = (...texts: string[]): Line[] =>
  texts.map((text, i) => ({ text, y: 800 - i * 20, left: 72, right: 72 + text.length * 6, size: 12 }));
const texts = (pages: Line[][]) => pages.map((p) => p.map((l) => l.text));

describe('dropPageFurniture', () => {
  it('drops page numbers in the forms reports use, at the top or at the bottom of every page', () => {
    for (const form of ['{n}', '- {n} -', '第 {n} 頁', 'Page {n} of 3', '{n} / 3']) {
      const n = (i: number) => form.replace('{n}', String(i));
      const expected = [['壹、摘要', '本文'], ['本文續'], ['貳、會議情形']];
      const bottom = [page('壹、摘要', '本文', n(1)), page('本文續', n(2)), page('貳、會議情形', n(3))];
      expect(texts(dropPageFurniture(bottom)), form).toEqual(expected);
      const top = [page(n(1), '壹、摘要', '本文'), page(n(2), '本文續'), page(n(3), '貳、會議情形')];
      expect(texts(dropPageFurniture(top)), form).toEqual(expected);
    }
  });

  it('drops a running header repeated on every page, keeping it where it first appears', () => {
    const header = '2025/SOM1/DESG/SUM';
    const pages = [
      page(header, '1. Opening'),
      page(header, 'text'),
      page(header, '2. Projects'),
      page(header, 'end'),
    ];
    expect(texts(dropPageFurniture(pages))).toEqual([
      [header, '1. Opening'],
      ['text'],
      ['2. Projects'],
      ['end'],
    ]);
  });

  it('keeps lines that only look like furniture on a few pages: a number ending one page, a repeated heading', () => {
    const pages = [
      page('Total economies', '14'),
      page('Notes', 'text'),
      page('Notes', 'more'),
      page('Annex', 'list of members'),
      page('Other', 'list of projects'),
      page('Last', 'list of documents'),
    ];
    expect(texts(dropPageFurniture(pages))).toEqual(texts(pages));
    const single = [page('1', 'only page')];
    expect(texts(dropPageFurniture(single))).toEqual([['1', 'only page']]);
  });
});
