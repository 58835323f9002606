// A source document as the Sources view shows it: where each backing quote sits in the full text, the section
// outline (from the labels facts cite and the headings the text itself numbers) and PDF page starts.
// Pure and browser-safe: the server builds the view, the page re-locates a single quote for "show in source".

/** The text without whitespace, and for every character of it the offset of the same character in the text. */
export interface SquashedText {
  squashed: string;
  offsets: Uint32Array;
  length: number;
}

export function squashText(text: string): SquashedText {
  const offsets = new Uint32Array(text.length);
  let out = '';
  let n = 0;
  let runStart = -1;
  // Built from runs of non-space characters: one string concatenation per word, not per character.
  for (let i = 0; i <= text.length; i++) {
    const ws = i === text.length || /\s/u.test(text[i] as string);
    if (!ws) {
      if (runStart < 0) runStart = i;
      offsets[n++] = i;
    } else if (runStart >= 0) {
      out += text.slice(runStart, i);
      runStart = -1;
    }
  }
  return { squashed: out, offsets: offsets.subarray(0, n), length: text.length };
}

export interface TextRange {
  start: number;
  end: number;
}

/**
 * Where a quote occurs in the text, compared without whitespace (the way the validator checks quotes): the
 * first occurrence at or after `near` (the cited section's start), else the first one; null when absent.
 */
export function locateQuote(index: SquashedText, quote: string, near = 0): TextRange | null {
  const q = quote.replace(/\s+/gu, '');
  if (q === '') return null;
  let first = -1;
  for (let at = index.squashed.indexOf(q); at >= 0; at = index.squashed.indexOf(q, at + 1)) {
    if (first < 0) first = at;
    if ((index.offsets[at] as number) >= near) {
      first = at;
      break;
    }
  }
  if (first < 0) return null;
  return {
    start: index.offsets[first] as number,
    end: (index.offsets[first + q.length - 1] as number) + 1,
  };
}

export interface TextHeading {
  /** In graph/'s form, from the numbering alone: `貳.三.(五).2`, `2.1`, `(a)`. */
  label: string;
  title: string;
  start: number;
  depth: number;
}

const CJK_UPPER = '壹貳參叁肆伍陸柒捌玖拾';
const CJK_DIGITS = '一二三四五六七八九十';

interface Marker {
  style: string;
  token: string;
  rest: string;
}

const MARKERS: { style: string; re: RegExp; token: (m: RegExpExecArray) => string }[] = [
  { style: 'cjk-upper', re: new RegExp(`^([${CJK_UPPER}]+)、\\s*(.*)$`, 'u'), token: (m) => m[1] ?? '' },
  { style: 'cjk-num', re: new RegExp(`^([${CJK_DIGITS}]+)、\\s*(.*)$`, 'u'), token: (m) => m[1] ?? '' },
  {
    style: 'cjk-paren',
    re: new RegExp(`^[（(]([${CJK_DIGITS}]+)[）)]\\s*(.*)$`, 'u'),
    token: (m) => `(${m[1]})`,
  },
  { style: 'arabic-dot', re: /^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(\S.*)$/u, token: (m) => m[1] ?? '' },
  { style: 'arabic-paren', re: /^[（(](\d{1,2})[）)]\s*(.*)$/u, token: (m) => `(${m[1]})` },
  { style: 'latin-paren', re: /^\(([a-z])\)\s+(.*)$/u, token: (m) => `(${m[1]})` },
  {
    style: 'annex',
    re: /^((?:Annex|Attachment|附件)\s*[A-Z0-9]*)\s*[:：、.-]?\s*(.*)$/u,
    token: (m) => m[1] ?? '',
  },
];

function markerOf(line: string): Marker | null {
  for (const m of MARKERS) {
    const hit = m.re.exec(line);
    if (hit) return { style: m.style, token: m.token(hit).replace(/\s+/g, ''), rest: hit[2] ?? '' };
  }
  return null;
}

/**
 * Headings found by the report's own numbering, at the start of a line. A style's depth is where it first
 * appeared under the current parent (the usual way such outlines nest); table-of-contents lines (ending in a
 * tab and a page number) are skipped.
 */
export function findHeadings(text: string): TextHeading[] {
  const out: TextHeading[] = [];
  const stack: { style: string; token: string }[] = [];
  let offset = 0;
  for (const rawLine of text.split(/[\n\f]/)) {
    const lineStart = offset;
    offset += rawLine.length + 1;
    const lead = rawLine.length - rawLine.trimStart().length;
    const line = rawLine.trim();
    if (line === '' || /\t\s*\d+$/.test(line)) continue;
    const m = markerOf(line);
    if (!m) continue;
    const at = stack.findIndex((s) => s.style === m.style);
    if (at >= 0) stack.length = at;
    stack.push({ style: m.style, token: m.token });
    out.push({
      label: stack.map((s) => s.token).join('.'),
      title: m.rest.slice(0, 80),
      start: lineStart + lead,
      depth: stack.length,
    });
  }
  return out;
}

/** PDF text keeps a form feed between pages: where each page starts, page 1 at 0. Empty when there is none. */
export function findPages(text: string): { page: number; start: number }[] {
  if (!text.includes('\f')) return [];
  const pages = [{ page: 1, start: 0 }];
  for (let i = text.indexOf('\f'); i >= 0; i = text.indexOf('\f', i + 1))
    pages.push({ page: pages.length + 1, start: text[i + 1] === '\n' ? i + 2 : i + 1 });
  return pages;
}

function pageAt(pages: { page: number; start: number }[], offset: number): number | undefined {
  let lo = 0;
  let hi = pages.length - 1;
  let found: number | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pages[mid] as { page: number; start: number };
    if (p.start <= offset) {
      found = p.page;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export interface SourceSection {
  label: string;
  title: string;
  start: number;
  page?: number;
}

export interface SourceHighlight {
  start: number;
  end: number;
  /** Node ids and relationship ids (`from|TYPE|to[|key]`) this quote backs. */
  factIds: string[];
}

export interface SourceView {
  text: string;
  sections: SourceSection[];
  highlights: SourceHighlight[];
  /** Where each PDF page starts (from form feeds in the stored text); empty when unknown. */
  pages: { page: number; start: number }[];
  /** Quotes that could not be placed (the validator reports them too). */
  unlocated: { factId: string; section: string; quote: string }[];
}

export interface FactQuotes {
  id: string;
  prov: { section: string; quote: string }[];
}

/**
 * The view of one source: every quote the given facts cite located in the text (near the section they cite
 * when a heading gives that section's place), highlights merged by identical range, and the outline: each
 * cited label at its heading if the text numbers one so, else at its first quote; then the text's other headings.
 */
export function buildSourceView(text: string, facts: FactQuotes[]): SourceView {
  const index = squashText(text);
  const headings = findHeadings(text);
  const pages = findPages(text);
  const headingByLabel = new Map<string, TextHeading>();
  for (const hd of headings) if (!headingByLabel.has(hd.label)) headingByLabel.set(hd.label, hd);

  const byRange = new Map<string, SourceHighlight>();
  const firstQuoteOf = new Map<string, number>();
  const unlocated: SourceView['unlocated'] = [];
  for (const f of facts) {
    for (const p of f.prov) {
      const near = headingByLabel.get(p.section)?.start ?? 0;
      const r = locateQuote(index, p.quote, near);
      if (!r) {
        unlocated.push({ factId: f.id, section: p.section, quote: p.quote });
        continue;
      }
      const key = `${r.start}:${r.end}`;
      const hl = byRange.get(key) ?? { start: r.start, end: r.end, factIds: [] };
      if (!hl.factIds.includes(f.id)) hl.factIds.push(f.id);
      byRange.set(key, hl);
      const seen = firstQuoteOf.get(p.section);
      if (seen === undefined || r.start < seen) firstQuoteOf.set(p.section, r.start);
    }
  }

  const sections = new Map<string, SourceSection>();
  const add = (label: string, title: string, start: number) => {
    if (sections.has(label)) return;
    const page = pageAt(pages, start);
    sections.set(label, { label, title, start, ...(page !== undefined ? { page } : {}) });
  };
  for (const [label, start] of firstQuoteOf) {
    const hd = headingByLabel.get(label);
    add(label, hd?.title ?? '', hd?.start ?? start);
  }
  for (const hd of headings) add(hd.label, hd.title, hd.start);

  return {
    text,
    sections: [...sections.values()].sort((a, b) => a.start - b.start || a.label.localeCompare(b.label)),
    highlights: [...byRange.values()].sort((a, b) => a.start - b.start || a.end - b.end),
    pages,
    unlocated,
  };
}
