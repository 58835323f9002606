import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installStagedDir } from '../../src/neo4j/local-server.js';

// The jar folder is installed by renames so that two first-time downloads racing each other never delete
// jars the other process already runs on.
describe('installStagedDir', () => {
  let root: string;
  const target = () => join(root, 'lib');

  function staged(name: string, digest: string, jar: string): string {
    const dir = join(root, name);
    mkdirSync(dir);
    writeFileSync(join(dir, jar), jar);
    writeFileSync(join(dir, '.resolved-from'), `${digest}\n`);
    return dir;
  }

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'apec-kg-install-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('moves the download into place when nothing is there', () => {
    const dir = staged('a', 'v1', 'neo4j-a.jar');
    installStagedDir(dir, target(), 'v1');
    expect(readdirSync(target()).sort()).toEqual(['.resolved-from', 'neo4j-a.jar']);
    expect(existsSync(dir)).toBe(false);
  });

  it('keeps the copy another process installed first and drops its own', () => {
    installStagedDir(staged('first', 'v1', 'first.jar'), target(), 'v1');
    const second = staged('second', 'v1', 'second.jar');
    installStagedDir(second, target(), 'v1');
    expect(readdirSync(target())).toContain('first.jar');
    expect(readdirSync(target())).not.toContain('second.jar');
    expect(existsSync(second)).toBe(false);
  });

  it('replaces a stale version (another pom)', () => {
    installStagedDir(staged('old', 'v1', 'old.jar'), target(), 'v1');
    installStagedDir(staged('new', 'v2', 'new.jar'), target(), 'v2');
    expect(readdirSync(target())).toContain('new.jar');
    expect(readdirSync(target())).not.toContain('old.jar');
    expect(readFileSync(join(target(), '.resolved-from'), 'utf8').trim()).toBe('v2');
    expect(readdirSync(root).sort()).toEqual(['lib']);
  });
});
