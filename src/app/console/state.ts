// The console's state, without the DOM: its URL slices, the outcome of the last run, and the pure decisions
// the views make from them (which parameters are sent, how saved queries group, what a result highlights).
import type { QueryResult, SavedQuery } from '../api.js';
import { defineSlice, flagSlice, jsonObjectSlice, stringSlice } from '../url-slices.js';
import type { ConsoleError } from './errors.js';

export const DEFAULT_CYPHER = 'MATCH (e:Economy)-[a:ATTENDED]->(m:Meeting)\nRETURN e, a, m';

/** Open saved query id. */
export const QUERY_SLICE = defineSlice(stringSlice('q'));
/** The editor's text when it differs from the open saved query's. */
export const CYPHER_SLICE = defineSlice(stringSlice('cypher'));
/** Parameter values typed by the analyst. */
export const PARAMS_SLICE = defineSlice(jsonObjectSlice('params'));
/** Show only the result on the graph (everything else hidden rather than dimmed). */
export const ONLY_SLICE = defineSlice(flagSlice('cqOnly'));

export type Outcome =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'result'; result: QueryResult; notOnGraph: number }
  | { kind: 'error'; error: ConsoleError };

/** The values sent: for each `$name` in the query, what was typed, else the saved query's default. */
export function sentParams(
  names: string[],
  typed: Record<string, unknown>,
  saved: SavedQuery | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const def = saved?.params.find((p) => p.name === name)?.default;
    const v = name in typed ? typed[name] : def;
    if (v !== undefined) out[name] = v;
  }
  return out;
}

export function defaultParams(q: SavedQuery): Record<string, unknown> {
  return Object.fromEntries(q.params.map((p) => [p.name, p.default]));
}

/** Saved queries by category, in the order the server lists them. */
export function groupSaved(saved: SavedQuery[]): [string, SavedQuery[]][] {
  const groups = new Map<string, SavedQuery[]>();
  for (const q of saved) {
    const cat = q.category || 'other';
    groups.set(cat, [...(groups.get(cat) ?? []), q]);
  }
  return [...groups];
}

/** The i18n key (and values) of an error's one-line headline. */
export function errorHeadline(e: ConsoleError): { key: string; vars?: Record<string, number> } {
  switch (e.kind) {
    case 'syntax':
      return e.position
        ? { key: 'console.syntax', vars: { line: e.position.line, column: e.position.column } }
        : { key: 'console.error' };
    case 'refused':
      return { key: 'console.refused' };
    case 'unavailable':
      return { key: 'console.unavailable' };
    case 'timeout':
      return { key: 'console.timeout' };
    case 'too-large':
      return { key: 'console.tooLarge' };
    default:
      return { key: 'console.error' };
  }
}

export interface GraphPresence {
  hasNode(id: string): boolean;
  hasEdge(id: string): boolean;
  extremities(edge: string): [string, string];
}

/** What a result lights up on the explorer's graph: its nodes and edges that exist there, and edges' ends. */
export function resultHighlight(
  result: QueryResult,
  g: GraphPresence,
): { nodes: string[]; edges: string[] } | null {
  const nodes = new Set(result.graph.nodes.map((n) => n.id).filter((id) => g.hasNode(id)));
  const edges = result.graph.edges.map((e) => e.id).filter((id) => g.hasEdge(id));
  for (const e of edges) for (const end of g.extremities(e)) nodes.add(end);
  return nodes.size === 0 ? null : { nodes: [...nodes], edges };
}

/**
 * Whether a parameter names a node, so it gets a node picker instead of a text box: its default or its
 * current value is the id of a node of the graph, or its name says so (`from`, `economy`, `meeting`…).
 */
export function isNodeParam(
  name: string,
  value: unknown,
  def: unknown,
  hasNode: (id: string) => boolean,
): boolean {
  if (typeof value === 'string' && hasNode(value)) return true;
  if (typeof def === 'string' && hasNode(def)) return true;
  return /^(from|to|node|economy|meeting|forum|framework|project|person|id)$/i.test(name);
}
