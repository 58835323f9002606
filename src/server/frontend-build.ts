// Builds the explorer page with Vite when dist/app is missing or older than its sources.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time of any file under the given paths (0 when none exist). */
export function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (p: string): void => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const entry of readdirSync(p)) {
        if (entry !== 'node_modules' && !entry.startsWith('.')) visit(join(p, entry));
      }
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of paths) visit(p);
  return newest;
}

export interface BuildCheck {
  needed: boolean;
  reason: string;
}

export function frontendBuildNeeded(repoRoot: string): BuildCheck {
  const index = join(repoRoot, 'dist', 'app', 'index.html');
  const sources = [
    join(repoRoot, 'src', 'app'),
    join(repoRoot, 'src', 'model'),
    join(repoRoot, 'vite.config.ts'),
  ];
  if (!existsSync(join(repoRoot, 'src', 'app', 'index.html'))) {
    return { needed: false, reason: 'src/app/index.html does not exist, so there is no page to build' };
  }
  if (!existsSync(index)) return { needed: true, reason: 'dist/app/index.html is missing' };
  const built = statSync(index).mtimeMs;
  if (newestMtime(sources) > built)
    return { needed: true, reason: 'the page sources changed since the last build' };
  return { needed: false, reason: 'dist/app is up to date' };
}

/** Runs `vite build` with its output shown; rejects if it fails. */
export function buildFrontend(repoRoot: string): Promise<void> {
  const vite = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: repoRoot,
      stdio: 'inherit',
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`vite build failed (${signal ?? `exit code ${code}`})`));
    });
  });
}
