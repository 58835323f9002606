// Checks `updates:` entries: the node exists, the property belongs to its label (with the label's allowed
// values), the date is real and the provenance is found in its source.
import { clip } from './clip.js';
import { isDateProp, isPartialDate } from './dates.js';
import { updateId } from './parse-files.js';
import {
  type KnowledgeBase,
  type NodeLabel,
  type NodeRecord,
  type Origin,
  PROJECT_STATUSES,
  type PropertyUpdate,
  type Provenance,
  type ValidationIssue,
} from './types.js';
import { LABELS } from './vocabulary.js';

/** Properties the node entry itself holds (name, id…): not updated through `updates`. */
const NOT_UPDATABLE = new Set(['id', 'label', 'name', 'nameZh', 'aliases', 'note', 'prov']);

/** Property names, and allowed values where the vocabulary lists them as `status (a|b|c)`. */
export function labelProperties(label: NodeLabel): Map<string, string[] | undefined> {
  const spec = LABELS.find((l) => l.label === label);
  const out = new Map<string, string[] | undefined>();
  for (const m of (spec?.props ?? '').matchAll(/([a-z][A-Za-z0-9]*)(?:\s*\(([^)]*)\))?/g)) {
    const name = m[1] as string;
    const inner = (m[2] ?? '').replace(/\s+/g, '');
    out.set(name, /^[a-z-]+(\|[a-z-]+)+$/.test(inner) ? inner.split('|') : undefined);
  }
  if (label === 'Project') out.set('status', [...PROJECT_STATUSES]);
  return out;
}

export function validateUpdates(
  kb: KnowledgeBase,
  nodes: Map<string, NodeRecord>,
  suggest: (id: string) => string,
  checkProvenance: (
    rec: { prov: Provenance[]; origin: Origin },
    report: (kind: ValidationIssue['kind'], m: string) => void,
  ) => void,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Map<string, PropertyUpdate>();
  // Properties nodes of each label already use, beyond those the vocabulary lists.
  const used = new Map<NodeLabel, Set<string>>();
  for (const n of nodes.values()) {
    const set = used.get(n.label) ?? new Set<string>();
    for (const k of Object.keys(n.props)) set.add(k);
    used.set(n.label, set);
  }

  for (const u of kb.updates ?? []) {
    const entity = updateId(u);
    const at = (kind: ValidationIssue['kind'], message: string) =>
      issues.push({ file: u.origin.file, line: u.origin.line, entity, kind, message });
    const key = `${entity}=${String(u.value)}`;
    const first = seen.get(key);
    if (first) {
      at('duplicate-id', `the same update is already stated at ${first.origin.file}:${first.origin.line}`);
      continue;
    }
    seen.set(key, u);

    if (!isPartialDate(u.asOf))
      at('bad-date', `asOf "${clip(u.asOf)}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    checkProvenance(u, at);
    const node = nodes.get(u.node);
    if (!node) {
      at('unknown-reference', `update names unknown node "${clip(u.node)}"${suggest(u.node)}`);
      continue;
    }
    if (NOT_UPDATABLE.has(u.prop)) {
      at('shape', `"${u.prop}" is part of the node entry, not a property an update can change`);
      continue;
    }
    const known = labelProperties(node.label);
    if (!known.has(u.prop) && !used.get(node.label)?.has(u.prop)) {
      const names = [...known.keys()].join(', ') || 'none listed';
      at('shape', `a ${node.label} has no property "${u.prop}" (the schema lists: ${names})`);
      continue;
    }
    const allowed = known.get(u.prop);
    if (allowed && !allowed.includes(String(u.value))) {
      at(
        'bad-enum',
        `${node.label}.${u.prop} "${clip(String(u.value))}" is not one of ${allowed.join(' | ')}`,
      );
    }
    if (isDateProp(u.prop) && !(typeof u.value === 'string' && isPartialDate(u.value))) {
      at(
        'bad-date',
        `value "${clip(String(u.value))}" of ${u.prop} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`,
      );
    }
  }
  return issues;
}
