// A small graph/ with a drafted report folder (graph/rpt/) in a temporary directory, for the review tests.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export const REPORT_TEXT = [
  '一、出席',
  '本次會議共有澳洲、韓國及我國等3個經濟體與會，韓國以視訊方式與會。',
  '二、計畫',
  '1. 我國主導之數位信任計畫已完成。',
  '2. 數位信任聯盟由我國主持。',
].join('\n');

export const BASE = `source: src-base
nodes:
  - id: src-base
    label: Source
    name: Base report
    props: { file: sources/base.zh.txt, language: zh-Hant, date: '2025-02-01' }
    prov: { section: 一, quote: 數位信任計畫仍在進行 }
  - { id: AUS, label: Economy, name: Australia, prov: { section: 一, quote: 澳洲 } }
  - { id: KOR, label: Economy, name: Korea, prov: { section: 一, quote: 韓國 } }
  - { id: TWN, label: Economy, name: Chinese Taipei, aliases: [我國], prov: { section: 一, quote: 我國 } }
  - id: prj-trust
    label: Project
    name: Digital trust project
    props: { status: ongoing }
    prov: { section: 一, quote: 數位信任計畫仍在進行 }
  - { id: org-alliance, label: Forum, name: Digital Trust Alliance, prov: { section: 一, quote: 數位信任聯盟 } }
`;

export const DRAFT = `# Drafted by ingestion; decisions are written here.
source: src-rpt
nodes:
  - id: src-rpt
    label: Source
    name: Test report
    props: { file: sources/rpt.zh.txt, language: zh-Hant, date: '2025-10-01' }
    prov: { section: 一, quote: 本次會議共有澳洲 }
  - id: mtg-rpt
    label: Meeting
    name: Test meeting
    prov: { section: 一, quote: 本次會議共有澳洲、韓國及我國等3個經濟體與會 }
    review: pending
    confidence: 0.9
    rule: meeting-header
  - id: org-new-alliance
    label: Forum
    name: 數位信任聯盟
    prov: { section: 二.2, quote: 數位信任聯盟由我國主持 }
    review: pending
    confidence: 0.6
    rule: organisations
    candidates: [{ id: org-alliance, score: 0.8 }]
edges:
  - { type: ATTENDED, from: AUS, to: mtg-rpt, props: { mode: in-person }, prov: { section: 一, quote: 澳洲、韓國及我國等3個經濟體與會 }, review: pending, confidence: 0.9, rule: attendance-list }
  - { type: ATTENDED, from: KOR, to: mtg-rpt, props: { mode: virtual }, prov: { section: 一, quote: 韓國以視訊方式與會 }, review: pending, confidence: 0.9, rule: attendance-mode }
  - { type: ATTENDED, from: TWN, to: mtg-rpt, props: { mode: in-person }, prov: { section: 一, quote: 及我國等3個經濟體與會 }, review: pending, confidence: 0.8, rule: attendance-list }
  - { type: LEADS, from: TWN, to: org-new-alliance, prov: { section: 二.2, quote: 數位信任聯盟由我國主持 }, review: pending, confidence: 0.5, rule: leads }
updates:
  - node: prj-trust
    prop: status
    value: completed
    asOf: '2025-10'
    prov: { section: 二.1, quote: 我國主導之數位信任計畫已完成 }
    review: pending
    confidence: 0.7
    rule: project-status
`;

export function makeReviewGraph(): { dir: string; draft: string } {
  const dir = mkdtempSync(join(tmpdir(), 'apec-kg-review-'));
  mkdirSync(join(dir, 'sources'));
  mkdirSync(join(dir, 'base'));
  mkdirSync(join(dir, 'rpt'));
  writeFileSync(
    join(dir, 'sources', 'base.zh.txt'),
    '一、澳洲、韓國、我國。數位信任計畫仍在進行。數位信任聯盟。\n',
  );
  writeFileSync(join(dir, 'sources', 'rpt.zh.txt'), REPORT_TEXT);
  writeFileSync(join(dir, 'base', 'base.yaml'), BASE);
  const draft = join(dir, 'rpt', 'draft.yaml');
  writeFileSync(draft, DRAFT);
  return { dir, draft };
}

/** A fingerprint of every file under dir (path and content): equal fingerprints, nothing changed. */
export function snapshot(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      h.update(relative(dir, p));
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) h.update(readFileSync(p));
      else h.update('link');
    }
  };
  walk(dir);
  return h.digest('hex');
}
