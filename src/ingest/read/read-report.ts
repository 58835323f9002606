// readReport: the first stage of ingestion. Checks the file (exists, not empty, under the size limit, a format we
// read), then hands its bytes to the reader for its extension. Every bad input is an IngestError naming the file.
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { type ExtractedText, IngestError } from '../types.js';
import { decodeText } from './decode-text.js';
import { readDocx } from './docx.js';
import { DEFAULT_MAX_BYTES } from './limits.js';
import { readPdf } from './pdf.js';

export { DEFAULT_MAX_BYTES } from './limits.js';

export const SUPPORTED_EXTENSIONS = ['.pdf', '.docx', '.txt', '.md'] as const;

export interface ReadOptions {
  /** Larger files are refused before they are read (default 50 MB). */
  maxBytes?: number;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(n % 1024 === 0 ? 0 : 1)} KB`;
  return `${n} bytes`;
}

export async function readReport(path: string, opts: ReadOptions = {}): Promise<ExtractedText> {
  const fileName = basename(path);
  const ext = extname(path).toLowerCase();
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new IngestError(
      path,
      `unsupported file type "${ext || '(no extension)'}"; expected one of ${SUPPORTED_EXTENSIONS.join(', ')}`,
    );
  }
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new IngestError(path, 'is not a file');
    size = info.size;
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError(path, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (size === 0) throw new IngestError(path, 'is empty (0 bytes)');
  if (size > maxBytes) {
    throw new IngestError(path, `is ${formatBytes(size)}, over the size limit of ${formatBytes(maxBytes)}`);
  }
  const bytes = new Uint8Array(await readFile(path));

  let result: ExtractedText;
  if (ext === '.pdf') {
    const pdf = await readPdf(bytes, path);
    result = { text: pdf.text, format: 'pdf', pages: pdf.pages, fileName };
    if (pdf.metaTitle) result.metaTitle = pdf.metaTitle;
  } else if (ext === '.docx') {
    const docx = await readDocx(bytes, path);
    result = { text: docx.text, format: 'docx', fileName };
    if (docx.metaTitle) result.metaTitle = docx.metaTitle;
  } else {
    const decoded = decodeText(bytes, path);
    result = { text: decoded.text, format: 'txt', encoding: decoded.encoding, fileName };
  }
  if (result.text.trim().length === 0) throw new IngestError(path, 'contains no text');
  return result;
}
