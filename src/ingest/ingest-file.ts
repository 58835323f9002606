// One report file → a draft (and, unless dry-run, a draft folder under graph/): the pipeline that the CLI
// (`npm run ingest`) and the review server's upload both run, so both give the same draft and the same errors.
import { basename, extname } from 'node:path';
import { DEFAULT_GRAPH_DIR, readKnowledgeBase } from '../model/read.js';
import { draftReport } from './draft-report.js';
import { readReport } from './read/read-report.js';
import { type Draft, type ExtractedText, IngestError } from './types.js';
import { writeDraft } from './write/write-draft.js';

export interface IngestOptions {
  /** Folder name under graph/ and stem of the stored source text; defaults to one made from the file name. */
  slug?: string;
  /** The report's language; detected from the text when not given. */
  lang?: 'zh' | 'en';
  /** Draft only: write nothing. */
  dryRun?: boolean;
  graphDir?: string;
  maxBytes?: number;
  /** The name the file had for its owner (an upload is stored under a temporary name). */
  originalName?: string;
}

export interface IngestOutcome {
  slug: string;
  draft: Draft;
  extracted: ExtractedText;
  written?: ReturnType<typeof writeDraft>;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** A slug from a file name: lower-case ASCII letters, digits and dashes. */
export function slugFromFileName(name: string): string {
  const stem = basename(name, extname(name))
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return stem.length > 0 ? stem : 'report';
}

export async function ingestFile(path: string, opts: IngestOptions = {}): Promise<IngestOutcome> {
  const shown = opts.originalName ?? basename(path);
  const slug = opts.slug ?? slugFromFileName(shown);
  if (!SLUG.test(slug))
    throw new IngestError(
      shown,
      `slug "${slug}" is not allowed: use lower-case letters, digits and dashes (it names a folder under graph/)`,
    );
  const extracted = await readReport(path, opts.maxBytes ? { maxBytes: opts.maxBytes } : {});
  if (opts.originalName) extracted.fileName = opts.originalName;
  const { kb, issues } = readKnowledgeBase(opts.graphDir);
  if (issues.length > 0)
    throw new IngestError(shown, `graph/ has ${issues.length} problem(s); run npm run validate first`);
  const draft = draftReport(extracted, kb, { slug, ...(opts.lang ? { lang: opts.lang } : {}) });
  if (opts.dryRun) return { slug, draft, extracted };
  const written = writeDraft(draft, extracted, { graphDir: opts.graphDir ?? DEFAULT_GRAPH_DIR, slug });
  return { slug, draft, extracted, written };
}
