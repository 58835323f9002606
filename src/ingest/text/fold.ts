// Matching runs on a folded copy of the text (NFKC per character, 臺→台, lower case, no whitespace), but every
// quote and offset refers to the original, which is what graph/sources/ stores and the validator checks.

const VARIANTS: Record<string, string> = {
  臺: '台',
  裏: '裡',
  峯: '峰',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
};

export function foldChar(ch: string): string {
  const n = ch.normalize('NFKC');
  const one = n.length === 1 ? n : ch;
  return (VARIANTS[one] ?? one).toLowerCase();
}

/** Folds a short string the same way as the text (used for gazetteer surface forms). */
export function foldString(s: string): string {
  let out = '';
  for (const ch of s) if (!/\s/u.test(ch)) out += foldChar(ch);
  return out;
}

export interface FoldedText {
  folded: string;
  /** Original offset of each folded character. */
  map: number[];
}

export function foldText(text: string): FoldedText {
  let folded = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    if (!/\s/u.test(ch)) {
      const f = foldChar(ch);
      for (let k = 0; k < f.length; k++) {
        folded += f[k];
        map.push(i);
      }
    }
    i += ch.length;
  }
  return { folded, map };
}

/** Original [start, end) of folded [fs, fe). */
export function originalSpan(ft: FoldedText, fs: number, fe: number, text: string): [number, number] {
  const start = ft.map[fs] ?? text.length;
  const last = ft.map[fe - 1] ?? start;
  const cp = text.codePointAt(last) ?? 0;
  return [start, last + (cp > 0xffff ? 2 : 1)];
}

export const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

/** Whitespace inside a quote: dropped between CJK characters (line wraps), else one space. */
export function cleanQuote(raw: string): string {
  return raw
    .replace(/\s+/gu, (ws, off: number, all: string) => {
      const before = all[off - 1] ?? '';
      const after = all[off + ws.length] ?? '';
      return CJK.test(before) && CJK.test(after) ? '' : ' ';
    })
    .trim();
}
