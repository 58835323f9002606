// PDF reports through pdfjs-dist (the legacy build is the one that runs on Node 20): positioned text runs per
// page, laid out by pdf-layout.ts, with page starts and the metadata title.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { IngestError } from '../types.js';
import { repairGlyphMappings } from './cjk.js';
import { errorDetail } from './error-detail.js';
import { dropPageFurniture } from './page-furniture.js';
import { joinLines, pageLines, type TextRun, textRightEdge } from './pdf-layout.js';

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

const PAGE_BREAK = '\n\f\n';

export interface PdfText {
  text: string;
  pages: { page: number; start: number }[];
  metaTitle?: string;
}

async function open(bytes: Uint8Array, file: string): Promise<PDFDocumentProxy> {
  try {
    return await getDocument({
      // pdfjs takes ownership of (and detaches) the buffer it is given.
      data: bytes.slice(),
      // CJK fonts with predefined CMaps can only be mapped to Unicode with these tables.
      cMapUrl: `${join(PDFJS_DIR, 'cmaps')}/`,
      cMapPacked: true,
      standardFontDataUrl: `${join(PDFJS_DIR, 'standard_fonts')}/`,
      // CVE-2024-4367: never compile font code from the file.
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') {
      throw new IngestError(
        file,
        'is an encrypted PDF that needs a password; save an unprotected copy and ingest that',
      );
    }
    const detail = errorDetail(error);
    throw new IngestError(file, `is not a readable PDF (${detail})`);
  }
}

function metadataTitle(info: unknown): string | undefined {
  const title = (info as { Title?: unknown } | undefined)?.Title;
  return typeof title === 'string' && title.trim().length > 0 ? title.trim() : undefined;
}

/** Reads every page in order; throws IngestError for encrypted, corrupt and image-only (no text layer) files. */
export async function readPdf(bytes: Uint8Array, file: string): Promise<PdfText> {
  const doc = await open(bytes, file);
  try {
    const pageRuns: TextRun[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      let page: Awaited<ReturnType<typeof doc.getPage>>;
      let content: Awaited<ReturnType<typeof page.getTextContent>>;
      try {
        page = await doc.getPage(n);
        content = await page.getTextContent();
      } catch (error) {
        const detail = errorDetail(error);
        throw new IngestError(file, `page ${n} of the PDF cannot be read (${detail})`);
      }
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a = 0, b = 0, , , x = 0, y = 0] = item.transform as number[];
        runs.push({
          str: repairGlyphMappings(item.str),
          x,
          y,
          width: item.width,
          size: Math.hypot(a, b) || item.height,
        });
      }
      page.cleanup();
      pageRuns.push(runs);
    }
    const pageTexts = dropPageFurniture(pageRuns.map(pageLines));
    const right = textRightEdge(pageTexts);
    const parts: string[] = [];
    const pages: { page: number; start: number }[] = [];
    let length = 0;
    pageTexts.forEach((lines, i) => {
      const text = joinLines(lines, right);
      // A form feed on a line of its own marks the page break in the stored text, so the page numbers survive
      // in graph/sources/ (the Sources view reads them back) and line-based parsers see only a blank line.
      if (i > 0) {
        parts.push(PAGE_BREAK);
        length += PAGE_BREAK.length;
      }
      pages.push({ page: i + 1, start: length });
      parts.push(text);
      length += text.length;
    });
    const text = parts.join('');
    if (text.trim().length === 0) {
      throw new IngestError(
        file,
        `has no text layer on any of its ${doc.numPages} page(s) (scanned images?): it needs OCR before it can be ingested`,
      );
    }
    const { info } = await doc.getMetadata();
    return { text, pages, metaTitle: metadataTitle(info) };
  } finally {
    await doc.destroy();
  }
}
