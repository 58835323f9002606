// Precision and recall of a draft against the reviewed facts, per row of the table and overall.
import type { KnowledgeBase } from '../../model/types.js';
import type { Draft } from '../types.js';
import { edgeFactKey, type Fact, OVERALL_PRECISION_TARGET, referenceFacts, SCORED } from './reference.js';
import { resolveDraft } from './resolve.js';

export interface Row {
  kind: string;
  drafted: number;
  reference: number;
  truePositives: number;
  precision: number;
  recall: number;
  target?: number;
  met: boolean;
  missed: string[];
  wrong: string[];
}

export interface Score {
  rows: Row[];
  overall: { truePositives: number; drafted: number; reference: number; precision: number; recall: number };
  precisionMet: boolean;
  allMet: boolean;
}

export function draftedFacts(draft: Draft, reviewed: KnowledgeBase): Fact[] {
  const resolved = resolveDraft(draft, reviewed);
  const r = (id: string) => resolved.get(id) ?? `new:${id}`;
  const labels = new Map(draft.nodes.map((n) => [n.id, n.label]));
  const out: Fact[] = [];
  for (const e of draft.edges)
    for (const k of SCORED)
      if (k.edge?.(e, labels.get(e.from) ?? '', labels.get(e.to) ?? ''))
        out.push({ kind: k.kind, key: edgeFactKey(k.kind, r(e.from), r(e.to), e.props) });
  const statusOf = new Map<string, string>();
  for (const n of draft.nodes) {
    if (n.label !== 'Project') continue;
    if (typeof n.props.status === 'string') statusOf.set(n.id, n.props.status);
    if (typeof n.props.projectNumber === 'string')
      out.push({ kind: 'Project number', key: `${r(n.id)}|${n.props.projectNumber}` });
  }
  for (const u of draft.updates)
    if (u.prop === 'status' && typeof u.value === 'string') statusOf.set(u.node, u.value);
  for (const [id, st] of statusOf) out.push({ kind: 'Project status', key: `${r(id)}|${st}` });
  return out;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function scoreDraft(draft: Draft, reviewed: KnowledgeBase, sourceId: string): Score {
  const reference = referenceFacts(reviewed, sourceId);
  const drafted = draftedFacts(draft, reviewed);
  const rows: Row[] = [];
  let tp = 0;
  let nd = 0;
  let nr = 0;
  for (const k of SCORED) {
    const ref = reference.filter((f) => f.kind === k.kind);
    const stated = new Set(ref.filter((f) => !f.optional).map((f) => f.key));
    const optional = new Set(ref.filter((f) => f.optional).map((f) => f.key));
    const mine = new Set(drafted.filter((f) => f.kind === k.kind).map((f) => f.key));
    const counted = [...mine].filter((x) => !optional.has(x));
    const hits = counted.filter((x) => stated.has(x));
    const row: Row = {
      kind: k.kind,
      drafted: counted.length,
      reference: stated.size,
      truePositives: hits.length,
      precision: ratio(hits.length, counted.length),
      recall: ratio(hits.length, stated.size),
      met: k.target === undefined || ratio(hits.length, stated.size) >= k.target,
      missed: [...stated].filter((x) => !mine.has(x)),
      wrong: counted.filter((x) => !stated.has(x)),
    };
    if (k.target !== undefined) row.target = k.target;
    rows.push(row);
    tp += hits.length;
    nd += counted.length;
    nr += stated.size;
  }
  const precision = ratio(tp, nd);
  const precisionMet = precision >= OVERALL_PRECISION_TARGET;
  return {
    rows,
    overall: { truePositives: tp, drafted: nd, reference: nr, precision, recall: ratio(tp, nr) },
    precisionMet,
    allMet: precisionMet && rows.every((r) => r.met),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function formatScore(s: Score): string {
  const lines = [
    '| Relationship / fact | Reference | Drafted | Correct | Precision | Recall | Recall target |',
    '|---|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of s.rows)
    lines.push(
      `| ${r.kind} | ${r.reference} | ${r.drafted} | ${r.truePositives} | ${pct(r.precision)} | ${pct(r.recall)} | ${r.target === undefined ? '—' : `≥ ${pct(r.target)} ${r.met ? 'met' : 'MISSED'}`} |`,
    );
  lines.push(
    `| **Overall** | ${s.overall.reference} | ${s.overall.drafted} | ${s.overall.truePositives} | ${pct(s.overall.precision)} (target ≥ ${pct(OVERALL_PRECISION_TARGET)} ${s.precisionMet ? 'met' : 'MISSED'}) | ${pct(s.overall.recall)} | |`,
  );
  return lines.join('\n');
}
