// The same report as text, as a PDF printed by real Chromium (Noto CJK) and as a Word document with list
// numbering: readReport must give the same text from all three, whitespace aside (as the validator compares
// quotes), with the section numbers and the page starts. Needs Chromium, not the server.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftReport } from '../../src/ingest/draft-report.js';
import { readReport } from '../../src/ingest/read/read-report.js';
import type { Draft } from '../../src/ingest/types.js';
import { IngestError } from '../../src/ingest/types.js';
import { loadKnowledgeBase, REPO_ROOT } from '../../src/model/read.js';
import { makeDocx, openPdfMaker, type PdfMaker } from '../ingest/make-documents.js';
import { headings, linesInOrder, squash } from '../ingest/text-compare.js';

const REPORTS = [
  {
    name: 'seed (Chinese)',
    file: 'graph/sources/desg-dps-2025-02.zh.txt',
    fontSize: 12,
    header: '出席 2025 年 APEC DESG 暨 DPS 第一次會議報告',
    footer: '第 {n} 頁',
  },
  {
    name: 'chair summary (English)',
    file: 'tests/ingest/fixtures/chair-summary.en.txt',
    fontSize: 10,
    header: '2025/SOM1/DESG/SUM',
    footer: 'Page {n} of {total}',
  },
];

/** Page starts: from 0, ascending, each after the form feed that separates pages; the seed's annex pages on. */
async function checkPages(text: string, pages: { page: number; start: number }[]): Promise<void> {
  expect(pages[0]).toEqual({ page: 1, start: 0 });
  expect(pages.map((p) => p.page)).toEqual(pages.map((_, i) => i + 1));
  for (const [i, p] of pages.entries()) {
    if (i === 0) continue;
    expect(p.start).toBeGreaterThan((pages[i - 1] as { start: number }).start);
    // A form feed on a line of its own marks the break, so the stored text keeps its pages.
    expect(text.slice(p.start - 3, p.start)).toBe('\n\f\n');
  }
  if (text.includes('【會議議程】')) {
    // 22 A4 pages at 12 pt; the annex (肆、附件, the last heading of that name) comes pages after 壹、摘要.
    expect(pages.length).toBeGreaterThan(15);
    const pageOf = (offset: number) => pages.filter((p) => p.start <= offset).length;
    const summary = pageOf(text.indexOf('\n壹、摘要\n', text.indexOf('【會議議程】')));
    const annex = pageOf(text.lastIndexOf('肆、附件'));
    expect(annex).toBeGreaterThan(summary + 10);
  }
}

describe('one report, three formats', () => {
  let maker: PdfMaker;
  const dir = mkdtempSync(join(tmpdir(), 'apec-kg-formats-'));
  beforeAll(async () => {
    maker = await openPdfMaker();
  });
  afterAll(async () => {
    await maker?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const report of REPORTS) {
    describe(report.name, () => {
      const original = readFileSync(join(REPO_ROOT, report.file), 'utf8');

      it('PDF: every line of the original, in order, the same text whitespace aside, numbers kept, pages', async () => {
        const path = join(dir, `${report.fontSize}.pdf`);
        writeFileSync(path, await maker.makePdf(original, { title: 'A report', fontSize: report.fontSize }));
        const read = await readReport(path);
        expect(read.format).toBe('pdf');
        expect(read.metaTitle).toBe('A report');
        const lines = linesInOrder(original, read.text);
        expect(lines.missing).toEqual([]);
        expect(squash(read.text)).toBe(squash(original));
        expect(headings(read.text)).toEqual(headings(original));
        await checkPages(read.text, read.pages ?? []);
      });

      it('PDF with a running header and page numbers: both dropped, except the header where it first appears', async () => {
        const path = join(dir, 'furniture.pdf');
        const pdf = await maker.makePdf(original, {
          fontSize: report.fontSize,
          header: report.header,
          footer: report.footer,
        });
        writeFileSync(path, pdf);
        const read = await readReport(path);
        expect(read.pages?.length).toBeGreaterThan(1);
        expect(squash(read.text)).toBe(squash(`${report.header}\n${original}`));
      });

      it('DOCX with Word numbering and PDF read to the same text', async () => {
        const docx = await makeDocx(original);
        const docxPath = join(dir, 'report.docx');
        writeFileSync(docxPath, docx.bytes);
        const pdfPath = join(dir, 'report.pdf');
        writeFileSync(pdfPath, await maker.makePdf(original));
        const [fromDocx, fromPdf] = await Promise.all([readReport(docxPath), readReport(pdfPath)]);
        expect(docx.numberedParagraphs).toBeGreaterThan(10);
        expect(squash(fromDocx.text)).toBe(squash(fromPdf.text));
        expect(headings(fromDocx.text)).toEqual(headings(fromPdf.text));
      });
    });
  }

  it('a scanned report (text drawn as an image) is refused: no text layer, needs OCR', async () => {
    const path = join(dir, 'scan.pdf');
    const text = readFileSync(join(REPO_ROOT, REPORTS[0]?.file ?? ''), 'utf8').slice(0, 600);
    writeFileSync(path, await maker.makePdf(text, { imageOnly: true }));
    const error = await readReport(path).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).message).toMatch(
      /scan\.pdf: has no text layer on any of its 1 page\(s\).*needs OCR/,
    );
  });
});

/** A draft as the facts it states: new nodes by label and name (their ids may hash the quote's whitespace). */
function facts(draft: Draft): { sections: string[]; nodes: string[]; edges: string[] } {
  const key = new Map(
    draft.nodes.map((n) => [n.id, n.status === 'existing' ? n.id : `${n.label}:${n.name}`]),
  );
  const props = (p: Record<string, unknown>) =>
    JSON.stringify(Object.entries(p).sort(([a], [b]) => a.localeCompare(b)));
  return {
    sections: draft.sections.map((x) => x.label),
    nodes: draft.nodes.map((n) => `${key.get(n.id)} ${props(n.props)}`).sort(),
    edges: draft.edges
      .map((e) => `${e.type} ${key.get(e.from) ?? e.from} ${key.get(e.to) ?? e.to} ${props(e.props)}`)
      .sort(),
  };
}

describe('the same draft from every format', () => {
  const kb = loadKnowledgeBase();
  let maker: PdfMaker;
  const dir = mkdtempSync(join(tmpdir(), 'apec-kg-draft-formats-'));
  beforeAll(async () => {
    maker = await openPdfMaker();
  });
  afterAll(async () => {
    await maker?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [file, lang] of [
    ['telwg-70.zh.txt', 'zh'],
    ['ecsg-51.en.txt', 'en'],
  ] as const) {
    it(`${file}: TXT, PDF and DOCX give the same sections, nodes and relationships`, async () => {
      const txtPath = join(REPO_ROOT, 'tests/fixtures/reports', file);
      const original = readFileSync(txtPath, 'utf8');
      const pdfPath = join(dir, `${file}.pdf`);
      writeFileSync(pdfPath, await maker.makePdf(original, { fontSize: 11 }));
      const docxPath = join(dir, `${file}.docx`);
      writeFileSync(docxPath, (await makeDocx(original)).bytes);
      const drafts = await Promise.all(
        [txtPath, pdfPath, docxPath].map(async (p) =>
          facts(draftReport(await readReport(p), kb, { slug: 'formats', lang })),
        ),
      );
      const [fromTxt, fromPdf, fromDocx] = drafts;
      expect(fromTxt?.edges.length).toBeGreaterThan(30);
      expect(fromPdf).toEqual(fromTxt);
      expect(fromDocx).toEqual(fromTxt);
    });
  }
});
