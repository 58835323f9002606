// Turns YAML data files into records that remember their file and line; reports what cannot be read.
import {
  type Document,
  isMap,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type YAMLMap,
  type Node as YamlNode,
} from 'yaml';
import type { z } from 'zod';
import { clip } from './clip.js';
import { edgeEntrySchema, fileSchema, nodeEntrySchema, updateEntrySchema } from './schema.js';
import type {
  DraftFields,
  EdgeRecord,
  NodeRecord,
  Origin,
  PropertyUpdate,
  Provenance,
  ValidationIssue,
} from './types.js';

/** More aliases than hand-written data ever needs, far fewer than a "billion laughs" file expands to. */
export const MAX_ALIAS_COUNT = 100;

export interface DataFile {
  /** Path shown in messages, relative to the repository (e.g. graph/base/economies.yaml). */
  path: string;
  text: string;
}

export interface ParsedFiles {
  nodes: NodeRecord[];
  edges: EdgeRecord[];
  updates: PropertyUpdate[];
  issues: ValidationIssue[];
  /**
   * Ids of node entries that could not be read (bad shape): references to them are not checked one by one
   * but counted, so one broken Source does not bury every other problem under its quotes.
   */
  invalid: Map<string, Origin>;
}

export function edgeId(from: string, type: string, to: string, key?: string): string {
  return key ? `${from}|${type}|${to}|${key}` : `${from}|${type}|${to}`;
}

export function parseDataFiles(files: DataFile[]): ParsedFiles {
  const out: ParsedFiles = { nodes: [], edges: [], updates: [], issues: [], invalid: new Map() };
  for (const file of files) {
    // Whatever one file holds, the others are still read and every problem found is reported.
    const mark = { nodes: out.nodes.length, edges: out.edges.length, updates: out.updates.length };
    try {
      parseOne(file, out);
    } catch (error) {
      out.nodes.length = mark.nodes;
      out.edges.length = mark.edges;
      out.updates.length = mark.updates;
      const message = error instanceof Error ? error.message : String(error);
      out.issues.push({
        file: file.path,
        line: 1,
        kind: 'yaml',
        message: `cannot be read: ${clip(message)}`,
      });
    }
  }
  return out;
}

/** Line of the first alias (`*name`) in the document: where an alias bomb is set off. */
function firstAliasLine(doc: Document, lines: LineCounter): number {
  let line = 1;
  visit(doc, {
    Alias(_key, node) {
      if (node.range) line = lines.linePos(node.range[0]).line;
      return visit.BREAK;
    },
  });
  return line;
}

function parseOne(file: DataFile, out: ParsedFiles): void {
  const lines = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const lineAt = (n: YamlNode | null | undefined): number => (n?.range ? lines.linePos(n.range[0]).line : 1);
  const issue = (line: number, kind: ValidationIssue['kind'], message: string, entity?: string) =>
    out.issues.push({ file: file.path, line, kind, message, ...(entity ? { entity: clip(entity) } : {}) });

  if (doc.errors.length > 0) {
    for (const e of doc.errors)
      issue(lines.linePos(e.pos[0]).line, 'yaml', clip(e.message.split('\n')[0] ?? e.message));
    return;
  }
  if (doc.contents === null) return; // an empty file is allowed
  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    issue(
      firstAliasLine(doc, lines),
      'yaml',
      /alias/i.test(message)
        ? `YAML aliases expand to too much data (${clip(message, 80)}); write the values out instead`
        : `cannot be read: ${clip(message)}`,
    );
    return;
  }
  const top = fileSchema.safeParse(js);
  if (!top.success) {
    for (const zi of top.error.issues) {
      issue(lineAt(doc.getIn(zi.path, true) as YamlNode), 'shape', describe(zi, 'file'));
    }
    return;
  }
  const defaultSource = top.data.source;

  /** Each entry of one top-level list that has the right shape, with its origin; the others are reported. */
  function eachEntry<T>(
    key: 'nodes' | 'edges' | 'updates',
    schema: z.ZodType<T>,
    what: string,
    use: (entry: T, origin: Origin) => void,
  ): void {
    const s = doc.get(key, true);
    for (const item of isSeq(s) ? s.items : []) {
      const origin = { file: file.path, line: lineAt(item as YamlNode) };
      const parsed = schema.safeParse(isMap(item) ? (item as YAMLMap).toJSON() : item);
      if (parsed.success) {
        use(parsed.data, origin);
        continue;
      }
      for (const zi of parsed.error.issues) reportShape(zi, item, what);
      const id = key === 'nodes' && isMap(item) ? (item as YAMLMap).get('id') : undefined;
      if (typeof id === 'string' && !out.invalid.has(id)) out.invalid.set(id, origin);
    }
  }

  eachEntry('nodes', nodeEntrySchema, 'node', (n, origin) => {
    out.nodes.push({
      id: n.id,
      label: n.label,
      name: n.name,
      ...(n.nameZh ? { nameZh: n.nameZh } : {}),
      aliases: n.aliases,
      props: n.props,
      ...(n.note ? { note: n.note } : {}),
      prov: withSource(n.prov, defaultSource),
      origin,
      ...draftFieldsOf(n),
      ...(n.candidates ? { candidates: n.candidates } : {}),
      ...(n.mergedInto ? { mergedInto: n.mergedInto } : {}),
    });
  });

  eachEntry('edges', edgeEntrySchema, 'relationship', (e, origin) => {
    out.edges.push({
      id: edgeId(e.from, e.type, e.to, e.key),
      type: e.type,
      from: e.from,
      to: e.to,
      ...(e.key ? { key: e.key } : {}),
      props: e.props,
      ...(e.note ? { note: e.note } : {}),
      prov: withSource(e.prov, defaultSource),
      origin,
      ...draftFieldsOf(e),
    });
  });

  eachEntry('updates', updateEntrySchema, 'update', (u, origin) => {
    out.updates.push({
      node: u.node,
      prop: u.prop,
      value: u.value,
      asOf: u.asOf,
      ...(u.note ? { note: u.note } : {}),
      prov: withSource(u.prov, defaultSource),
      origin,
      ...draftFieldsOf(u),
    });
  });

  function reportShape(zi: z.core.$ZodIssue, item: unknown, what: string): void {
    const map = isMap(item) ? (item as YAMLMap) : undefined;
    const at = map ? (map.getIn(zi.path, true) as YamlNode | undefined) : undefined;
    const entity = map ? entityOf(map) : undefined;
    const kind: ValidationIssue['kind'] =
      zi.code === 'invalid_value' && zi.path[0] === 'label' ? 'bad-enum' : 'shape';
    issue(lineAt(at ?? (item as YamlNode)), kind, describe(zi, what), entity);
  }
}

function draftFieldsOf(entry: DraftFields): DraftFields {
  return {
    ...(entry.review ? { review: entry.review } : {}),
    ...(entry.confidence !== undefined ? { confidence: entry.confidence } : {}),
    ...(entry.rule ? { rule: entry.rule } : {}),
  };
}

/** The entity an entry names, for messages: `node#prop` for an update. */
export function updateId(u: { node: string; prop: string; asOf: string }): string {
  return `${u.node}#${u.prop}@${u.asOf}`;
}

function entityOf(map: YAMLMap): string | undefined {
  const id = map.get('id');
  if (typeof id === 'string') return id;
  const node = map.get('node');
  const prop = map.get('prop');
  if (typeof node === 'string' && typeof prop === 'string') return `${node}#${prop}`;
  const from = map.get('from');
  const type = map.get('type');
  const to = map.get('to');
  if (typeof from === 'string' && typeof type === 'string' && typeof to === 'string') {
    const key = map.get('key');
    return edgeId(from, type, to, typeof key === 'string' ? key : undefined);
  }
  return undefined;
}

function describe(zi: z.core.$ZodIssue, what: string): string {
  const where = zi.path.length > 0 ? `${what} field "${zi.path.join('.')}"` : what;
  if (zi.code === 'unrecognized_keys')
    return `${where}: unknown key(s) ${zi.keys.map((k) => `"${clip(k, 60)}"`).join(', ')}`;
  if (zi.code === 'invalid_type' && zi.input === undefined) return `${where} is missing`;
  return `${where}: ${clip(zi.message)}`;
}

function withSource(
  prov: { source?: string | undefined; section: string; quote: string }[],
  fallback: string | undefined,
): Provenance[] {
  return prov.map((p) => ({ source: p.source ?? fallback ?? '', section: p.section, quote: p.quote }));
}
