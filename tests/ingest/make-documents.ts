// Test tooling: the same report text as a PDF (printed by headless Chromium with a CJK font) and as a DOCX
// (written by the docx package, numbered headings as real Word list numbering); those two live in
// scripts/bench-ingest/ because the benchmark makes its inputs with them too. Here besides: hand-built PDFs for
// the bad-input cases that no printer makes on purpose (encrypted, no text layer). Only makePdf needs Chromium.
import { randomBytes } from 'node:crypto';

export {
  makePdf,
  openPdfMaker,
  type PdfMaker,
  type PdfOptions,
} from '../../scripts/bench-ingest/print-pdf.js';
export { type DocxOptions, type MadeDocx, makeDocx } from '../../scripts/bench-ingest/write-docx.js';

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
