// A report's text as a Word document whose numbered headings are real Word list numbering (the docx package):
// the DOCX input of bench:ingest and of the ingestion tests (re-exported by tests/ingest/make-documents.ts).
import {
  AlignmentType,
  Document,
  HeadingLevel,
  type ILevelsOptions,
  LevelFormat,
  LevelSuffix,
  Packer,
  Paragraph,
} from 'docx';

interface LevelScheme {
  /** Matches a numbered line; group 1 is this level's number as written. */
  pattern: RegExp;
  /** The number the text gives, or undefined when it is not one this level can produce. */
  value(written: string): number | undefined;
  level: ILevelsOptions;
}

const ZH_DIGITS = '一二三四五六七八九';
const ZH_FORMAL = '壹貳參肆伍陸柒捌玖';

/** Reads 一…九十九 (or 壹…玖拾玖): the helper's own reading, independent of the reader under test. */
function chineseValue(written: string, digits: string, ten: string): number | undefined {
  const digit = (c: string | undefined) => (c === undefined ? 0 : digits.indexOf(c) + 1);
  const m = new RegExp(`^([${digits}]?)(${ten}?)([${digits}]?)$`, 'u').exec(written);
  if (!m || written.length === 0) return undefined;
  const [, a, t, b] = m;
  if (!t) return a && !b ? digit(a) : undefined;
  return (a ? digit(a) : 1) * 10 + digit(b);
}

const level = (index: number, format: string, text: string, suffix: string): ILevelsOptions => ({
  level: index,
  format: format as ILevelsOptions['format'],
  text,
  alignment: AlignmentType.LEFT,
  suffix: suffix as ILevelsOptions['suffix'],
});

/** The seed's levels: 壹、 → 一、 → （一） → 1. → (1). */
const ZH_SCHEME: LevelScheme[] = [
  {
    pattern: /^([壹貳參肆伍陸柒捌玖拾]{1,3})、/u,
    value: (w) => chineseValue(w, ZH_FORMAL, '拾'),
    level: level(0, LevelFormat.IDEOGRAPH_LEGAL_TRADITIONAL, '%1、', LevelSuffix.NOTHING),
  },
  {
    pattern: /^([一二三四五六七八九十]{1,3})、/u,
    value: (w) => chineseValue(w, ZH_DIGITS, '十'),
    level: level(1, LevelFormat.TAIWANESE_COUNTING, '%2、', LevelSuffix.NOTHING),
  },
  {
    pattern: /^（([一二三四五六七八九十]{1,3})）/u,
    value: (w) => chineseValue(w, ZH_DIGITS, '十'),
    level: level(2, LevelFormat.TAIWANESE_COUNTING, '（%3）', LevelSuffix.NOTHING),
  },
  {
    pattern: /^(\d{1,2})\. /u,
    value: Number,
    level: level(3, LevelFormat.DECIMAL, '%4.', LevelSuffix.SPACE),
  },
  {
    pattern: /^\((\d{1,2})\) ?/u,
    value: Number,
    level: level(4, LevelFormat.DECIMAL, '(%5)', LevelSuffix.NOTHING),
  },
];

/** An English report's levels: 1. → 1.1 → (a). */
const EN_SCHEME: LevelScheme[] = [
  {
    pattern: /^(\d{1,2})\. /u,
    value: Number,
    level: level(0, LevelFormat.DECIMAL, '%1.', LevelSuffix.SPACE),
  },
  {
    pattern: /^\d{1,2}\.(\d{1,2}) /u,
    value: Number,
    level: level(1, LevelFormat.DECIMAL, '%1.%2', LevelSuffix.SPACE),
  },
  {
    pattern: /^\(([a-z])\) /u,
    value: (w) => w.charCodeAt(0) - 96,
    level: level(2, LevelFormat.LOWER_LETTER, '(%3)', LevelSuffix.SPACE),
  },
];

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3];

export interface DocxOptions {
  title?: string;
}

export interface MadeDocx {
  bytes: Uint8Array;
  /** How many paragraphs carry Word list numbering instead of a typed number. */
  numberedParagraphs: number;
}

/**
 * The text as a Word document, one paragraph per non-empty line. A line that starts with a number of the
 * report's scheme (Chinese when the text has CJK, else English) becomes a numbered list paragraph with the
 * number left out of its text, so Word draws it, when Word's counters give that same number there; any other
 * line, including numbers out of sequence, keeps the number as typed.
 */
export async function makeDocx(text: string, opts: DocxOptions = {}): Promise<MadeDocx> {
  const scheme = /\p{Script=Han}/u.test(text) ? ZH_SCHEME : EN_SCHEME;
  const counts: number[] = [];
  const paragraphs: Paragraph[] = [];
  let numberedParagraphs = 0;
  let instance = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (line.trim().length === 0) continue;
    let made: Paragraph | undefined;
    for (const [index, lvl] of scheme.entries()) {
      const m = lvl.pattern.exec(line);
      if (!m) continue;
      const value = lvl.value(m[1] ?? '');
      // A list that starts again at 1 (the body after a table of contents, an annex) is a new list instance,
      // as Word makes for "Restart numbering".
      if (value === 1 && counts[index] !== undefined) {
        instance++;
        counts.length = 0;
      }
      const expected = (counts[index] ?? 0) + 1;
      // English sub-numbers (3.2) also need the parent's count to agree.
      const parentOk = scheme !== EN_SCHEME || index !== 1 || line.startsWith(`${counts[0] ?? 0}.`);
      if (value === expected && parentOk) {
        counts[index] = expected;
        counts.length = index + 1;
        numberedParagraphs++;
        made = new Paragraph({
          text: line.slice(m[0].length),
          numbering: { reference: 'report', level: index, instance },
          ...(index < HEADINGS.length ? { heading: HEADINGS[index] } : {}),
        });
      }
      break;
    }
    paragraphs.push(made ?? new Paragraph({ text: line }));
  }
  const doc = new Document({
    ...(opts.title ? { title: opts.title } : {}),
    numbering: { config: [{ reference: 'report', levels: scheme.map((s) => s.level) }] },
    sections: [{ children: paragraphs }],
  });
  return { bytes: new Uint8Array(await Packer.toBuffer(doc)), numberedParagraphs };
}
