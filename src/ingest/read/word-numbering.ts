// Word's automatic list numbering, which is a paragraph property and not text: the definitions of
// word/numbering.xml (format, level text, start per level) and the counters that turn a sequence of numbered
// paragraphs into the labels Word shows (壹、 （一） 1. (a) …). Pure: the DOCX reader feeds it parsed XML values.

export interface LevelDef {
  /** w:numFmt: decimal, lowerLetter, upperRoman, taiwaneseCounting, ideographLegalTraditional, bullet, none, … */
  format: string;
  /** w:lvlText with %1…%9 standing for the counters of levels 1…9, e.g. "%1、", "（%1）", "%1.%2". */
  text: string;
  start: number;
  /** w:isLgl: references to higher levels are shown as decimal numbers. */
  legal?: boolean;
}

export interface NumberingDefs {
  /** abstractNumId → level index → definition. */
  abstract: Map<string, Map<number, LevelDef>>;
  /** numId → its abstractNumId and per-level start overrides. */
  nums: Map<string, { abstractId: string; startOverrides: Map<number, number> }>;
}

function chineseNumber(n: number, digits: string, ten: string): string {
  if (n <= 0 || n >= 100) return String(n);
  const d = [...digits];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return d[ones] ?? String(n);
  return `${tens === 1 ? '' : d[tens]}${ten}${ones === 0 ? '' : d[ones]}`;
}

function letters(n: number, base: string): string {
  // Word repeats the letter: a … z, aa … zz, aaa …
  const letter = base[(n - 1) % 26] ?? '?';
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, symbol] of table) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

/** One counter value in a w:numFmt; unknown formats fall back to decimal, as Word does. */
export function formatCounter(n: number, format: string): string {
  switch (format) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'lowerLetter':
      return letters(n, 'abcdefghijklmnopqrstuvwxyz');
    case 'upperLetter':
      return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return chineseNumber(n, '〇一二三四五六七八九', '十');
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(n)].map((c) => '〇一二三四五六七八九'[Number(c)]).join('');
    case 'ideographLegalTraditional':
      return chineseNumber(n, '零壹貳參肆伍陸柒捌玖', '拾');
    case 'chineseLegalSimplified':
      return chineseNumber(n, '零壹贰叁肆伍陆柒捌玖', '拾');
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? ('甲乙丙丁戊己庚辛壬癸'[n - 1] ?? String(n)) : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? ('子丑寅卯辰巳午未申酉戌亥'[n - 1] ?? String(n)) : String(n);
    default:
      return String(n);
  }
}

/** Counts numbered paragraphs in document order and renders each one's label. */
export class NumberingCounter {
  // Counters per list instance (numId), one per level.
  private readonly counters = new Map<string, number[]>();

  constructor(private readonly defs: NumberingDefs) {}

  private level(numId: string, ilvl: number): { def: LevelDef; start: number } | undefined {
    const num = this.defs.nums.get(numId);
    if (!num) return undefined;
    const def = this.defs.abstract.get(num.abstractId)?.get(ilvl);
    if (!def) return undefined;
    return { def, start: num.startOverrides.get(ilvl) ?? def.start };
  }

  /** The label of the next paragraph of list numId at level ilvl, or undefined for bullets and unnumbered levels. */
  next(numId: string, ilvl: number): string | undefined {
    const here = this.level(numId, ilvl);
    if (!here) return undefined;
    let counts = this.counters.get(numId);
    if (!counts) {
      counts = [];
      this.counters.set(numId, counts);
    }
    counts[ilvl] = counts[ilvl] === undefined ? here.start : counts[ilvl] + 1;
    // A paragraph at a level restarts every deeper level.
    counts.length = ilvl + 1;
    if (here.def.format === 'bullet' || here.def.format === 'none') return undefined;
    const list = counts;
    return here.def.text.replace(/%([1-9])/g, (_, digit: string) => {
      const lvl = Number(digit) - 1;
      const ref = this.level(numId, lvl);
      const value = list[lvl] ?? ref?.start ?? 1;
      const format = ref ? (here.def.legal && lvl < ilvl ? 'decimal' : ref.def.format) : 'decimal';
      return formatCounter(value, format);
    });
  }
}
