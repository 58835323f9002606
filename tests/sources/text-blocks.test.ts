// How the Sources view cuts a long text: blocks at line ends and page starts that cover the text exactly, and
// runs that split at every highlight boundary, each run knowing the highlights covering it.
import { describe, expect, it } from 'vitest';
import {
  BLOCK_CHARS,
  blockAt,
  cutBlocks,
  highlightsPerBlock,
  runsOf,
} from '../../src/app/sources/text-blocks.js';

describe('cutBlocks', () => {
  const line = `${'x'.repeat(99)}\n`;
  const text = line.repeat(60);

  it('covers the text without gaps, ending blocks at line ends', () => {
    const blocks = cutBlocks(text);
    expect(blocks.length).toBeGreaterThan(2);
    expect(blocks[0]?.start).toBe(0);
    expect(blocks.at(-1)?.end).toBe(text.length);
    for (let i = 1; i < blocks.length; i++) expect(blocks[i]?.start).toBe(blocks[i - 1]?.end);
    for (const b of blocks.slice(0, -1)) {
      expect(text[b.end - 1]).toBe('\n');
      expect(b.end - b.start).toBeLessThanOrEqual(BLOCK_CHARS + line.length);
    }
  });

  it('starts a block at every page and labels it', () => {
    const paged = `${line}${line}\f${line}\f${line}`;
    const pages = [
      { page: 1, start: 0 },
      { page: 2, start: paged.indexOf('\f') + 1 },
      { page: 3, start: paged.lastIndexOf('\f') + 1 },
    ];
    const blocks = cutBlocks(paged, pages);
    expect(blocks.map((b) => b.page)).toEqual([1, 2, 3]);
    expect(blocks.map((b) => b.start)).toEqual(pages.map((p) => p.start));
    expect(blockAt(blocks, pages[1]?.start ?? 0)).toBe(1);
    expect(blockAt(blocks, paged.length)).toBe(2);
  });
});

describe('runsOf', () => {
  it('splits overlapping highlights into runs and finds highlights crossing a block boundary', () => {
    const text = 'aaaa\nbbbb\n';
    const blocks = [
      { start: 0, end: 5 },
      { start: 5, end: 10 },
    ];
    const hls = [
      { start: 1, end: 7, factIds: ['x'] },
      { start: 2, end: 3, factIds: ['y'] },
    ];
    const per = highlightsPerBlock(blocks, hls);
    expect(per).toEqual([[0, 1], [0]]);
    expect(runsOf(blocks[0] as { start: number; end: number }, hls, per[0] ?? [])).toEqual([
      { start: 0, end: 1, hl: [] },
      { start: 1, end: 2, hl: [0] },
      { start: 2, end: 3, hl: [0, 1] },
      { start: 3, end: 5, hl: [0] },
    ]);
    expect(runsOf(blocks[1] as { start: number; end: number }, hls, per[1] ?? [])).toEqual([
      { start: 5, end: 7, hl: [0] },
      { start: 7, end: 10, hl: [] },
    ]);
    expect(text.length).toBe(10);
  });
});
