// The full text of a source, cut into blocks the browser lays out only near the viewport (content-visibility),
// with every backing quote as a <mark>. A 300-page source is a few hundred blocks, not one huge layout.
import type { SourceView, TextRange } from '../../model/source-text.js';
import { h } from '../ui/dom.js';
import { blockAt, cutBlocks, highlightsPerBlock, runsOf, type TextBlock } from './text-blocks.js';

export interface TextViewer {
  el: HTMLElement;
  /** Scrolls so that the offset is in view (near the top for a section, centred for a quote). */
  scrollTo(offset: number, where: 'start' | 'center'): void;
  /** Marks the quote in range as the current one (null: none) and returns its first mark. */
  setCurrent(range: TextRange | null): HTMLElement | null;
  /** Highlight indexes covering any part of the range. */
  highlightsIn(range: TextRange): number[];
}

export function createTextViewer(
  view: SourceView,
  lang: string | undefined,
  onPick: (highlights: number[]) => void,
  pageLabel: (page: number) => string,
): TextViewer {
  const blocks = cutBlocks(view.text, view.pages);
  const touching = highlightsPerBlock(blocks, view.highlights);
  const el = h('div', { class: 'src-text', tabindex: 0, lang, role: 'document' });
  const blockEls: HTMLElement[] = blocks.map((b: TextBlock, i) => {
    const div = h('div', { class: 'src-block', 'data-start': b.start });
    if (b.page !== undefined) {
      div.classList.add('src-page-start');
      div.dataset.page = pageLabel(b.page);
    }
    const runs = runsOf(b, view.highlights, touching[i] ?? []);
    for (const r of runs) {
      const words = view.text.slice(r.start, r.end);
      if (r.hl.length === 0) div.append(words);
      else div.append(h('mark', { class: 'src-hl', 'data-hl': r.hl.join(' '), 'data-s': r.start }, words));
    }
    return div;
  });
  el.append(...blockEls);
  el.addEventListener('click', (e) => {
    const mark = (e.target as HTMLElement).closest<HTMLElement>('mark.src-hl');
    if (!mark) return;
    onPick((mark.dataset.hl ?? '').split(' ').map(Number));
  });

  let current: HTMLElement[] = [];
  let scrolling = 0;

  const rangeRect = (offset: number): DOMRect | null => {
    const b = blockAt(blocks, offset);
    const blockEl = blockEls[b];
    const block = blocks[b];
    if (!blockEl || !block) return null;
    let left = offset - block.start;
    const walker = document.createTreeWalker(blockEl, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const len = node.textContent?.length ?? 0;
      if (left < len) {
        const range = document.createRange();
        range.setStart(node, Math.min(left, len));
        range.setEnd(node, Math.min(left + 1, len));
        return range.getBoundingClientRect();
      }
      left -= len;
    }
    return blockEl.getBoundingClientRect();
  };

  return {
    el,
    scrollTo(offset, where) {
      // Blocks above the target may still have their estimated height, and get their real one only once the
      // browser renders them near the viewport: place the line, let a frame pass, correct, until it stays put.
      const token = ++scrolling;
      // scrollIntoView lays out the blocks around the target (content-visibility) as it goes, but it scrolls
      // every ancestor too, the page's body included (overflow: hidden: a header pushed out of view could not
      // be scrolled back). Only the viewer is meant to move: the ancestors get their scroll positions back.
      const outer: [Element, number, number][] = [];
      for (let p = el.parentElement; p; p = p.parentElement) outer.push([p, p.scrollTop, p.scrollLeft]);
      blockEls[blockAt(blocks, offset)]?.scrollIntoView({ block: 'start' });
      for (const [p, top, left] of outer) {
        p.scrollTop = top;
        p.scrollLeft = left;
      }
      const settle = (round: number) => {
        if (token !== scrolling) return;
        const rect = rangeRect(offset);
        if (!rect) return;
        const box = el.getBoundingClientRect();
        const target = where === 'center' ? box.height / 2 - rect.height / 2 : 8;
        const delta = rect.top - box.top - target;
        if (Math.abs(delta) < 2 || round > 8) {
          el.dataset.settled = String(offset);
          return;
        }
        el.scrollTop += delta;
        requestAnimationFrame(() => settle(round + 1));
      };
      delete el.dataset.settled;
      settle(0);
    },
    setCurrent(range) {
      for (const m of current) m.classList.remove('is-current');
      current = [];
      if (!range) return null;
      const from = blockAt(blocks, range.start);
      const to = blockAt(blocks, Math.max(range.start, range.end - 1));
      for (let b = from; b <= to; b++) {
        for (const m of blockEls[b]?.querySelectorAll<HTMLElement>('mark.src-hl') ?? []) {
          const s = Number(m.dataset.s);
          if (s >= range.start && s < range.end) current.push(m);
        }
      }
      for (const m of current) m.classList.add('is-current');
      return current[0] ?? null;
    },
    highlightsIn(range) {
      const out: number[] = [];
      view.highlights.forEach((hl, i) => {
        if (hl.start < range.end && hl.end > range.start) out.push(i);
      });
      return out;
    },
  };
}
