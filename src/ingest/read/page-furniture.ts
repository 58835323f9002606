// Page furniture: the page numbers and running headers or footers a printed report repeats on every page. Left
// in, they land in the middle of sentences that run over a page break, and quotes that span the break would no
// longer match the stored text. Only the first and last line of a page are candidates, and only a pattern that
// recurs over the document counts, so a lone number that happens to end one page stays.
import type { Line } from './pdf-layout.js';

const PAGE_NUMBER =
  /^(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?$|^(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^第\s*\d{1,4}\s*頁(?:\s*[，,、]?\s*共\s*\d{1,4}\s*頁)?$|^\d{1,4}\s*\/\s*\d{1,4}$/iu;

/** The same header with another page number in it is the same header. */
const shape = (text: string) => text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/**
 * Drops page numbers, and lines repeated at the same end of the page, when they occur on at least half of the
 * pages (and on at least two). A repeated header is kept where it first appears,
 * since there it may be the report's own title.
 */
export function dropPageFurniture(pages: Line[][]): Line[][] {
  if (pages.length < 2) return pages;
  const drop = pages.map(() => new Set<number>());
  for (const end of ['first', 'last'] as const) {
    const at = (lines: Line[]) => (end === 'first' ? 0 : lines.length - 1);
    const numbered: number[] = [];
    const shapes = new Map<string, number[]>();
    pages.forEach((lines, p) => {
      const line = lines[at(lines)];
      if (!line) return;
      if (PAGE_NUMBER.test(line.text.trim())) numbered.push(p);
      else {
        const key = shape(line.text);
        const list = shapes.get(key);
        if (list) list.push(p);
        else shapes.set(key, [p]);
      }
    });
    const half = pages.length / 2;
    if (numbered.length >= Math.max(2, half)) {
      for (const p of numbered) drop[p]?.add(at(pages[p] ?? []));
    }
    for (const list of shapes.values()) {
      if (list.length < Math.max(2, half)) continue;
      for (const p of list.slice(1)) drop[p]?.add(at(pages[p] ?? []));
    }
  }
  return pages.map((lines, p) => lines.filter((_, i) => !drop[p]?.has(i)));
}
