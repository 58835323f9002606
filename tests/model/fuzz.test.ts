// Hostile data files: seeded corruptions of copies of graph/ files never crash the validator, always give
// file-named errors (the ones that must be caught are caught, in the file they are in), stay short, and write
// nothing. Four files are corrupted at once, so every run also shows that one file's problem does not hide
// another's.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/model/export.js';
import { DEFAULT_GRAPH_DIR, readKnowledgeBase } from '../../src/model/read.js';
import { treeHash } from '../tree-hash.js';

type Corruption = (
  lines: Buffer[],
  pick: (n: number) => number,
) => { lines: Buffer[]; line?: number } | undefined;

const b = (s: string) => Buffer.from(s, 'utf8');
const findLines = (lines: Buffer[], re: RegExp) =>
  lines.map((l, i) => (re.test(l.toString('utf8')) ? i : -1)).filter((i) => i >= 0);

const ALIAS_BOMB = [
  'lol1: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'lol2: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'lol3: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'lol4: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'lol5: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'lol6: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
];

/** Kinds whose damage the validator must report, in the file that holds it. */
const CAUGHT: Record<string, Corruption> = {
  'alias bomb': (lines) => ({ lines: [...ALIAS_BOMB.map(b), ...lines] }),
  binary: (lines, pick) => {
    const i = pick(lines.length);
    const junk = Buffer.from(Array.from({ length: 64 }, (_, k) => (k * 97 + 0xc3) & 0xff));
    return {
      lines: [...lines.slice(0, i), Buffer.concat([junk, Buffer.from([0xff, 0x00])]), ...lines.slice(i)],
      line: i + 1,
    };
  },
  'non-UTF-8 byte': (lines, pick) => {
    const named = findLines(lines, /^\s+(name|note|nameZh): \S/);
    if (named.length === 0) return undefined;
    const i = named[pick(named.length)] as number;
    const copy = [...lines];
    copy[i] = Buffer.concat([lines[i] as Buffer, Buffer.from([0x80])]);
    return { lines: copy, line: i + 1 };
  },
  'impossible date': (lines, pick) => {
    const dated = findLines(lines, /(Date|date): '?\d{4}-\d{2}-\d{2}/);
    if (dated.length === 0) return undefined;
    const i = dated[pick(dated.length)] as number;
    const copy = [...lines];
    copy[i] = b((lines[i] as Buffer).toString('utf8').replace(/(\d{4})-\d{2}-\d{2}/, '$1-02-30'));
    return { lines: copy, line: i + 1 };
  },
  'near-miss id': (lines, pick) => {
    const refs = findLines(lines, /^\s+(from|to): [A-Za-z]/);
    if (refs.length === 0) return undefined;
    const i = refs[pick(refs.length)] as number;
    const copy = [...lines];
    copy[i] = b(`${(lines[i] as Buffer).toString('utf8').trimEnd()}q`);
    return { lines: copy };
  },
  'huge line': (lines, pick) => {
    const quotes = findLines(lines, /quote: \S/);
    if (quotes.length === 0) return undefined;
    const i = quotes[pick(quotes.length)] as number;
    const copy = [...lines];
    copy[i] = b(
      (lines[i] as Buffer).toString('utf8').replace(/quote: .*?( }|$)/, `quote: ${'數'.repeat(2_000_000)}$1`),
    );
    return { lines: copy };
  },
};

/** Kinds that may or may not break the file (a deleted comment is harmless). */
const ANY: Record<string, Corruption> = {
  'deleted line': (lines, pick) => {
    const i = pick(lines.length);
    return { lines: [...lines.slice(0, i), ...lines.slice(i + 1)] };
  },
  'duplicated line': (lines, pick) => {
    const i = pick(lines.length);
    return { lines: [...lines.slice(0, i + 1), ...lines.slice(i)] };
  },
  'truncated line': (lines, pick) => {
    const i = pick(lines.length);
    const copy = [...lines];
    const l = lines[i] as Buffer;
    copy[i] = l.subarray(0, pick(l.length + 1)); // may cut a UTF-8 sequence in half
    return { lines: copy };
  },
};

const KINDS = [...Object.entries(CAUGHT), ...Object.entries(ANY)];
const ROUNDS = 30;
const PER_ROUND = 4;

describe('hostile data files', () => {
  it(`${ROUNDS * PER_ROUND} seeded corruptions: no crash, file-named short errors, nothing written`, () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'apec-kg-fuzz-')), 'graph');
    cpSync(DEFAULT_GRAPH_DIR, dir, { recursive: true });
    const yamlFiles = readdirYaml(dir);
    const originals = new Map(yamlFiles.map((f) => [f, readFileSync(f)]));
    const rand = seededRandom(1313);
    const pick = (n: number) => Math.floor(rand() * n);
    let applied = 0;
    const seenKinds = new Set<string>();

    for (let round = 0; round < ROUNDS; round++) {
      const files = [...yamlFiles].sort(() => rand() - 0.5).slice(0, PER_ROUND);
      const planted: { file: string; kind: string; caught: boolean; line?: number }[] = [];
      files.forEach((file, j) => {
        const [kind, corrupt] = KINDS[(round * PER_ROUND + j) % KINDS.length] as [string, Corruption];
        const lines = splitLines(originals.get(file) as Buffer);
        const result = corrupt(lines, pick);
        if (!result) return;
        writeFileSync(file, Buffer.concat(result.lines.flatMap((l, k) => (k === 0 ? [l] : [b('\n'), l]))));
        planted.push({ file, kind, caught: kind in CAUGHT, ...(result.line ? { line: result.line } : {}) });
        seenKinds.add(kind);
        applied++;
      });

      const before = treeHash(dir);
      let issues: ReturnType<typeof readKnowledgeBase>['issues'] = [];
      expect(() => {
        issues = readKnowledgeBase(dir).issues;
      }, `round ${round}`).not.toThrow();
      expect(treeHash(dir), `round ${round} wrote something`).toBe(before);

      const known = new Set([...yamlFiles, ...readdirSources(dir)].map((f) => f));
      for (const i of issues) {
        expect(known.has(i.file), `round ${round}: issue names no file of graph/: ${i.file}`).toBe(true);
        expect(Number.isInteger(i.line) && i.line >= 1).toBe(true);
        expect(i.message.length, `round ${round}: message too long`).toBeLessThanOrEqual(700);
      }
      for (const p of planted.filter((x) => x.caught)) {
        const here = issues.filter((i) => i.file === p.file);
        const what = `round ${round}: ${p.kind} in ${relative(dir, p.file)}`;
        if (p.kind === 'huge line') {
          // Its quote is checked unless its source was broken in the same round (then it is counted).
          expect(here.length + issues.filter((i) => i.kind === 'cascade').length, what).toBeGreaterThan(0);
          continue;
        }
        expect(here.length, what).toBeGreaterThan(0);
        if (p.kind === 'non-UTF-8 byte' || p.kind === 'binary') {
          expect(
            here.some((i) => i.kind === 'encoding' && i.line === p.line),
            what,
          ).toBe(true);
        }
        if (p.kind === 'impossible date')
          expect(
            here.some((i) => i.kind === 'bad-date'),
            what,
          ).toBe(true);
        if (p.kind === 'alias bomb')
          expect(
            here.some((i) => /alias/i.test(i.message)),
            what,
          ).toBe(true);
        if (p.kind === 'near-miss id')
          expect(
            here.some((i) => i.kind === 'unknown-reference'),
            what,
          ).toBe(true);
      }
      for (const [file, bytes] of originals) writeFileSync(file, bytes);
    }
    expect(applied).toBeGreaterThanOrEqual(100);
    expect([...seenKinds].sort()).toEqual(KINDS.map(([k]) => k).sort());
    expect(readKnowledgeBase(dir).issues).toEqual([]);
  }, 600_000);
});

function splitLines(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      out.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  out.push(bytes.subarray(start));
  return out;
}

function readdirYaml(dir: string): string[] {
  return walk(dir).filter((f) => /\.ya?ml$/.test(f) && !relative(dir, f).startsWith('sources'));
}

function readdirSources(dir: string): string[] {
  return walk(join(dir, 'sources'));
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}
