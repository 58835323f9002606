// The Sources view's computation: quotes located whitespace-insensitively and mapped back to offsets, the
// outline from cited labels and numbered headings, page starts, and the counts per source.
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/model/read.js';
import {
  buildSourceView,
  findHeadings,
  findPages,
  locateQuote,
  squashText,
} from '../../src/model/source-text.js';
import { factsOfSource, listSources } from '../../src/model/source-text-list.js';
import type { KnowledgeBase, NodeRecord } from '../../src/model/types.js';

const squashed = (s: string) => s.replace(/\s+/gu, '');

describe('locateQuote', () => {
  it('finds a quote the text wraps across lines and returns offsets into the original text', () => {
    const text = '前言\n我國取得 APEC CBPR\n  驗證之企業計 8 家。\n結語';
    const r = locateQuote(squashText(text), 'APEC CBPR驗證之企業');
    expect(r).not.toBeNull();
    const hit = text.slice(r?.start, r?.end);
    expect(hit.startsWith('APEC')).toBe(true);
    expect(hit.endsWith('企業')).toBe(true);
    expect(squashed(hit)).toBe('APECCBPR驗證之企業');
  });

  it('prefers the first occurrence at or after the cited section, and says null for an absent quote', () => {
    const text = '一、甲\n韓國與會\n二、乙\n韓國與會';
    const index = squashText(text);
    expect(locateQuote(index, '韓國與會')?.start).toBe(text.indexOf('韓國與會'));
    expect(locateQuote(index, '韓國與會', text.indexOf('二、'))?.start).toBe(text.lastIndexOf('韓國與會'));
    expect(locateQuote(index, '日本與會')).toBeNull();
    expect(locateQuote(index, '   ')).toBeNull();
  });
});

describe('findHeadings and findPages', () => {
  it('nests the report numbering into graph/ labels and skips table-of-contents lines', () => {
    const text = [
      '壹、摘要\t2',
      '壹、摘要',
      '貳、會議情形',
      '一、第一天',
      '（一）出席',
      '1. 我國',
      '(1) 細項',
      '(二) 議程',
      '二、第二天',
      '2.1. Report from the Chair',
    ].join('\n');
    const labels = findHeadings(text).map((hd) => hd.label);
    expect(labels).toEqual([
      '壹',
      '貳',
      '貳.一',
      '貳.一.(一)',
      '貳.一.(一).1',
      '貳.一.(一).1.(1)',
      '貳.一.(二)',
      '貳.二',
      '貳.二.2.1',
    ]);
    const second = findHeadings(text)[1];
    expect(text.slice(second?.start)).toMatch(/^貳、會議情形/);
    expect(second?.title).toBe('會議情形');
  });

  it('reads page starts from form feeds', () => {
    expect(findPages('no pages')).toEqual([]);
    expect(findPages('one\ftwo\fthree')).toEqual([
      { page: 1, start: 0 },
      { page: 2, start: 4 },
      { page: 3, start: 8 },
    ]);
  });
});

describe('buildSourceView', () => {
  const text = '壹、會議\n一、出席\n澳洲、智利及我國\n與會。\f二、議程\n主席提議取消此一議程。';

  it('merges facts quoting the same words into one highlight and keeps the cited sections in the outline', () => {
    const view = buildSourceView(text, [
      { id: 'AUS|ATTENDED|m', prov: [{ section: '壹.一', quote: '澳洲、智利及我國與會' }] },
      { id: 'TWN|ATTENDED|m', prov: [{ section: '壹.一', quote: '澳洲、智利及我國 與會' }] },
      {
        id: 'm',
        prov: [
          { section: 'annex-x', quote: '主席提議' },
          { section: '壹.二', quote: '不存在' },
        ],
      },
    ]);
    expect(view.highlights).toHaveLength(2);
    expect(view.highlights[0]?.factIds).toEqual(['AUS|ATTENDED|m', 'TWN|ATTENDED|m']);
    for (const hl of view.highlights) expect(text.slice(hl.start, hl.end)).not.toMatch(/^\s|\s$/);
    expect(squashed(text.slice(view.highlights[1]?.start, view.highlights[1]?.end))).toBe('主席提議');
    expect(view.unlocated).toEqual([{ factId: 'm', section: '壹.二', quote: '不存在' }]);
    const byLabel = new Map(view.sections.map((s) => [s.label, s]));
    expect(byLabel.get('壹.一')).toMatchObject({ title: '出席', start: text.indexOf('一、'), page: 1 });
    // Cited but not numbered so in the text: placed at its first quote.
    expect(byLabel.get('annex-x')).toMatchObject({ start: text.indexOf('主席'), page: 2 });
    expect(byLabel.get('壹.二')).toMatchObject({ start: text.indexOf('二、'), page: 2 });
    const starts = view.sections.map((s) => s.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(view.pages).toEqual([
      { page: 1, start: 0 },
      { page: 2, start: text.indexOf('\f') + 1 },
    ]);
  });
});

describe('the sources of graph/', () => {
  const kb = loadKnowledgeBase();

  it('locates every quote of the seed report, each highlight covering words a fact quotes', () => {
    const id = 'src-desg-dps-2025-02';
    const text = kb.sourceTexts.get(id) as string;
    const facts = factsOfSource(kb, id);
    const view = buildSourceView(text, facts);
    expect(view.unlocated).toEqual([]);
    const quotes = new Set(facts.flatMap((f) => f.prov.map((p) => squashed(p.quote))));
    for (const hl of view.highlights) expect(quotes.has(squashed(text.slice(hl.start, hl.end)))).toBe(true);
    const covered = new Set(view.highlights.flatMap((hl) => hl.factIds));
    expect(covered.size).toBe(facts.length);
    expect(view.sections.some((s) => s.label === '貳.一.(八).4')).toBe(true);
  });

  it('lists each source with the facts it backs, drafts counted as pending and rejected ones not at all', () => {
    const list = listSources(kb);
    const seed = list.find((s) => s.id === 'src-desg-dps-2025-02');
    expect(seed).toMatchObject({ language: 'zh-Hant', date: '2025-03-13', pending: 0 });
    const cited = [...kb.nodes, ...kb.edges].filter((f) => f.prov.some((p) => p.source === seed?.id));
    expect(seed?.backed).toBe(cited.length);

    const node = kb.nodes.find((n) => n.id === 'TWN') as NodeRecord;
    const drafted: KnowledgeBase = {
      ...kb,
      nodes: kb.nodes.map((n) =>
        n.id === 'TWN'
          ? ({ ...node, review: 'pending' } as NodeRecord)
          : n.id === 'KOR'
            ? ({ ...n, review: 'rejected' } as NodeRecord)
            : n,
      ),
    };
    const after = listSources(drafted).find((s) => s.id === seed?.id);
    expect(after?.pending).toBe(1);
    expect(after?.backed).toBe((seed?.backed ?? 0) - 2);
    expect(factsOfSource(drafted, 'src-desg-dps-2025-02').some((f) => f.id === 'KOR')).toBe(false);
  });
});
