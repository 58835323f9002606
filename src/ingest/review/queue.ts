// The review queue of a drafted folder: every entry with its review state, confidence, rule, candidates and
// provenance, in the order of its first quote in the source. Pure: reads the folder's YAML text.
import { parse } from 'yaml';
import type { EntryRef } from './decisions.js';

export interface QueueEntry {
  ref: EntryRef;
  file: string;
  /** The file's default source (its top-level `source:`). */
  source?: string;
  review: 'pending' | 'accepted' | 'rejected' | 'merged';
  /** Node label, relationship type, or `update` for a later value. */
  type: string;
  /** Display line: the node's name, `from —TYPE→ to`, or `node.prop = value`. */
  title: string;
  confidence?: number;
  rule?: string;
  candidates?: { id: string; score: number }[];
  mergedInto?: string;
  from?: string;
  to?: string;
  props: Record<string, unknown>;
  prov: { source?: string; section: string; quote: string }[];
  /** updates only */
  node?: string;
  prop?: string;
  value?: unknown;
  asOf?: string;
}

type Raw = Record<string, unknown>;

const list = (v: unknown): Raw[] =>
  Array.isArray(v) ? v.filter((x): x is Raw => !!x && typeof x === 'object') : [];
const provOf = (v: unknown) =>
  (Array.isArray(v) ? v : v ? [v] : []).map((p) => {
    const r = p as Raw;
    return {
      ...(typeof r.source === 'string' ? { source: r.source } : {}),
      section: String(r.section ?? ''),
      quote: String(r.quote ?? ''),
    };
  });
const reviewOf = (v: unknown): QueueEntry['review'] =>
  v === 'pending' || v === 'rejected' || v === 'merged' ? v : 'accepted';

export function queueOf(files: Map<string, string>): QueueEntry[] {
  const out: QueueEntry[] = [];
  for (const [file, text] of files) {
    const doc = (parse(text) ?? {}) as Raw;
    const common = (r: Raw) => ({
      file,
      ...(typeof doc.source === 'string' ? { source: doc.source } : {}),
      review: reviewOf(r.review),
      ...(typeof r.confidence === 'number' ? { confidence: r.confidence } : {}),
      ...(typeof r.rule === 'string' ? { rule: r.rule } : {}),
      props: (r.props && typeof r.props === 'object' ? r.props : {}) as Record<string, unknown>,
      prov: provOf(r.prov),
    });
    for (const n of list(doc.nodes)) {
      out.push({
        ...common(n),
        ref: { kind: 'node', id: String(n.id) },
        type: String(n.label),
        title: String(n.name ?? n.id),
        ...(Array.isArray(n.candidates)
          ? { candidates: n.candidates as { id: string; score: number }[] }
          : {}),
        ...(typeof n.mergedInto === 'string' ? { mergedInto: n.mergedInto } : {}),
      });
    }
    for (const e of list(doc.edges)) {
      const id = [e.from, e.type, e.to, ...(typeof e.key === 'string' ? [e.key] : [])].join('|');
      out.push({
        ...common(e),
        ref: { kind: 'edge', id },
        type: String(e.type),
        title: `${e.from} —${e.type}→ ${e.to}`,
        from: String(e.from),
        to: String(e.to),
      });
    }
    list(doc.updates).forEach((u, index) => {
      out.push({
        ...common(u),
        ref: { kind: 'update', file, index },
        type: 'update',
        title: `${u.node}.${u.prop} = ${String(u.value)}`,
        node: String(u.node),
        prop: String(u.prop),
        value: u.value,
        ...(typeof u.asOf === 'string' ? { asOf: u.asOf } : {}),
      });
    });
  }
  return out;
}
