// The HTTP contract between src/server and src/app: one declaration of every body that crosses the wire, so
// the two sides cannot drift. Types only; nothing here runs.
import type { Bilingual } from './coverage.js';

export type { Bilingual } from './coverage.js';

/** Where the database behind the Cypher console stands; `starting` and `restarting` end by themselves. */
export type DatabaseStatus = 'connected' | 'starting' | 'restarting' | 'unreachable' | 'not-configured';

export interface Neo4jHealth {
  configured: boolean;
  connected: boolean;
  status: DatabaseStatus;
  version?: string;
  message: string;
}

/** GET /api/health: never the database address or credentials. */
export interface HealthResponse {
  neo4j: Neo4jHealth;
  graph: { nodes: number; edges: number };
}

export type SavedQueryParamValue = string | number | boolean | string[];

export interface SavedQueryParam {
  name: string;
  default: SavedQueryParamValue;
  description: Bilingual;
}

export type SavedQueryCategory = 'coverage' | 'projects' | 'people' | 'paths';

/** One entry of GET /api/queries. */
export interface SavedQuery {
  id: string;
  category: SavedQueryCategory;
  title: Bilingual;
  description: Bilingual;
  cypher: string;
  params: SavedQueryParam[];
}

/** A node of a query answer, by the `id` it has in graph/ (elementId for anything else). */
export interface GraphNode {
  id: string;
  labels: string[];
  properties: Record<string, unknown>;
}

export interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

/** Why an answer is incomplete: more rows than the row cap, or more bytes than the size cap. */
export type TruncationReason = 'rows' | 'bytes';

/** POST /api/query. */
export interface QueryResult {
  columns: string[];
  rows: unknown[][];
  graph: { nodes: GraphNode[]; edges: GraphEdge[] };
  truncated: boolean;
  /** Present when truncated: what was cut, and the cap it hit. */
  truncation?: { reason: TruncationReason; limit: number };
  timeMs: number;
}

/** Every error answer of the API. */
export interface ApiErrorBody {
  error: { code: string; message: string; position?: { line: number; column: number; offset: number } };
}

// The review API (`npm run review`): a drafted folder's queue and the decisions the page sends back.

export type EntryRef =
  | { kind: 'node'; id: string }
  | { kind: 'edge'; id: string }
  | { kind: 'update'; file: string; index: number };

export interface ProvPatch {
  section: string;
  quote: string;
}

export interface EntryEdit {
  type?: string;
  from?: string;
  to?: string;
  label?: string;
  name?: string;
  props?: Record<string, string | number | boolean>;
  prov?: ProvPatch;
}

export type Decision =
  | { kind: 'accept'; entry: EntryRef }
  | { kind: 'reject'; entry: EntryRef }
  | { kind: 'edit'; entry: EntryRef; edit: EntryEdit }
  | { kind: 'merge'; node: string; into: string }
  /** keep: 'later' accepts the report's value as the newer one; 'earlier' records it but keeps graph/'s. */
  | { kind: 'resolve'; entry: Extract<EntryRef, { kind: 'update' }>; keep: 'later' | 'earlier' };

/** One entry of a drafted folder's review queue. */
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
