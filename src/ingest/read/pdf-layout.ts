// Pure layout of one PDF page's text items into lines and paragraphs (pdfjs gives positioned runs, in content
// stream order, which is not reading order). Linear after one sort, so a 300-page report stays fast.
import { isCjk } from './cjk.js';

export interface TextRun {
  str: string;
  /** Left edge and baseline, in PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size: the run's height in PDF units. */
  size: number;
}

export interface Line {
  y: number;
  left: number;
  right: number;
  size: number;
  text: string;
}

// A heading or list item of the report's own numbering starts a new paragraph even when the line above is full:
// 壹、 一、 （一） (1) 1. 1.1 (a) a) Annex — never glued to the end of the paragraph before it.
const NUMBERED_START =
  /^(?:[壹貳參肆伍陸柒捌玖拾一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}(?:\.\d{1,2})*[.、．)](?!\d)|\d{1,2}(?:\.\d{1,2})+\s|[(（]?[a-z][)）]\s|(?:Annex|Attachment|Appendix)\s|附件)/u;

function joinRuns(runs: TextRun[]): string {
  let text = '';
  let prev: TextRun | undefined;
  for (const run of runs) {
    if (prev && text.length > 0 && run.str.length > 0) {
      const gap = run.x - (prev.x + prev.width);
      const before = text.at(-1);
      const after = run.str[0];
      const bothCjk = isCjk(before) && isCjk(after);
      const eitherCjk = isCjk(before) || isCjk(after);
      // CJK runs abut (Word and Chromium often emit one run per glyph or per font change), and a fallback font's
      // advances can leave gaps inside a word of a mixed line: only a column's width (a table) is a space there.
      // Between Latin runs, a gap wider than a space is a space the PDF drew as distance, not as a character.
      const threshold = (bothCjk ? 1.5 : eitherCjk ? 0.6 : 0.18) * Math.max(prev.size, run.size);
      if (gap > threshold && before !== ' ' && after !== ' ') text += GAP;
    }
    // A blank run as wide as a character or more is a tab stop, a table column or a justified line's space.
    text += run.str.trim() === '' && run.width >= run.size ? TAB : run.str;
    prev = run;
  }
  // A space character between two CJK characters is layout, not text (Chromium, for one, writes the glyphs of a
  // mixed line as "數 位 韌 性"); a space the layout implies (GAP: a gap, a tab stop, a table column) stays.
  return text
    .replace(CJK_SPACED, '$1')
    .replace(/([（「『【〔《〈])[ \u00a0]+/gu, '$1')
    .replace(/[ \u00a0]+(?=[）」』】〕》〉])/gu, '')
    .replaceAll(GAP, ' ')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(CJK_COLUMNS, '$1\t')
    .replaceAll(TAB, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** A space the layout implies (a gap between runs, a tab stop): kept where a literal space is dropped. */
const GAP = '\ue000';
const TAB = '\ue001';
/** Between CJK cells (which have no word spaces to justify), a wide blank is a column: a tab, as in a Word table. */
const CJK_COLUMNS =
  /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]) ?\ue001[ \ue001]*(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef])/gu;
const CJK_SPACED =
  /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef])[ \u00a0]+(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef])/gu;

/** A page's runs as lines, top to bottom, each left to right. */
export function pageLines(runs: TextRun[]): Line[] {
  const sorted = runs.filter((r) => r.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  let group: TextRun[] = [];
  let groupY = 0;
  const flush = () => {
    if (group.length === 0) return;
    group.sort((a, b) => a.x - b.x);
    const text = joinRuns(group);
    const visible = group.filter((r) => r.str.trim().length > 0);
    if (text.length > 0 && visible.length > 0) {
      const first = visible[0] as TextRun;
      const last = visible[visible.length - 1] as TextRun;
      lines.push({
        y: groupY,
        left: first.x,
        right: last.x + last.width,
        size: Math.max(...visible.map((r) => r.size)),
        text,
      });
    }
    group = [];
  };
  for (const run of sorted) {
    // Runs of one line share a baseline up to a fraction of the font size (superscripts, mixed fonts).
    if (group.length > 0 && groupY - run.y > 0.45 * Math.max(run.size, 1)) flush();
    if (group.length === 0) groupY = run.y;
    group.push(run);
  }
  flush();
  return lines;
}

/** Width of the line's first word (or first CJK character), from the line's average character width. */
function firstWordWidth(line: Line): number {
  const chars = [...line.text];
  if (chars.length === 0) return 0;
  const perChar = (line.right - line.left) / chars.length;
  if (isCjk(chars[0])) return perChar;
  const word = /^\S+/u.exec(line.text)?.[0] ?? '';
  return [...word].length * perChar;
}

function mostCommon(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  let best: number | undefined;
  let bestCount = 0;
  for (const v of values) {
    const key = Math.round(v * 2) / 2;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n > bestCount) {
      best = key;
      bestCount = n;
    }
  }
  return best;
}

/**
 * The text of one page: lines top to bottom, each left to right. A line that fills the text width and is followed
 * closely by the next is a wrapped paragraph: the two are joined (without a space between CJK characters, as the
 * report's own text has them); other line ends stay newlines, and a wider gap than usual becomes a blank line.
 * textRight is the right edge of the text column, best taken over the whole document (see textRightEdge): on a
 * page of short lines, the widest of them is not a full line.
 */
export function layoutPage(runs: TextRun[], textRight?: number): string {
  return joinLines(pageLines(runs), textRight);
}

/** layoutPage's second half: lines (as pageLines gives them, possibly filtered) into the page's text. */
export function joinLines(lines: Line[], textRight?: number): string {
  if (lines.length === 0) return '';
  const right = textRight ?? Math.max(...lines.map((l) => l.right));
  const pitches: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1] as Line;
    const b = lines[i] as Line;
    pitches.push(a.y - b.y);
  }
  const pitch = mostCommon(pitches) ?? 0;
  let out = (lines[0] as Line).text;
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1] as Line;
    const b = lines[i] as Line;
    const gap = a.y - b.y;
    const closeBelow = gap > 0 && gap <= Math.max(pitch, a.size) * 1.15 && gap < a.size * 2.2;
    // A line ends where it does because the next word did not fit: the room left at its end is less than that
    // word (one character for CJK, which wraps anywhere). Justified text leaves no room at all.
    const full = right - a.right < Math.max(1.5 * a.size, firstWordWidth(b) + 0.5 * a.size);
    if (closeBelow && full && !NUMBERED_START.test(b.text)) {
      const glue = isCjk(a.text.at(-1)) || isCjk(b.text[0]) || a.text.endsWith('-') ? '' : ' ';
      out += glue + b.text;
    } else {
      out += gap > Math.max(pitch, a.size) * 1.25 ? '\n\n' : '\n';
      out += b.text;
    }
  }
  return out;
}

/**
 * The right edge of the text column over the whole document: the 95th percentile of the lines' right ends, so a
 * URL or a wide table running into the margin does not move it.
 */
export function textRightEdge(pages: Line[][]): number | undefined {
  const rights = pages.flatMap((lines) => lines.map((l) => l.right)).sort((x, y) => x - y);
  if (rights.length === 0) return undefined;
  return rights[Math.min(rights.length - 1, Math.floor(rights.length * 0.95))];
}
