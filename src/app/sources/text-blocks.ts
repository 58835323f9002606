// Cuts a long text into blocks of about BLOCK_CHARS at line ends (and at every page start), and splits each
// block into runs covered by the same highlights. Pure, so the cutting is unit-tested apart from the DOM.
import type { SourceHighlight } from '../../model/source-text.js';

export const BLOCK_CHARS = 1500;

export interface TextBlock {
  start: number;
  end: number;
  /** Set when a PDF page starts at this block. */
  page?: number;
}

export interface TextRun {
  start: number;
  end: number;
  /** Indexes into the highlights covering this run (empty: plain text). */
  hl: number[];
}

export function cutBlocks(text: string, pages: { page: number; start: number }[] = []): TextBlock[] {
  const pageStarts = new Map(pages.map((p) => [p.start, p.page]));
  const sortedPageStarts = pages.map((p) => p.start).sort((a, b) => a - b);
  const blocks: TextBlock[] = [];
  let start = 0;
  let nextPage = 0;
  while (start < text.length || blocks.length === 0) {
    while (nextPage < sortedPageStarts.length && (sortedPageStarts[nextPage] as number) <= start) nextPage++;
    const pageCut = sortedPageStarts[nextPage] ?? Number.POSITIVE_INFINITY;
    let end = Math.min(text.length, start + BLOCK_CHARS);
    if (end < text.length) {
      const nl = text.indexOf('\n', end);
      end = nl < 0 ? text.length : nl + 1;
    }
    end = Math.min(end, pageCut);
    const page = pageStarts.get(start);
    blocks.push({ start, end, ...(page !== undefined ? { page } : {}) });
    if (end <= start) break;
    start = end;
  }
  return blocks;
}

/** Index of the block holding an offset (the last one for the end of the text). */
export function blockAt(blocks: TextBlock[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((blocks[mid] as TextBlock).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** For each block, the highlights that touch it. */
export function highlightsPerBlock(blocks: TextBlock[], highlights: SourceHighlight[]): number[][] {
  const out: number[][] = blocks.map(() => []);
  highlights.forEach((hl, i) => {
    const last = blockAt(blocks, Math.max(hl.start, hl.end - 1));
    for (let b = blockAt(blocks, hl.start); b <= last; b++) out[b]?.push(i);
  });
  return out;
}

/** The runs of one block: cut at every highlight boundary inside it, each with the highlights covering it. */
export function runsOf(block: TextBlock, highlights: SourceHighlight[], touching: number[]): TextRun[] {
  const cuts = new Set([block.start, block.end]);
  for (const i of touching) {
    const hl = highlights[i] as SourceHighlight;
    if (hl.start > block.start && hl.start < block.end) cuts.add(hl.start);
    if (hl.end > block.start && hl.end < block.end) cuts.add(hl.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: TextRun[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const start = points[k] as number;
    const end = points[k + 1] as number;
    const hl = touching.filter((i) => {
      const x = highlights[i] as SourceHighlight;
      return x.start <= start && x.end >= end;
    });
    const prev = runs[runs.length - 1];
    if (prev && prev.hl.length === 0 && hl.length === 0) prev.end = end;
    else runs.push({ start, end, hl });
  }
  return runs;
}
