// Review decisions on a drafted report folder (graph/<slug>/), applied to the YAML text of its files: accept,
// edit, reject (kept as a record), merge a new node into an existing one (its relationships rewritten), and
// resolve a conflict with an existing value (an `updates` entry, both values kept with their sources).
// Pure: text in, text out; the review server validates and writes. Comments and layout are kept (yaml's Document).

import { type Document, isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Decision, EntryEdit, EntryRef, ProvPatch } from '../../model/api-types.js';

export type { Decision, EntryEdit, EntryRef, ProvPatch } from '../../model/api-types.js';

/** A decision that cannot apply: names the entry and why. Nothing is written. */
export class ReviewError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'ReviewError';
  }
}

const edgeKey = (m: YAMLMap): string => {
  const key = m.get('key');
  return [m.get('from'), m.get('type'), m.get('to'), ...(typeof key === 'string' ? [key] : [])].join('|');
};

function items(doc: Document, key: 'nodes' | 'edges' | 'updates'): YAMLMap[] {
  const seq = doc.get(key, true);
  return isSeq(seq) ? (seq as YAMLSeq).items.filter((i): i is YAMLMap => isMap(i)) : [];
}

interface Found {
  file: string;
  map: YAMLMap;
}

class Folder {
  readonly docs = new Map<string, Document>();
  readonly changed = new Set<string>();

  constructor(files: Map<string, string>) {
    for (const [path, text] of files) {
      const doc = parseDocument(text, { uniqueKeys: true });
      if (doc.errors.length > 0)
        throw new ReviewError(`${path}: ${doc.errors[0]?.message.split('\n')[0] ?? 'not YAML'}`);
      this.docs.set(path, doc);
    }
  }

  find(ref: EntryRef): Found {
    if (ref.kind === 'update') {
      const doc = this.docs.get(ref.file);
      const map = doc ? items(doc, 'updates')[ref.index] : undefined;
      if (!map) throw new ReviewError(`no updates entry #${ref.index} in ${ref.file}`, 404);
      return { file: ref.file, map };
    }
    for (const [file, doc] of this.docs) {
      for (const map of items(doc, ref.kind === 'node' ? 'nodes' : 'edges')) {
        const id = ref.kind === 'node' ? map.get('id') : edgeKey(map);
        if (id === ref.id) return { file, map };
      }
    }
    throw new ReviewError(
      `no ${ref.kind === 'node' ? 'node' : 'relationship'} "${ref.id}" in this folder`,
      404,
    );
  }

  set(found: Found, key: string, value: unknown): void {
    const doc = this.docs.get(found.file) as Document;
    found.map.set(key, doc.createNode(value));
    this.changed.add(found.file);
  }

  output(): Map<string, string> {
    const out = new Map<string, string>();
    for (const file of this.changed)
      out.set(file, (this.docs.get(file) as Document).toString({ lineWidth: 0 }));
    return out;
  }
}

function applyEdit(folder: Folder, found: Found, ref: EntryRef, edit: EntryEdit): void {
  const allowed =
    ref.kind === 'edge'
      ? ['type', 'from', 'to', 'props', 'prov']
      : ref.kind === 'node'
        ? ['label', 'name', 'props', 'prov']
        : ['props', 'prov'];
  for (const [key, value] of Object.entries(edit)) {
    if (value === undefined) continue;
    if (!allowed.includes(key)) throw new ReviewError(`a ${ref.kind} entry has no editable "${key}"`);
    if (key === 'props') {
      const props = value as Record<string, unknown>;
      if (ref.kind === 'update') {
        if ('value' in props) folder.set(found, 'value', props.value);
        continue;
      }
      folder.set(found, 'props', props);
    } else if (key === 'prov') {
      const p = value as ProvPatch;
      if (!p.section || !p.quote) throw new ReviewError('an edited provenance needs a section and a quote');
      // The page edits the first quote only (the one it shows); an entry backed by several keeps the others.
      const current = found.map.get('prov');
      const rest = isSeq(current)
        ? (current as YAMLSeq).items.slice(1).map((i) => (isMap(i) ? i.toJSON() : i))
        : [];
      const first = { section: p.section, quote: p.quote };
      folder.set(found, 'prov', rest.length > 0 ? [first, ...rest] : first);
    } else folder.set(found, key, value);
  }
}

/** Applies one decision; returns the new text of every file it changed (paths as given). */
export function applyDecision(files: Map<string, string>, decision: Decision): Map<string, string> {
  const folder = new Folder(files);
  switch (decision.kind) {
    case 'accept':
    case 'reject': {
      const found = folder.find(decision.entry);
      folder.set(found, 'review', decision.kind === 'accept' ? 'accepted' : 'rejected');
      break;
    }
    case 'edit': {
      const found = folder.find(decision.entry);
      applyEdit(folder, found, decision.entry, decision.edit);
      folder.set(found, 'review', 'accepted');
      break;
    }
    case 'merge': {
      if (decision.node === decision.into) throw new ReviewError('a node cannot be merged into itself');
      const found = folder.find({ kind: 'node', id: decision.node });
      folder.set(found, 'review', 'merged');
      folder.set(found, 'mergedInto', decision.into);
      // Every relationship drafted on the merged node now names the existing one.
      for (const [file, doc] of folder.docs) {
        for (const map of items(doc, 'edges')) {
          for (const end of ['from', 'to'] as const) {
            if (map.get(end) === decision.node) folder.set({ file, map }, end, decision.into);
          }
        }
        for (const map of items(doc, 'updates')) {
          if (map.get('node') === decision.node) folder.set({ file, map }, 'node', decision.into);
        }
      }
      break;
    }
    case 'resolve': {
      const found = folder.find(decision.entry);
      folder.set(found, 'review', decision.keep === 'later' ? 'accepted' : 'rejected');
      break;
    }
  }
  return folder.output();
}

/** Applies decisions in order (bulk accept): each sees the previous ones' result. */
export function applyDecisions(files: Map<string, string>, decisions: Decision[]): Map<string, string> {
  const current = new Map(files);
  const changed = new Map<string, string>();
  for (const d of decisions) {
    for (const [path, text] of applyDecision(current, d)) {
      current.set(path, text);
      changed.set(path, text);
    }
  }
  return changed;
}
