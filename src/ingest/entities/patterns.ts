// Things recognised by their shape rather than by the gazetteer: APEC project numbers, meeting ordinals, dates.
import { chineseNumber } from '../text/numerals.js';

export interface ProjectNumberHit {
  /** Canonical form: `DESG 103 2024A`. */
  number: string;
  forum: string;
  start: number;
  end: number;
}

export function findProjectNumbers(text: string): ProjectNumberHit[] {
  const out: ProjectNumberHit[] = [];
  for (const m of text.matchAll(/\b([A-Z]{2,6})[ _](\d{1,3})[ _]((?:19|20)\d{2})([A-Z])?\b/gu)) {
    const [, forum, num, year, letter] = m;
    if (!forum || !num || !year) continue;
    out.push({
      number: `${forum} ${num.padStart(2, '0')} ${year}${letter ?? ''}`,
      forum,
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
    });
  }
  return out;
}

/** Canonical project number → id suffix: `DESG 01 2024S` → `desg-01-2024s`. */
export function projectSlug(number: string): string {
  return number.toLowerCase().replace(/\s+/g, '-');
}

export interface OrdinalHit {
  ordinal: number;
  /** The forum abbreviation written with it, when it is (49th DPS, TEL42, DESG2 2024). */
  forum?: string;
  year?: number;
  start: number;
  end: number;
}

export function findOrdinals(text: string): OrdinalHit[] {
  const out: OrdinalHit[] = [];
  for (const m of text.matchAll(/第\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:次|屆)/gu)) {
    const n = chineseNumber(m[1] ?? '');
    if (n !== undefined) out.push({ ordinal: n, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  for (const m of text.matchAll(/\b(\d{1,3})(?:st|nd|rd|th)\b(?:\s+([A-Z][A-Z-]{1,7})\b)?/gu)) {
    const hit: OrdinalHit = { ordinal: Number(m[1]), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
    if (m[2] && m[2] !== 'MEETING') hit.forum = m[2];
    out.push(hit);
  }
  for (const m of text.matchAll(/\b([A-Z]{2,6})\s?(\d{1,3})(?:\s+((?:19|20)\d{2}))?\b/gu)) {
    // TEL42, DPS 49, DESG2 2024, SOM3
    const hit: OrdinalHit = {
      ordinal: Number(m[2]),
      forum: m[1],
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
    };
    if (m[3]) hit.year = Number(m[3]);
    if ((m[2] ?? '').length <= 3 && !/^\d{4}$/.test(m[2] ?? '')) out.push(hit);
  }
  return out.sort((a, b) => a.start - b.start);
}

export interface DateRange {
  start: string;
  end?: string;
  at: number;
  length: number;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function iso(y: number, m: number, d?: number): string {
  const mm = String(m).padStart(2, '0');
  return d === undefined ? `${y}-${mm}` : `${y}-${mm}-${String(d).padStart(2, '0')}`;
}

function valid(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * Dates and date ranges: 民國 113 年 8 月 10 日 / 114 年 2 月 26 日至 2 月 28 日 (ROC years), 2024年8月10日至12日,
 * 10–12 August 2024, 26-28 Feb 2025, February 26-28, 2025. `defaultYear` fills 2月27日至28日.
 */
export function findDates(text: string, defaultYear?: number): DateRange[] {
  const out: DateRange[] = [];
  const t = text.normalize('NFKC');
  const sameLength = t.length === text.length;
  const push = (r: DateRange) => {
    if (sameLength) out.push(r);
  };
  const zh =
    /(?:民國\s*)?(\d{2,4})?\s*(?:年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日?(?:\s*(?:至|到|-|~|–)\s*(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日)?/gu;
  for (const m of t.matchAll(zh)) {
    const [, ys, ms, ds, m2, d2] = m;
    if (!ms || !ds) continue;
    if (!m[0].includes('月')) continue;
    let y = ys ? Number(ys) : defaultYear;
    if (ys && !/年/.test(m[0])) y = defaultYear;
    if (y === undefined) continue;
    if (y < 1000) y += 1911;
    const mo = Number(ms);
    const d = Number(ds);
    if (!valid(y, mo, d)) continue;
    const r: DateRange = { start: iso(y, mo, d), at: m.index ?? 0, length: m[0].length };
    if (d2) {
      const mo2 = m2 ? Number(m2) : mo;
      if (valid(y, mo2, Number(d2))) r.end = iso(y, mo2, Number(d2));
    }
    push(r);
  }
  const monthName = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?';
  const range = '(\\d{1,2})(?:\\s*[-–—]\\s*(\\d{1,2}))?';
  const year = '((?:19|20)\\d{2})';
  // 10–12 August 2024 (day first) and August 10-12, 2024 (month first).
  const forms: [RegExp, (m: RegExpMatchArray) => (string | undefined)[]][] = [
    [new RegExp(`\\b${range}\\s+${monthName}\\s+${year}\\b`, 'gu'), (m) => [m[1], m[2], m[3], m[4]]],
    [new RegExp(`\\b${monthName}\\s+${range},?\\s+${year}\\b`, 'gu'), (m) => [m[2], m[3], m[1], m[4]]],
  ];
  for (const [re, parts] of forms)
    for (const m of t.matchAll(re)) {
      const [d1, d2, mon, ys] = parts(m);
      const mo = MONTHS[(mon ?? '').slice(0, 3).toLowerCase()];
      if (!d1 || !mo || !ys) continue;
      const y = Number(ys);
      if (!valid(y, mo, Number(d1))) continue;
      const r: DateRange = { start: iso(y, mo, Number(d1)), at: m.index ?? 0, length: m[0].length };
      if (d2 && valid(y, mo, Number(d2))) r.end = iso(y, mo, Number(d2));
      push(r);
    }
  return out.sort((a, b) => a.at - b.at);
}
