// readReport on real files written to a temporary folder: the dispatch by extension, the DOCX numbering, a
// hand-built PDF, and every file-level bad input. The Chromium-made PDFs are in tests/e2e/ingest-formats.test.ts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES, readReport } from '../../src/ingest/read/read-report.js';
import { IngestError } from '../../src/ingest/types.js';
import { REPO_ROOT } from '../../src/model/read.js';
import { findPages } from '../../src/model/source-text.js';
import { encodeLegacy } from './legacy-encoding.js';
import { makeDocx, makeEncryptedPdf, makeSimplePdf } from './make-documents.js';
import { headings, squash } from './text-compare.js';

const dir = mkdtempSync(join(tmpdir(), 'apec-kg-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SEED = readFileSync(join(REPO_ROOT, 'graph/sources/desg-dps-2025-02.zh.txt'), 'utf8');
const ENGLISH = readFileSync(join(REPO_ROOT, 'tests/ingest/fixtures/chair-summary.en.txt'), 'utf8');

function write(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function failure(path: string, opts?: { maxBytes?: number }): Promise<IngestError> {
  try {
    await readReport(path, opts);
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    const e = error as IngestError;
    expect(e.message.startsWith(`${path}: `), e.message).toBe(true);
    expect(e.message).not.toContain('\n');
    return e;
  }
  throw new Error(`${path} was read without an error`);
}

describe('readReport: text files', () => {
  it('reads .txt and .md in any supported encoding, with the encoding and file name', async () => {
    const utf8 = await readReport(write('seed.txt', SEED));
    expect(utf8).toEqual({ text: SEED, format: 'txt', encoding: 'utf-8', fileName: 'seed.txt' });
    const big5 = await readReport(write('seed-big5.md', encodeLegacy(SEED.replace(/\n/g, '\r\n'), 'big5')));
    expect(big5).toEqual({ text: SEED, format: 'txt', encoding: 'big5', fileName: 'seed-big5.md' });
  });
});

describe('readReport: DOCX with Word list numbering', () => {
  for (const [name, text] of [
    ['seed (Chinese)', SEED],
    ['chair summary (English)', ENGLISH],
  ] as const) {
    it(`${name}: the section numbers Word draws are in the text, and the text is the original's`, async () => {
      const made = await makeDocx(text, { title: 'Report title' });
      const path = write(`${name.split(' ')[0]}.docx`, made.bytes);
      // The premise: the numbers are list numbering, which mammoth's own text leaves out.
      expect(made.numberedParagraphs).toBeGreaterThanOrEqual(name.startsWith('seed') ? 100 : 12);
      const raw = await mammoth.extractRawText({ path });
      expect(headings(raw.value).length).toBeLessThan(headings(text).length - made.numberedParagraphs + 1);

      const read = await readReport(path);
      expect(read.format).toBe('docx');
      expect(read.metaTitle).toBe('Report title');
      expect(squash(read.text)).toBe(squash(text));
      expect(headings(read.text)).toEqual(headings(text));
    });
  }

  it('restores numbering a heading style carries (a multilevel list linked to Heading 1)', async () => {
    const made = await makeDocx(
      '壹、摘要\n本文\n貳、會議情形\n一、第一天\n（一）出席\n二、第二天\n參、建議\n',
    );
    const zip = await JSZip.loadAsync(made.bytes);
    // Move the numbering of every heading-1 paragraph from the paragraph into the Heading1 style.
    let documentXml = await zip.file('word/document.xml')?.async('string');
    let stylesXml = await zip.file('word/styles.xml')?.async('string');
    if (!documentXml || !stylesXml) throw new Error('docx without document or styles');
    const numPr =
      /<w:pStyle w:val="Heading1"\/><w:numPr><w:ilvl w:val="0"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/g;
    const numId = numPr.exec(documentXml)?.[1];
    expect(numId).toBeDefined();
    documentXml = documentXml.replace(numPr, '<w:pStyle w:val="Heading1"/>');
    // Into the style's paragraph properties, which come before its run properties.
    stylesXml = stylesXml.replace(
      /(w:styleId="Heading1">(?:(?!<\/w:style>)[\s\S])*?)(<w:rPr>)/,
      `$1<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>$2`,
    );
    expect(stylesXml).toContain(`<w:numId w:val="${numId}"/>`);
    zip.file('word/document.xml', documentXml);
    zip.file('word/styles.xml', stylesXml);
    const path = write('styled.docx', new Uint8Array(await zip.generateAsync({ type: 'uint8array' })));
    const read = await readReport(path);
    expect(read.text.split('\n\n')).toEqual([
      '壹、摘要',
      '本文',
      '貳、會議情形',
      '一、第一天',
      '（一）出席',
      '二、第二天',
      '參、建議',
    ]);
  });
});

describe('readReport: DOCX numbering kept in step', () => {
  it('counts an empty numbered paragraph, as Word does, without shifting the numbers after it', async () => {
    const item = (text: string) => new Paragraph({ text, numbering: { reference: 'n', level: 0 } });
    const doc = new Document({
      numbering: {
        config: [{ reference: 'n', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] }],
      },
      sections: [
        { children: [item('First'), item(''), item('Third'), new Paragraph('Closing'), item('Fourth')] },
      ],
    });
    const read = await readReport(write('gaps.docx', new Uint8Array(await Packer.toBuffer(doc))));
    expect(read.text.split('\n\n')).toEqual(['1. First', '3. Third', 'Closing', '4. Fourth']);
  });
});

describe('readReport: DOCX tables', () => {
  it('reads a table row as one line of tab-separated cells, between the paragraphs around it', async () => {
    const row = (...cells: string[]) =>
      new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('出國人員'),
            new Table({
              rows: [row('服務機關', '職稱', '姓名'), row('國家發展委員會法制協調處', '科長', '鄭美華')],
            }),
            new Paragraph('會議地點：韓國 慶州'),
          ],
        },
      ],
    });
    const read = await readReport(write('table.docx', new Uint8Array(await Packer.toBuffer(doc))));
    expect(read.text).toBe(
      '出國人員\n\n服務機關\t職稱\t姓名\n\n國家發展委員會法制協調處\t科長\t鄭美華\n\n會議地點：韓國 慶州',
    );
  });
});

describe('readReport: PDF', () => {
  it('reads pages in order with their start offsets and the metadata title', async () => {
    const path = write(
      'simple.pdf',
      makeSimplePdf(
        [
          ['1. Opening of the meeting', 'The Chair welcomed members.'],
          ['2. Projects', 'Viet Nam introduced a concept note.'],
        ],
        'Chair (Summary)',
      ),
    );
    const read = await readReport(path);
    expect(read.format).toBe('pdf');
    expect(read.metaTitle).toBe('Chair (Summary)');
    expect(read.pages?.map((p) => p.page)).toEqual([1, 2]);
    const second = read.pages?.[1]?.start ?? -1;
    expect(read.text.slice(0, second).trim()).toBe('1. Opening of the meeting\nThe Chair welcomed members.');
    expect(read.text.slice(second)).toBe('2. Projects\nViet Nam introduced a concept note.');
    // The stored text keeps the page break, so the Sources view finds the same page starts in it.
    expect(read.text).toContain('\f');
    expect(findPages(read.text)).toEqual(read.pages);
  });
});

describe('readReport: bad input gets one line naming the file and the problem', () => {
  it('an empty file', async () => {
    for (const name of ['empty.txt', 'empty.pdf', 'empty.docx']) {
      expect((await failure(write(name, ''))).problem).toBe('is empty (0 bytes)');
    }
    expect((await failure(write('blank.txt', '  \n\r\n'))).problem).toBe('contains no text');
  });

  it('a missing file', async () => {
    expect((await failure(join(dir, 'missing.pdf'))).problem).toMatch(/cannot be read \(ENOENT\)/);
  });

  it('a PDF with no text layer, which needs OCR', async () => {
    const e = await failure(write('scan.pdf', makeSimplePdf([[], []])));
    expect(e.problem).toMatch(/no text layer on any of its 2 page\(s\).*needs OCR/);
  });

  it('an encrypted PDF', async () => {
    expect((await failure(write('locked.pdf', makeEncryptedPdf()))).problem).toMatch(
      /encrypted PDF.*password/,
    );
  });

  it('a corrupt PDF', async () => {
    expect((await failure(write('garbage.pdf', 'this is not a PDF at all'))).problem).toMatch(
      /^is not a readable PDF \(/,
    );
    const truncated = makeSimplePdf([['Hello']]).slice(0, 40);
    expect((await failure(write('truncated.pdf', truncated))).problem).toMatch(/^is not a readable PDF \(/);
  });

  it('a corrupt DOCX', async () => {
    expect((await failure(write('garbage.docx', 'PK not really a zip'))).problem).toMatch(
      /^is not a readable DOCX \(not a valid zip archive/,
    );
    const zip = new JSZip();
    zip.file('hello.txt', 'a zip, but not a Word document');
    const notWord = write('notword.docx', new Uint8Array(await zip.generateAsync({ type: 'uint8array' })));
    expect((await failure(notWord)).problem).toBe('is not a readable DOCX (no word/document.xml inside)');
  });

  it('an unsupported extension', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('x')] }] });
    const e = await failure(write('old.doc', new Uint8Array(await Packer.toBuffer(doc))));
    expect(e.problem).toBe('unsupported file type ".doc"; expected one of .pdf, .docx, .txt, .md');
    expect((await failure(write('README', 'text'))).problem).toMatch(
      /unsupported file type "\(no extension\)"/,
    );
  });

  it('a file over the size limit, saying the limit', async () => {
    const path = write('big.txt', 'x'.repeat(3000));
    expect((await failure(path, { maxBytes: 2048 })).problem).toBe('is 2.9 KB, over the size limit of 2 KB');
    await expect(readReport(path, { maxBytes: 3000 })).resolves.toMatchObject({ format: 'txt' });
    expect(DEFAULT_MAX_BYTES).toBe(50 * 1024 * 1024);
  });

  it('an undecodable encoding', async () => {
    const e = await failure(write('garbled.txt', new Uint8Array([0x41, 0xff, 0xfe, 0x80, 0xff, 0x42])));
    expect(e.problem).toMatch(/cannot be decoded: not valid UTF-8, UTF-16 \(with BOM\), Big5 or GB18030/);
  });
});
