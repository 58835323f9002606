// Rules that span entries and files: identity, references, vocabulary, dates and provenance.
import { closest, distance } from 'fastest-levenshtein';
import { checkInferred } from './inferred-check.js';
import {
  ATTENDANCE_MODES,
  type EdgeRecord,
  type KnowledgeBase,
  type NodeRecord,
  PROJECT_STATUSES,
  type ValidationIssue,
} from './types.js';
import { relSpec } from './vocabulary.js';

export function validateKnowledgeBase(kb: KnowledgeBase): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
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
  const ids = [...nodes.keys()];
  const suggest = (id: string): string => {
    if (ids.length === 0) return '';
    const best = closest(id, ids);
    return distance(id, best) <= Math.max(3, Math.floor(id.length / 3)) ? ` (did you mean "${best}"?)` : '';
  };

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
    checkProvenance(n, kb, nodes, suggest, (k, m) => at(n, k, m));
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
    if (!from) at(e, 'unknown-reference', `"from" names unknown node "${e.from}"${suggest(e.from)}`);
    if (!to) at(e, 'unknown-reference', `"to" names unknown node "${e.to}"${suggest(e.to)}`);
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
    checkProvenance(e, kb, nodes, suggest, (k, m) => at(e, k, m));
  }
  issues.push(...checkInferred(kb));
  return issues;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD) that names a real day, month or year. */
export function isPartialDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const date = new Date(Date.UTC(Number(y), month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function checkDates(rec: NodeRecord | EdgeRecord, report: (m: string) => void): void {
  for (const [key, value] of Object.entries(rec.props)) {
    if (!(key === 'date' || key.endsWith('Date') || key === 'since' || key === 'until' || key === 'asOf'))
      continue;
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (key === 'since' || key === 'until') {
        if (typeof v === 'number' && Number.isInteger(v) && v > 1900 && v < 2200) continue;
      }
      if (typeof v !== 'string' || !isPartialDate(v)) {
        report(`props.${key} "${String(v)}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
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

function checkProvenance(
  rec: NodeRecord | EdgeRecord,
  kb: KnowledgeBase,
  nodes: Map<string, NodeRecord>,
  suggest: (id: string) => string,
  report: (kind: ValidationIssue['kind'], m: string) => void,
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
    if (src?.label !== 'Source') {
      report('unknown-reference', `provenance names unknown source "${p.source}"${suggest(p.source)}`);
      continue;
    }
    const text = squashedSource(kb, p.source);
    if (text === undefined) continue; // the Source node's own check reports the missing file
    if (!text.includes(squash(p.quote))) {
      report('quote-not-found', `quote not found in ${p.source} (section ${p.section}): "${p.quote}"`);
    }
  }
}
