// Converts driver values to plain JSON and gathers the nodes and relationships seen on the way, keyed by
// the `id` property the loader writes (elementId only for entities the loader did not create). Every
// conversion draws on a byte budget: once it is spent, strings are cut and lists end early, so an answer
// never grows past the cap however large the value the database sent.

import {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
  type Node,
  type Relationship,
} from 'neo4j-driver';
import type { GraphEdge, GraphNode } from '../model/api-types.js';

export type { GraphEdge, GraphNode } from '../model/api-types.js';

/** About how many bytes of JSON the converted values may take; `cut` turns true when something was left out. */
export class ByteBudget {
  cut = false;
  constructor(public remaining: number = Number.POSITIVE_INFINITY) {}

  /** Takes `bytes` if they fit; otherwise marks the answer cut and takes nothing. */
  take(bytes: number): boolean {
    if (bytes > this.remaining) {
      this.cut = true;
      this.remaining = 0;
      return false;
    }
    this.remaining -= bytes;
    return true;
  }

  get spent(): boolean {
    return this.remaining <= 0;
  }
}

/** Bytes of a scalar in JSON, close enough for a cap (UTF-8 of a CJK character is 3, escapes are rare). */
function scalarBytes(value: string | number | boolean): number {
  return typeof value === 'string' ? value.length + 3 : 12;
}

/** What the budget lost since it stood at `before` (nothing to count for an unlimited one). */
function spentSince(before: number, budget: ByteBudget): number {
  const spent = before - budget.remaining;
  return Number.isFinite(spent) ? spent : 0;
}

/** Collects graph entities in first-seen order and maps element ids to our ids. */
export class GraphCollector {
  constructor(readonly budget: ByteBudget = new ByteBudget()) {}

  readonly nodes = new Map<string, GraphNode>();
  readonly edges = new Map<string, GraphEdge>();
  /** elementId -> our id, to name relationship ends. */
  private readonly nodeIds = new Map<string, string>();
  /** Relationships whose end nodes were not in the result, by elementId of those ends. */
  private readonly pendingEnds = new Set<string>();
  /** What each entity costs in the answer's JSON, charged again every time a row repeats it. */
  private readonly sizes = new Map<GraphNode | GraphEdge, number>();

  addNode(node: Node): GraphNode {
    const id = ourId(node.properties, node.elementId);
    this.nodeIds.set(node.elementId, id);
    this.pendingEnds.delete(node.elementId);
    let entry = this.nodes.get(id);
    if (!entry) {
      const before = this.budget.remaining;
      entry = { id, labels: [...node.labels], properties: plainProperties(node.properties, this) };
      this.nodes.set(id, entry);
      this.sizes.set(entry, spentSince(before, this.budget) + id.length + 40);
    }
    // Once in the answer's graph listing, and once more for every row that holds it.
    this.chargeAgain(entry);
    return entry;
  }

  /** A row holds the whole entity each time it appears (a path repeats its nodes), so each use is paid for. */
  private chargeAgain(entry: GraphNode | GraphEdge): void {
    this.budget.take(this.sizes.get(entry) ?? 0);
  }

  addRelationship(rel: Relationship): GraphEdge {
    const id = ourId(rel.properties, rel.elementId);
    let entry = this.edges.get(id);
    if (!entry) {
      const before = this.budget.remaining;
      entry = {
        id,
        type: rel.type,
        source: rel.startNodeElementId,
        target: rel.endNodeElementId,
        properties: plainProperties(rel.properties, this),
      };
      this.edges.set(id, entry);
      this.sizes.set(entry, spentSince(before, this.budget) + id.length + rel.type.length + 60);
      for (const end of [rel.startNodeElementId, rel.endNodeElementId]) {
        if (!this.nodeIds.has(end)) this.pendingEnds.add(end);
      }
    }
    this.chargeAgain(entry);
    return entry;
  }

  /** Element ids of relationship ends that no returned node covered. */
  missingEndElementIds(): string[] {
    return [...this.pendingEnds];
  }

  /** Rewrites relationship ends from element ids to our ids once all nodes are known. */
  finish(): { nodes: GraphNode[]; edges: GraphEdge[] } {
    for (const edge of this.edges.values()) {
      edge.source = this.nodeIds.get(edge.source) ?? edge.source;
      edge.target = this.nodeIds.get(edge.target) ?? edge.target;
    }
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}

/** ISO 8601 like Cypher prints it (P1Y2M3DT4H5M6.5S, PT0S); the driver's own toString leaves a bare "T". */
function isoDuration(d: { months: unknown; days: unknown; seconds: unknown; nanoseconds: unknown }): string {
  const num = (v: unknown) => (isInt(v) ? v.toNumber() : Number(v));
  const months = num(d.months);
  const days = num(d.days);
  let seconds = num(d.seconds);
  const nanos = num(d.nanoseconds);
  const sign = seconds < 0 && nanos > 0 ? -1 : 1;
  const hours = Math.trunc(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.trunc(seconds / 60);
  seconds -= minutes * 60;
  const fraction =
    nanos === 0
      ? ''
      : `.${String(sign < 0 ? 1e9 - nanos : nanos)
          .padStart(9, '0')
          .replace(/0+$/, '')}`;
  const wholeSeconds = sign < 0 ? seconds + 1 : seconds;
  let date = '';
  if (Math.trunc(months / 12) !== 0) date += `${Math.trunc(months / 12)}Y`;
  if (months % 12 !== 0) date += `${months % 12}M`;
  if (days !== 0) date += `${days}D`;
  let time = '';
  if (hours !== 0) time += `${hours}H`;
  if (minutes !== 0) time += `${minutes}M`;
  if (wholeSeconds !== 0 || fraction !== '')
    time += `${wholeSeconds === 0 && sign < 0 ? '-0' : wholeSeconds}${fraction}S`;
  if (date === '' && time === '') return 'PT0S';
  return `P${date}${time ? `T${time}` : ''}`;
}

function ourId(properties: Record<string, unknown>, elementId: string): string {
  const id = properties.id;
  return typeof id === 'string' && id !== '' ? id : elementId;
}

function plainProperties(
  properties: Record<string, unknown>,
  graph: GraphCollector,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    graph.budget.take(key.length + 4);
    out[key] = toPlain(value, graph);
  }
  return out;
}

/** A JSON-safe copy of a driver value; graph entities become GraphNode / GraphEdge objects. */
export function toPlain(value: unknown, graph: GraphCollector): unknown {
  const budget = graph.budget;
  if (value === null || value === undefined) {
    budget.take(5);
    return null;
  }
  if (typeof value === 'bigint') {
    budget.take(12);
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  }
  if (typeof value === 'string') {
    if (budget.take(scalarBytes(value))) return value;
    // What is left of the budget, spent on the start of the string.
    const room = Math.max(0, budget.remaining);
    budget.take(Number.POSITIVE_INFINITY);
    return value.slice(0, room);
  }
  if (typeof value !== 'object') {
    budget.take(scalarBytes(value as number | boolean));
    return value;
  }
  // Everything below is a small value or a container that charges its parts.
  if (!(Array.isArray(value) || isNode(value) || isRelationship(value) || isPath(value))) budget.take(12);
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isLocalTime(value) || isTime(value)) {
    return value.toString();
  }
  if (isDuration(value)) return isoDuration(value);
  if (isPoint(value)) {
    const point: Record<string, unknown> = { srid: toPlain(value.srid, graph), x: value.x, y: value.y };
    if (value.z !== undefined) point.z = value.z;
    return point;
  }
  if (isNode(value)) return graph.addNode(value);
  if (isRelationship(value)) return graph.addRelationship(value);
  if (isPath(value)) {
    const nodes = [graph.addNode(value.start)];
    const edges: GraphEdge[] = [];
    for (const segment of value.segments) {
      edges.push(graph.addRelationship(segment.relationship));
      nodes.push(graph.addNode(segment.end));
    }
    return { nodes, edges };
  }
  if (ArrayBuffer.isView(value)) return toPlain(Array.from(value as unknown as ArrayLike<number>), graph);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const v of value) {
      if (budget.spent) {
        budget.cut = true;
        break;
      }
      out.push(toPlain(v, graph));
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!budget.take(key.length + 4)) break;
    out[key] = toPlain(v, graph);
  }
  return out;
}
