// Turns YAML data files into records that remember their file and line; reports what cannot be read.
import { isMap, isSeq, LineCounter, parseDocument, type YAMLMap, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { edgeEntrySchema, fileSchema, nodeEntrySchema } from './schema.js';
import type { EdgeRecord, NodeRecord, Provenance, ValidationIssue } from './types.js';

export interface DataFile {
  /** Path shown in messages, relative to the repository (e.g. graph/base/economies.yaml). */
  path: string;
  text: string;
}

export interface ParsedFiles {
  nodes: NodeRecord[];
  edges: EdgeRecord[];
  issues: ValidationIssue[];
}

export function edgeId(from: string, type: string, to: string, key?: string): string {
  return key ? `${from}|${type}|${to}|${key}` : `${from}|${type}|${to}`;
}

export function parseDataFiles(files: DataFile[]): ParsedFiles {
  const out: ParsedFiles = { nodes: [], edges: [], issues: [] };
  for (const file of files) parseOne(file, out);
  return out;
}

function parseOne(file: DataFile, out: ParsedFiles): void {
  const lines = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const lineAt = (n: YamlNode | null | undefined): number => (n?.range ? lines.linePos(n.range[0]).line : 1);
  const issue = (line: number, kind: ValidationIssue['kind'], message: string, entity?: string) =>
    out.issues.push({ file: file.path, line, kind, message, ...(entity ? { entity } : {}) });

  if (doc.errors.length > 0) {
    for (const e of doc.errors)
      issue(lines.linePos(e.pos[0]).line, 'yaml', e.message.split('\n')[0] ?? e.message);
    return;
  }
  if (doc.contents === null) return; // an empty file is allowed
  const top = fileSchema.safeParse(doc.toJS());
  if (!top.success) {
    for (const zi of top.error.issues) {
      issue(lineAt(doc.getIn(zi.path, true) as YamlNode), 'shape', describe(zi, 'file'));
    }
    return;
  }
  const defaultSource = top.data.source;

  const seq = (key: string) => {
    const s = doc.get(key, true);
    return isSeq(s) ? s.items : [];
  };

  for (const item of seq('nodes')) {
    const line = lineAt(item as YamlNode);
    const raw = isMap(item) ? (item as YAMLMap).toJSON() : item;
    const parsed = nodeEntrySchema.safeParse(raw);
    if (!parsed.success) {
      for (const zi of parsed.error.issues) reportShape(zi, item, 'node');
      continue;
    }
    const n = parsed.data;
    out.nodes.push({
      id: n.id,
      label: n.label,
      name: n.name,
      ...(n.nameZh ? { nameZh: n.nameZh } : {}),
      aliases: n.aliases,
      props: n.props,
      ...(n.note ? { note: n.note } : {}),
      prov: withSource(n.prov, defaultSource),
      origin: { file: file.path, line },
    });
  }

  for (const item of seq('edges')) {
    const line = lineAt(item as YamlNode);
    const raw = isMap(item) ? (item as YAMLMap).toJSON() : item;
    const parsed = edgeEntrySchema.safeParse(raw);
    if (!parsed.success) {
      for (const zi of parsed.error.issues) reportShape(zi, item, 'relationship');
      continue;
    }
    const e = parsed.data;
    out.edges.push({
      id: edgeId(e.from, e.type, e.to, e.key),
      type: e.type,
      from: e.from,
      to: e.to,
      ...(e.key ? { key: e.key } : {}),
      props: e.props,
      ...(e.note ? { note: e.note } : {}),
      prov: withSource(e.prov, defaultSource),
      origin: { file: file.path, line },
    });
  }

  function reportShape(zi: z.core.$ZodIssue, item: unknown, what: string): void {
    const map = isMap(item) ? (item as YAMLMap) : undefined;
    const at = map ? (map.getIn(zi.path, true) as YamlNode | undefined) : undefined;
    const entity = map ? entityOf(map) : undefined;
    const kind: ValidationIssue['kind'] =
      zi.code === 'invalid_value' && zi.path[0] === 'label' ? 'bad-enum' : 'shape';
    issue(lineAt(at ?? (item as YamlNode)), kind, describe(zi, what), entity);
  }
}

function entityOf(map: YAMLMap): string | undefined {
  const id = map.get('id');
  if (typeof id === 'string') return id;
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
    return `${where}: unknown key(s) ${zi.keys.map((k) => `"${k}"`).join(', ')}`;
  if (zi.code === 'invalid_type' && zi.input === undefined) return `${where} is missing`;
  return `${where}: ${zi.message}`;
}

function withSource(
  prov: { source?: string | undefined; section: string; quote: string }[],
  fallback: string | undefined,
): Provenance[] {
  return prov.map((p) => ({ source: p.source ?? fallback ?? '', section: p.section, quote: p.quote }));
}
