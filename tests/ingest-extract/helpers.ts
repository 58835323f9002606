// Shared by the ingest-extract tests: the knowledge base (read once) and a matcher from expected facts to a draft.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { draftReport } from '../../src/ingest/draft-report.js';
import type { Draft, DraftEdge } from '../../src/ingest/types.js';
import { DEFAULT_GRAPH_DIR, loadKnowledgeBase } from '../../src/model/read.js';
import type { KnowledgeBase } from '../../src/model/types.js';
import type { ExpectedEdge, ExpectedReport } from '../fixtures/reports/expected.js';

let cached: KnowledgeBase | undefined;
export function kb(): KnowledgeBase {
  cached ??= loadKnowledgeBase(DEFAULT_GRAPH_DIR);
  return cached;
}

export const FIXTURES = join(DEFAULT_GRAPH_DIR, '..', 'tests', 'fixtures', 'reports');

export function draftFixture(r: ExpectedReport, base: KnowledgeBase = kb()): Draft {
  const text = readFileSync(join(FIXTURES, r.file), 'utf8');
  return draftReport({ text, format: 'txt', fileName: r.file }, base, {
    slug: r.file.replace(/\..*$/, ''),
    lang: r.lang,
  });
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** The draft node ids an expected end stands for. */
export function resolveEnd(draft: Draft, r: ExpectedReport, end: string): string[] {
  if (end === 'mtg') {
    const forumOf = new Map(draft.edges.filter((e) => e.type === 'MEETING_OF').map((e) => [e.from, e.to]));
    return draft.nodes
      .filter(
        (n) =>
          n.label === 'Meeting' &&
          forumOf.get(n.id) === r.meeting.forum &&
          n.props.ordinal === r.meeting.ordinal,
      )
      .map((n) => n.id);
  }
  if (end.startsWith('proj:'))
    return draft.nodes.filter((n) => n.props.projectNumber === end.slice(5)).map((n) => n.id);
  if (end.startsWith('name:')) {
    const want = norm(end.slice(5));
    return draft.nodes
      .filter((n) =>
        [n.name, n.nameZh].some(
          (x) =>
            x !== undefined && (norm(x).includes(want) || (want.includes(norm(x)) && norm(x).length > 3)),
        ),
      )
      .map((n) => n.id);
  }
  return [end];
}

export function findEdge(draft: Draft, r: ExpectedReport, x: ExpectedEdge): DraftEdge | undefined {
  const froms = new Set(resolveEnd(draft, r, x.from));
  const tos = new Set(resolveEnd(draft, r, x.to));
  return draft.edges.find(
    (e) =>
      e.type === x.type &&
      froms.has(e.from) &&
      tos.has(e.to) &&
      Object.entries(x.props ?? {}).every(([k, v]) => (v === null ? !(k in e.props) : e.props[k] === v)),
  );
}
