// Builds small graph/ folders on disk for tests of reading and validation.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const SOURCE_TEXT =
  '本次會議共有澳洲、智利及我國等3個經濟體與會。\n主席提議取消此一議程。\n會議於 2025 年 2 月 26 日舉行，澳洲實體與會。';

export const BASE_YAML = `source: src-test
nodes:
  - id: src-test
    label: Source
    name: Test report
    props: { file: sources/test.txt }
    prov: { section: 0, quote: 本次會議共有 }
  - id: AUS
    label: Economy
    name: Australia
    nameZh: 澳洲
    prov: { section: 一, quote: 澳洲、智利 }
  - id: TWN
    label: Economy
    name: Chinese Taipei
    aliases: [我國]
    prov: { section: 一, quote: 及我國等3個經濟體 }
  - id: mtg-1
    label: Meeting
    name: Meeting one
    props: { startDate: 2025-02-26 }
    prov: { section: 二, quote: 會議於 2025 年 2 月 26 日舉行 }
edges:
  - type: ATTENDED
    from: AUS
    to: mtg-1
    props: { mode: in-person }
    prov: { section: 二, quote: 會議於 2025 年 2 月 26 日舉行，澳洲實體與會 }
`;

/** Writes files (path relative to the graph dir -> content) into a fresh temporary graph dir. */
export function makeGraphDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'apec-kg-graph-'));
  const all: Record<string, string> = { 'sources/test.txt': SOURCE_TEXT, ...files };
  for (const [rel, content] of Object.entries(all)) {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return dir;
}
