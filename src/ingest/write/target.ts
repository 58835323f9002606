// Where a draft goes: graph/<slug>/ and graph/sources/<slug>.<lang>.txt, and nowhere else. A slug that
// could point anywhere else, or at a place another source already holds, is refused before anything is written.
import { existsSync, lstatSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import { IngestError } from '../types.js';

export interface Target {
  graphDir: string;
  slug: string;
  /** Absolute path of graph/<slug>/. */
  folder: string;
  /** Absolute path of graph/sources/<slug>.<lang>.txt, and the same relative to graph/. */
  textPath: string;
  textRel: string;
}

export const SOURCE_FILE = 'source.yaml';
export const DRAFT_FILE = 'draft.yaml';
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;
/** Folders of graph/ that are not reports. */
const RESERVED = new Set(['sources', 'base']);

const isSymlink = (p: string): boolean => existsSync(p) && lstatSync(p).isSymbolicLink();

/** Checks the slug and the places it names; throws IngestError naming `file` and the problem. */
export function resolveTarget(file: string, graphDir: string, slug: string, lang: 'zh' | 'en'): Target {
  const refuse = (problem: string): never => {
    throw new IngestError(file, problem);
  };
  if (!SLUG.test(slug)) {
    refuse(
      `slug "${slug.slice(0, 80)}" is not allowed: use lower-case letters, digits and "-" (no "/", "\\", "..", or absolute path), at most 80 characters`,
    );
  }
  if (RESERVED.has(slug)) refuse(`slug "${slug}" is reserved: graph/${slug}/ is not a report folder`);
  const base = resolve(graphDir);
  if (!existsSync(base)) refuse(`graph folder ${base} does not exist`);
  const realBase = realpathSync(base);
  const folder = join(base, slug);
  const sources = join(base, 'sources');
  const textRel = `sources/${slug}.${lang}.txt`;
  const textPath = join(base, textRel);
  for (const p of [folder, sources, textPath, join(folder, SOURCE_FILE), join(folder, DRAFT_FILE)]) {
    if (isSymlink(p))
      refuse(`${relative(base, p)} is a symbolic link; ingest writes only real files inside graph/`);
  }
  for (const p of [folder, sources]) {
    if (!existsSync(p)) continue;
    const real = realpathSync(p);
    if (real !== join(realBase, relative(base, p)) || !real.startsWith(realBase + sep)) {
      refuse(`${relative(base, p)} resolves outside graph/`);
    }
  }
  return { graphDir: base, slug, folder, textPath, textRel };
}

/** What a previous ingest recorded for this slug, from its source.yaml (undefined if there is none). */
export function previousSource(target: Target): { id?: string; originalFile?: string } | undefined {
  const path = join(target.folder, SOURCE_FILE);
  if (!existsSync(path)) return undefined;
  const doc: unknown = parse(readFileSync(path, 'utf8'), { maxAliasCount: 0 });
  const node = (
    doc as { nodes?: { id?: unknown; label?: unknown; props?: Record<string, unknown> }[] }
  )?.nodes?.find((n) => n?.label === 'Source');
  if (!node) return {};
  const originalFile = node.props?.originalFile;
  return {
    ...(typeof node.id === 'string' ? { id: node.id } : {}),
    ...(typeof originalFile === 'string' ? { originalFile } : {}),
  };
}

/** Refuses a slug whose folder or text belongs to another source (another original file or another text). */
export function checkSlugIsOurs(file: string, target: Target, fileName: string, text: string): void {
  const refuse = (problem: string): never => {
    throw new IngestError(file, problem);
  };
  const prev = previousSource(target);
  if (existsSync(target.folder) && prev === undefined) {
    refuse(
      `slug "${target.slug}" is taken: graph/${target.slug}/ exists and was not written by ingest (no ${SOURCE_FILE}); choose another --slug`,
    );
  }
  if (prev && prev.originalFile !== fileName) {
    refuse(
      `slug "${target.slug}" is already used by another source (${prev.originalFile ?? 'unknown file'}); choose another --slug`,
    );
  }
  if (existsSync(target.textPath) && readFileSync(target.textPath, 'utf8') !== text) {
    refuse(
      `slug "${target.slug}" is already used by another text (graph/${target.textRel} differs); choose another --slug`,
    );
  }
}
