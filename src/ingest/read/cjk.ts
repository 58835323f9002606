// Character classes and repairs shared by the readers.

/** Ideographs, kana, hangul, CJK punctuation and full-width forms: text that is written without spaces. */
const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

// Fonts (Noto CJK among them) map some ideograph glyphs to the Kangxi Radicals and CJK Radicals Supplement
// blocks in their ToUnicode tables, so a PDF of 長 reads back as ⻑. Kangxi radicals have NFKC mappings; the
// supplement's standalone forms do not, so they are listed here (Unicode's EquivalentUnifiedIdeograph.txt).
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '\u2e81': '厂',
  '\u2e9f': '母',
  '\u2ea0': '民',
  '\u2ea9': '王',
  '\u2ec4': '西',
  '\u2ec5': '见',
  '\u2ec6': '角',
  '\u2ecb': '车',
  '\u2ed1': '長',
  '\u2ed3': '长',
  '\u2ed4': '门',
  '\u2ed8': '青',
  '\u2eda': '页',
  '\u2edb': '风',
  '\u2edc': '飞',
  '\u2edd': '食',
  '\u2ee2': '马',
  '\u2ee3': '骨',
  '\u2ee4': '鬼',
  '\u2ee5': '鱼',
  '\u2ee6': '鸟',
  '\u2ee8': '麦',
  '\u2ee9': '黄',
  '\u2eec': '齐',
  '\u2eee': '齿',
  '\u2ef0': '龙',
  '\u2ef3': '龟',
};

/**
 * Replaces radical code points with the ideographs they stand for. Also the figure dash (U+2012), which the same
 * fonts give for the en dash glyph they share; reports use the en dash (26–28 February), never the figure dash.
 */
export function repairGlyphMappings(text: string): string {
  return text.replace(/[\u2e80-\u2fdf\u2012]/g, (ch) => {
    if (ch === '\u2012') return '\u2013';
    const mapped = RADICAL_SUPPLEMENT[ch];
    if (mapped) return mapped;
    const nfkc = ch.normalize('NFKC');
    return nfkc === ch ? ch : nfkc;
  });
}
