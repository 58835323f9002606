// How a node or relationship of the knowledge base is stored in Neo4j. Neo4j properties are scalars or
// homogeneous lists only, so props are flattened and provenance becomes three parallel lists.
import neo4j, { type Integer } from 'neo4j-driver';
import {
  type EdgeRecord,
  NODE_LABELS,
  type NodeLabel,
  type NodeRecord,
  type PropValue,
} from '../model/types.js';

export type Neo4jValue = string | number | boolean | Integer | string[] | number[] | Integer[] | boolean[];
export type Neo4jProps = Record<string, Neo4jValue>;

export interface Neo4jNodeRow {
  id: string;
  label: NodeLabel;
  props: Neo4jProps;
}

export interface Neo4jRelRow {
  id: string;
  type: string;
  from: string;
  to: string;
  props: Neo4jProps;
}

/** Properties the mapping writes itself; a `props` entry with one of these names would overwrite it. */
export const RESERVED_NODE_PROPS = [
  'id',
  'name',
  'nameZh',
  'aliases',
  'note',
  'provSources',
  'provSections',
  'provQuotes',
];
export const RESERVED_REL_PROPS = ['id', 'note', 'provSources', 'provSections', 'provQuotes'];

/** Thrown for a fact that cannot be stored as it is; names the entity and its file and line. */
export class MappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingError';
  }
}

const LABEL_SET = new Set<string>(NODE_LABELS);
const REL_TYPE_PATTERN = /^[A-Z][A-Z0-9_]*$/;

export function isNodeLabel(label: string): label is NodeLabel {
  return LABEL_SET.has(label);
}

/** Labels and relationship types cannot be query parameters, so they are checked before going into Cypher. */
export function assertRelType(type: string): string {
  if (!REL_TYPE_PATTERN.test(type))
    throw new MappingError(`Relationship type "${type}" is not UPPER_SNAKE_CASE`);
  return type;
}

export function nodeToNeo4j(node: NodeRecord): Neo4jNodeRow {
  if (!isNodeLabel(node.label)) {
    throw new MappingError(`${where(node)}: node ${node.id} has unknown label "${node.label}"`);
  }
  const props: Neo4jProps = { id: node.id, name: node.name };
  if (node.nameZh !== undefined) props.nameZh = node.nameZh;
  props.aliases = [...node.aliases];
  if (node.note !== undefined) props.note = node.note;
  flattenInto(props, node.props, RESERVED_NODE_PROPS, `${where(node)}: node ${node.id}`);
  Object.assign(props, provenanceProps(node.prov));
  return { id: node.id, label: node.label, props };
}

export function edgeToNeo4j(edge: EdgeRecord): Neo4jRelRow {
  const type = assertRelType(edge.type);
  const props: Neo4jProps = { id: edge.id };
  flattenInto(props, edge.props, RESERVED_REL_PROPS, `${where(edge)}: relationship ${edge.id}`);
  if (edge.note !== undefined) props.note = edge.note;
  Object.assign(props, provenanceProps(edge.prov));
  return { id: edge.id, type, from: edge.from, to: edge.to, props };
}

/** Whole numbers go as Neo4j integers (a JS number would be stored as a float); other values unchanged. */
export function toNeo4jValue(value: PropValue, context: string): Neo4jValue {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (!Array.isArray(value)) return value;
  const list: unknown[] = value;
  if (list.length === 0) return [] as string[];
  const kinds = new Set(list.map((v) => typeof v));
  if (kinds.size > 1 || !['string', 'number', 'boolean'].includes([...kinds][0] as string)) {
    throw new MappingError(`${context}: a list property must hold values of one type (strings or numbers)`);
  }
  if (kinds.has('number')) {
    const numbers = list as number[];
    // A list must be all integers or all floats in Neo4j.
    return numbers.every(Number.isInteger) ? numbers.map((n) => neo4j.int(n)) : numbers;
  }
  return [...(list as string[])];
}

function flattenInto(
  target: Neo4jProps,
  props: Record<string, PropValue>,
  reserved: string[],
  context: string,
) {
  for (const [key, value] of Object.entries(props)) {
    if (reserved.includes(key)) {
      throw new MappingError(`${context}: props.${key} clashes with the "${key}" property the loader writes`);
    }
    if (value === null || value === undefined) continue;
    if (typeof value === 'object' && !Array.isArray(value)) {
      throw new MappingError(`${context}: props.${key} is a map; Neo4j properties cannot nest`);
    }
    target[key] = toNeo4jValue(value, `${context}: props.${key}`);
  }
}

function provenanceProps(prov: { source: string; section: string; quote: string }[]): Neo4jProps {
  return {
    provSources: prov.map((p) => p.source),
    provSections: prov.map((p) => p.section),
    provQuotes: prov.map((p) => p.quote),
  };
}

function where(record: NodeRecord | EdgeRecord): string {
  return `${record.origin.file}:${record.origin.line}`;
}
