// Recognises one line as a numbered heading of a report. Chinese reports number 壹、→ 一、→ （一）→ 1. → (1);
// English ones 1. / 1.1 / 1.1.1 → (a) → (i). Full-width forms are folded first.

export type MarkerKind = 'formal' | 'cjk' | 'paren-cjk' | 'arabic' | 'paren-arabic' | 'paren-alpha' | 'annex';

export interface Heading {
  kind: MarkerKind;
  /** Arabic only: the dotted components, e.g. [7, 1] for "7.1." */
  parts?: number[];
  /** Label component as graph/ writes it: 貳, 三, (五), 2, (3), 7.1 */
  component: string;
  title: string;
  /** Offset of the marker within the line. */
  markerOffset: number;
}

const FORMAL = '壹貳參肆伍陸柒捌玖拾';
const CJK_NUM = '一二三四五六七八九十';

function half(s: string): string {
  return s.normalize('NFKC');
}

/** Strips a list bullet ("- ", "• ") that some exports put before numbered paragraphs. */
function stripBullet(line: string): { rest: string; offset: number } {
  const m = /^(\s*(?:[-•‧·▪]\s+)?)/u.exec(line);
  const offset = m?.[1]?.length ?? 0;
  return { rest: line.slice(offset), offset };
}

export function parseHeading(line: string): Heading | undefined {
  const { rest, offset } = stripBullet(line);
  const h = half(rest);
  const found = matchHeading(h, offset);
  if (!found) return undefined;
  // NFKC may change lengths; the title keeps the original characters when it can.
  const tail = rest.length === h.length ? rest.slice(h.length - found.title.length) : found.title;
  return { ...found, title: tail.trim() };
}

function matchHeading(h: string, offset: number): Heading | undefined {
  let m = new RegExp(`^([${FORMAL}])[、.]\\s*(.*)$`, 'u').exec(h);
  if (m?.[1]) return { kind: 'formal', component: m[1], title: m[2] ?? '', markerOffset: offset };
  m = new RegExp(`^([${CJK_NUM}]{1,3})、\\s*(.*)$`, 'u').exec(h);
  if (m?.[1]) return { kind: 'cjk', component: m[1], title: m[2] ?? '', markerOffset: offset };
  m = new RegExp(`^\\(\\s*([${CJK_NUM}]{1,3})\\s*\\)\\s*(.*)$`, 'u').exec(h);
  if (m?.[1]) return { kind: 'paren-cjk', component: `(${m[1]})`, title: m[2] ?? '', markerOffset: offset };
  m = /^\(\s*(\d{1,2})\s*\)\s*(.*)$/u.exec(h);
  if (m?.[1])
    return { kind: 'paren-arabic', component: `(${m[1]})`, title: m[2] ?? '', markerOffset: offset };
  m = /^\(\s*([a-z]|[ivx]{1,4})\s*\)\s+(.*)$/u.exec(h);
  if (m?.[1]) return { kind: 'paren-alpha', component: `(${m[1]})`, title: m[2] ?? '', markerOffset: offset };
  // 1. / 1.1. / 1.1.1 (not a decimal number such as 27.6% or a year such as 2024.)
  m = /^(\d{1,2}(?:\.\d{1,2}){0,3})(?:\.|、|\s)\s*(?!\d)(.*)$/u.exec(h);
  if (m?.[1] && (m[2] ?? '').trim() !== '' && !/^\d{1,2}\s*(?:月|日|年|%|時)/u.test(h)) {
    const parts = m[1].split('.').map(Number);
    if (parts.length === 1 && !/^\d{1,2}[.、]/u.test(h)) return undefined;
    return { kind: 'arabic', parts, component: m[1], title: m[2] ?? '', markerOffset: offset };
  }
  // "Item 3 – Policy dialogue", "Agenda Item 3.1: …": numbered like 3 / 3.1.
  m = /^(?:Agenda\s+)?(?:Item|ITEM)\s+(\d{1,2}(?:\.\d{1,2}){0,3})\s*[:.–—-]\s*(.*)$/u.exec(h);
  if (m?.[1])
    return {
      kind: 'arabic',
      parts: m[1].split('.').map(Number),
      component: m[1],
      title: m[2] ?? '',
      markerOffset: offset,
    };
  m = /^(Annex|Attachment|Appendix|ANNEX|ATTACHMENT|APPENDIX)\s+([A-Z0-9]{1,3})\b[\s:.–-]*(.*)$/u.exec(h);
  if (m?.[1] && m[2])
    return { kind: 'annex', component: `Annex ${m[2]}`, title: m[3] ?? '', markerOffset: offset };
  return undefined;
}

/** A table-of-contents line: a heading followed by a tab or dot leader and a page number. */
export function isTocLine(line: string): boolean {
  return /(\t|\.{3,}|…{2,}|\s{3,})\s*\d{1,3}\s*$/u.test(line);
}

export function isAnnexTitle(title: string): boolean {
  return /附件|附錄|Annex|Attachment|Appendix|ANNEX/u.test(title);
}
