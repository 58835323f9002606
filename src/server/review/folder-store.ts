// The files of one drafted folder on disk: confined to graph/, versioned by content hash, written atomically
// (temporary file + rename) and by one writer at a time.
import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ReviewError } from '../../ingest/review/decisions.js';

const SLUG = /^[a-z0-9][a-z0-9._-]{0,80}$/i;

export function versionOf(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** The folder of a slug, refused when it is a path, leaves graph/, is a link or is graph/sources. */
export function folderOf(graphDir: string, slug: string): string {
  if (!SLUG.test(slug) || slug.includes('..') || slug === 'sources') {
    throw new ReviewError(`"${slug}" is not a report folder name (letters, digits, ".", "_" and "-")`, 400);
  }
  const root = realpathSync(graphDir);
  const dir = resolve(root, slug);
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(dir);
  } catch {
    throw new ReviewError(`there is no folder graph/${slug}`, 404);
  }
  if (stat.isSymbolicLink() || !stat.isDirectory() || !inside(root, realpathSync(dir))) {
    throw new ReviewError(`graph/${slug} is not a folder inside graph/`, 403);
  }
  return dir;
}

export interface FolderFile {
  /** Relative to the folder, with forward slashes. */
  path: string;
  abs: string;
  text: string;
  version: string;
}

/** The YAML files of a folder; a link among them is refused (it could point outside graph/). */
export function readFolder(dir: string): FolderFile[] {
  const out: FolderFile[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const abs = join(d, entry.name);
      if (entry.isSymbolicLink()) {
        if (/\.ya?ml$/.test(entry.name))
          throw new ReviewError(
            `${relative(dir, abs)} is a link; review only edits plain files in graph/`,
            403,
          );
        continue;
      }
      if (entry.isDirectory()) walk(abs);
      else if (/\.ya?ml$/.test(entry.name)) {
        const text = readFileSync(abs, 'utf8');
        out.push({ path: relative(dir, abs).split(sep).join('/'), abs, text, version: versionOf(text) });
      }
    }
  };
  walk(dir);
  return out;
}

/** Writes each file through a temporary sibling and a rename, so a reader never sees half a file. */
export async function writeAtomically(files: { abs: string; text: string }[]): Promise<void> {
  const temps: { tmp: string; abs: string }[] = [];
  try {
    for (const f of files) {
      const tmp = `${f.abs}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(tmp, f.text, { flag: 'wx' });
      temps.push({ tmp, abs: f.abs });
    }
    for (const t of temps) await rename(t.tmp, t.abs);
  } catch (err) {
    await Promise.all(temps.map((t) => rm(t.tmp, { force: true })));
    throw err;
  }
}

/** One writer at a time: each task starts when the previous one has finished, whatever its outcome. */
export function createWriteLock(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
