// Test tooling: the same report text as a PDF (printed by headless Chromium with a CJK font) and as a DOCX
// (written by the docx package, numbered headings as real Word list numbering), plus hand-built PDFs for the
// bad-input cases that no printer makes on purpose (encrypted). Used by tests/e2e/ingest-*.test.ts and
// scripts/bench-ingest.ts; only makePdf needs Chromium.
import { randomBytes } from 'node:crypto';
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
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.js';

export interface PdfOptions {
  /** Document title (the PDF's metadata Title). */
  title?: string;
  /** Font size in points (default 12). */
  fontSize?: number;
  /** Render the text as a picture: a PDF without a text layer, as a scanner makes. */
  imageOnly?: boolean;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function reportHtml(text: string, opts: PdfOptions): string {
  const size = opts.fontSize ?? 12;
  const paragraphs = text
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n');
  const style = `body{font-family:'Noto Serif CJK TC','Noto Sans CJK TC',serif;font-size:${size}pt;margin:0}
p{margin:0 0 .4em;white-space:pre-wrap;text-align:justify}`;
  if (!opts.imageOnly) {
    return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(opts.title ?? '')}</title>
<style>${style}</style></head><body>${paragraphs}</body></html>`;
  }
  // A canvas prints as an image: the words are visible, but there is no text to extract.
  const lines = JSON.stringify(text.split('\n').filter((l) => l.trim().length > 0));
  return `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0}</style></head><body>
<canvas id="c" width="680" height="900"></canvas><script>
const ctx = document.getElementById('c').getContext('2d');
ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, 680, 900); ctx.fillStyle = '#000';
ctx.font = '${size * 1.33}px "Noto Sans CJK TC", sans-serif';
${lines}.forEach((line, i) => ctx.fillText(line.slice(0, 40), 10, 30 + i * ${size * 2}));
</script></body></html>`;
}

export interface PdfMaker {
  makePdf(text: string, opts?: PdfOptions): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** One headless Chromium for many PDFs (each launch costs about a second). */
export async function openPdfMaker(): Promise<PdfMaker> {
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  return {
    async makePdf(text, opts = {}) {
      const page = await browser.newPage();
      try {
        await page.setContent(reportHtml(text, opts), { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        const pdf = await page.pdf({
          format: 'A4',
          margin: { top: '2cm', bottom: '2cm', left: '2.2cm', right: '2.2cm' },
        });
        return new Uint8Array(pdf);
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}

export async function makePdf(text: string, opts: PdfOptions = {}): Promise<Uint8Array> {
  const maker = await openPdfMaker();
  try {
    return await maker.makePdf(text, opts);
  } finally {
    await maker.close();
  }
}

/** Assembles PDF objects into a file with a correct cross-reference table. */
function assemblePdf(objects: string[], trailerExtra: string): Uint8Array {
  let body = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

/**
 * A one-page PDF encrypted with the standard security handler (RC4, revision 2) under a user password nobody
 * knows: the /O and /U entries are random, so no reader can open it without the password.
 */
export function makeEncryptedPdf(): Uint8Array {
  const hex = (n: number) => randomBytes(n).toString('hex');
  return assemblePdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
      `<< /Length 16 >>\nstream\n${'x'.repeat(16)}\nendstream`,
      `<< /Filter /Standard /V 1 /R 2 /O <${hex(32)}> /U <${hex(32)}> /P -44 >>`,
    ],
    `/Encrypt 5 0 R /ID [<${hex(16)}> <${hex(16)}>] `,
  );
}

/** Escapes a Latin-1 string for a PDF literal string. */
const pdfString = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/**
 * A PDF written by hand, one page per entry, each a list of lines in Helvetica; an empty list gives a page that
 * only draws a rectangle, with no text at all (like a scan). Latin-1 text only: for the readers' own checks
 * without a browser.
 */
export function makeSimplePdf(pages: string[][], title?: string): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${4 + i * 2} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  for (const lines of pages) {
    const content =
      lines.length === 0
        ? '0.2 g 72 500 300 200 re f'
        : `BT /F1 12 Tf 72 770 Td 16 TL ${lines.map((l) => `${pdfString(l)} '`).join(' ')} ET`;
    const contentRef = objects.length + 2;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentRef} 0 R >>`,
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    );
  }
  let info = '';
  if (title) {
    objects.push(`<< /Title ${pdfString(title)} >>`);
    info = `/Info ${objects.length} 0 R `;
  }
  return assemblePdf(objects, info);
}

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
