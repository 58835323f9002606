// Rules that span entries and files: identity, references, vocabulary, dates and provenance.
import { closest, distance } from 'fastest-levenshtein';
import { Cascades } from './cascade.js';
import { clip } from './clip.js';
import { isDateProp, isPartialDate } from './dates.js';
import { checkInferred } from './inferred-check.js';
import {
  ATTENDANCE_MODES,
  type EdgeRecord,
  type KnowledgeBase,
  type NodeRecord,
  type Origin,
  PROJECT_STATUSES,
  type Provenance,
  type ValidationIssue,
} from './types.js';
import { validateUpdates } from './validate-updates.js';
import { relSpec } from './vocabulary.js';

export interface ValidationContext {
  /** Entries that could not be read, by id: references to them are counted, not reported one by one. */
  invalid?: Map<string, Origin>;
}

export function validateKnowledgeBase(kb: KnowledgeBase, context: ValidationContext = {}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const cascades = new Cascades(context.invalid ?? new Map());
  const at = (rec: NodeRecord | EdgeRecord, kind: ValidationIssue['kind'], message: string): void => {
    issues.push({ file: rec.origin.file, line: rec.origin.line, entity: rec.id, kind, message });
  };

  const nodes = new Map<string, NodeRecord>();
  for (const n of kb.nodes) {
    const first = nodes.get(n.id);
    if (first) {
      at(n, 'duplicate-id', `node id "${n.id}" is already used at ${first.origin.file}:${first.origin.line}`);
      continue;
    }
    nodes.set(n.id, n);
  }
  const suggest = suggester([...nodes.keys()]);
  for (const n of nodes.values()) {
    if (n.label === 'Source' && !kb.sourceTexts.has(n.id))
      cascades.markBroken(n.id, n.origin, 'has no readable text');
  }

  for (const n of nodes.values()) {
    if (n.label === 'Economy' && !/^[A-Z]{3}$/.test(n.id)) {
      at(n, 'shape', `Economy id "${n.id}" must be its ISO 3166 alpha-3 code (three capital letters)`);
    }
    if (n.label === 'Project') {
      const status = n.props.status;
      if (status === undefined)
        at(n, 'bad-enum', `Project needs props.status (${PROJECT_STATUSES.join(' | ')})`);
      else if (!(PROJECT_STATUSES as readonly unknown[]).includes(status)) {
        at(n, 'bad-enum', `props.status "${String(status)}" is not one of ${PROJECT_STATUSES.join(' | ')}`);
      }
    }
    checkDates(n, (m) => at(n, 'bad-date', m));
    checkProvenance(n, kb, nodes, suggest, cascades, (k, m) => at(n, k, m));
  }

  const edgeIds = new Map<string, EdgeRecord>();
  for (const e of kb.edges) {
    const first = edgeIds.get(e.id);
    if (first) {
      at(
        e,
        'duplicate-id',
        `relationship ${e.id} is already declared at ${first.origin.file}:${first.origin.line}; give one of them a distinct "key"`,
      );
      continue;
    }
    edgeIds.set(e.id, e);
    const spec = relSpec(e.type);
    if (!spec)
      at(e, 'unknown-type', `relationship type "${e.type}" is not in the schema (src/model/vocabulary.ts)`);
    const from = nodes.get(e.from);
    const to = nodes.get(e.to);
    for (const [end, id, found] of [
      ['from', e.from, from],
      ['to', e.to, to],
    ] as const) {
      if (!found && cascades.reference(id, 'relationship', e.origin))
        at(e, 'unknown-reference', `"${end}" names unknown node "${clip(id)}"${suggest(id)}`);
    }
    if (spec && from && !spec.from.includes(from.label)) {
      at(
        e,
        'bad-endpoint',
        `${e.type} cannot start at a ${from.label} ("${from.id}"); allowed: ${spec.from.join(', ')}`,
      );
    }
    if (spec && to && !spec.to.includes(to.label)) {
      at(
        e,
        'bad-endpoint',
        `${e.type} cannot end at a ${to.label} ("${to.id}"); allowed: ${spec.to.join(', ')}`,
      );
    }
    for (const req of spec?.required ?? []) {
      if (e.props[req] === undefined) at(e, 'shape', `${e.type} needs props.${req}`);
    }
    if (
      e.type === 'ATTENDED' &&
      e.props.mode !== undefined &&
      !(ATTENDANCE_MODES as readonly unknown[]).includes(e.props.mode)
    ) {
      at(e, 'bad-enum', `props.mode "${String(e.props.mode)}" is not one of ${ATTENDANCE_MODES.join(' | ')}`);
    }
    checkDates(e, (m) => at(e, 'bad-date', m));
    checkProvenance(e, kb, nodes, suggest, cascades, (k, m) => at(e, k, m));
  }
  issues.push(
    ...validateUpdates(kb, nodes, suggest, (rec, report) =>
      checkProvenance(rec, kb, nodes, suggest, cascades, report),
    ),
  );
  issues.push(...checkInferred(kb));
  issues.push(...cascades.summaries());
  return issues.map(clipIssue);
}

/** "did you mean" for a mistyped id; nothing for ids too long to be a typo (a corrupted line). */
export function suggester(ids: string[]): (id: string) => string {
  return (id) => {
    if (ids.length === 0 || id.length > 100) return '';
    const best = closest(id, ids);
    return distance(id, best) <= Math.max(3, Math.floor(id.length / 3)) ? ` (did you mean "${best}"?)` : '';
  };
}

/** The last guard against data echoed whole: messages and entity names stay readable. */
export function clipIssue(i: ValidationIssue): ValidationIssue {
  const message = clip(i.message, 600);
  const entity = i.entity === undefined ? undefined : clip(i.entity);
  if (message === i.message && entity === i.entity) return i;
  return { ...i, message, ...(entity !== undefined ? { entity } : {}) };
}

export { isPartialDate };

function checkDates(rec: { props: NodeRecord['props'] }, report: (m: string) => void): void {
  for (const [key, value] of Object.entries(rec.props)) {
    if (!isDateProp(key)) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (key === 'since' || key === 'until') {
        if (typeof v === 'number' && Number.isInteger(v) && v > 1900 && v < 2200) continue;
      }
      if (typeof v !== 'string' || !isPartialDate(v)) {
        report(`props.${key} "${clip(String(v))}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
      }
    }
  }
}

/** Whitespace is dropped before comparing: the report wraps lines and pages mid-sentence. */
export function squash(text: string): string {
  return text.replace(/\s+/gu, '');
}

const squashedTexts = new WeakMap<Map<string, string>, Map<string, string>>();

function squashedSource(kb: KnowledgeBase, id: string): string | undefined {
  let cache = squashedTexts.get(kb.sourceTexts);
  if (!cache) {
    cache = new Map();
    squashedTexts.set(kb.sourceTexts, cache);
  }
  const hit = cache.get(id);
  if (hit !== undefined) return hit;
  const text = kb.sourceTexts.get(id);
  if (text === undefined) return undefined;
  const s = squash(text);
  cache.set(id, s);
  return s;
}

export type ReportIssue = (kind: ValidationIssue['kind'], m: string) => void;

function checkProvenance(
  rec: { prov: Provenance[]; origin: Origin },
  kb: KnowledgeBase,
  nodes: Map<string, NodeRecord>,
  suggest: (id: string) => string,
  cascades: Cascades,
  report: ReportIssue,
): void {
  if (rec.prov.length === 0) {
    report('missing-provenance', 'no provenance: add prov with source, section and a verbatim quote');
    return;
  }
  for (const p of rec.prov) {
    if (!p.source) {
      report(
        'missing-provenance',
        'provenance without a source (set "source" here or at the top of the file)',
      );
      continue;
    }
    const src = nodes.get(p.source);
    if (src === undefined) {
      if (cascades.reference(p.source, 'quote', rec.origin))
        report(
          'unknown-reference',
          `provenance names unknown source "${clip(p.source)}"${suggest(p.source)}`,
        );
      continue;
    }
    if (src.label !== 'Source') {
      report('unknown-reference', `provenance names "${p.source}", a ${src.label}, not a Source`);
      continue;
    }
    const text = squashedSource(kb, p.source);
    if (text === undefined) {
      cascades.reference(p.source, 'quote', rec.origin); // counted under the Source's own problem
      continue;
    }
    if (!text.includes(squash(p.quote))) {
      report(
        'quote-not-found',
        `quote not found in ${p.source} (section ${clip(p.section, 60)}): "${clip(p.quote)}"`,
      );
    }
  }
}
