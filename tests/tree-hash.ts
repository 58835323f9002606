// A digest of every file under a folder (paths and bytes), to show that a run wrote nothing.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

export function treeHash(dir: string, skip: (rel: string) => boolean = () => false): string {
  const hash = createHash('sha256');
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      const rel = relative(dir, p);
      if (skip(rel)) continue;
      if (e.isSymbolicLink()) hash.update(`${rel} -> ${readlinkSync(p)}\u0000`);
      else if (e.isDirectory()) walk(p);
      else hash.update(`${rel}\u0000`).update(readFileSync(p)).update('\u0000');
    }
  };
  walk(dir);
  return hash.digest('hex');
}
