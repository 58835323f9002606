// A report's text printed to PDF by headless Chromium with a CJK font (Debian's fonts-noto-cjk): the PDF input of
// bench:ingest and of the ingestion tests (re-exported by tests/ingest/make-documents.ts).
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.js';

export interface PdfOptions {
  /** Document title (the PDF's metadata Title). */
  title?: string;
  /** Font size in points (default 12). */
  fontSize?: number;
  /** Render the text as a picture: a PDF without a text layer, as a scanner makes. */
  imageOnly?: boolean;
  /** A running header printed at the top of every page. */
  header?: string;
  /** A page-number footer on every page; `{n}` and `{total}` stand for the numbers, e.g. '第 {n} 頁'. */
  footer?: string;
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
        const furniture = (text: string) =>
          `<div style="font:9px 'Noto Sans CJK TC',sans-serif;width:100%;text-align:center">${escapeHtml(text)
            .replace('{n}', '<span class="pageNumber"></span>')
            .replace('{total}', '<span class="totalPages"></span>')}</div>`;
        const pdf = await page.pdf({
          format: 'A4',
          margin: { top: '2cm', bottom: '2cm', left: '2.2cm', right: '2.2cm' },
          displayHeaderFooter: opts.header !== undefined || opts.footer !== undefined,
          headerTemplate: furniture(opts.header ?? ''),
          footerTemplate: furniture(opts.footer ?? ''),
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
