// The in-memory shape of the knowledge base, shared by every layer above src/model.

export const NODE_LABELS = [
  'Economy',
  'Forum',
  'Framework',
  'FocusArea',
  'Meeting',
  'Session',
  'Project',
  'Person',
  'Organization',
  'Topic',
  'Initiative',
  'Document',
  'Source',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const PROJECT_STATUSES = ['completed', 'ongoing', 'proposed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const ATTENDANCE_MODES = ['in-person', 'virtual'] as const;
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];

/** Review state of a drafted entry; an entry without one was written or reviewed by hand (accepted). */
export const REVIEW_STATES = ['pending', 'accepted', 'rejected', 'merged'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** What ingestion adds to a drafted entry (graph/FORMAT.md, "Drafted entries and review"). */
export interface DraftFields {
  review?: ReviewState;
  /** 0..1, how sure the extraction rule was. */
  confidence?: number;
  /** The extraction rule that drafted the entry. */
  rule?: string;
}

export type Scalar = string | number | boolean;
export type PropValue = Scalar | string[] | number[];
export type Props = Record<string, PropValue>;

/** Where a fact comes from: a Source node, a section of it, and words copied verbatim from it. */
export interface Provenance {
  source: string;
  section: string;
  quote: string;
}

/** Position of an entry in a data file, so every error can point at it. */
export interface Origin {
  file: string;
  line: number;
}

export interface NodeRecord extends DraftFields {
  id: string;
  label: NodeLabel;
  name: string;
  nameZh?: string;
  aliases: string[];
  props: Props;
  note?: string;
  prov: Provenance[];
  origin: Origin;
  /** Drafted new nodes: existing nodes it may be the same as, best first. */
  candidates?: { id: string; score: number }[];
  /** `review: merged` only: the existing node this one turned out to be. */
  mergedInto?: string;
}

export interface EdgeRecord extends DraftFields {
  /** Stable identity: `${from}|${type}|${to}` plus `|${key}` when the entry sets one. */
  id: string;
  type: string;
  from: string;
  to: string;
  key?: string;
  props: Props;
  note?: string;
  prov: Provenance[];
  origin: Origin;
}

/** A later value of an existing node's property, stated by a later source (`updates:` in a data file). */
export interface PropertyUpdate extends DraftFields {
  node: string;
  prop: string;
  value: Scalar;
  /** The date the stating source speaks for: YYYY, YYYY-MM or YYYY-MM-DD. */
  asOf: string;
  prov: Provenance[];
  note?: string;
  origin: Origin;
}

export interface KnowledgeBase {
  /** The graph: hand-written, accepted and pending entries (rejected and merged ones are in `setAside`). */
  nodes: NodeRecord[];
  edges: EdgeRecord[];
  /** Source node id -> full text of that source, for quote checks. */
  sourceTexts: Map<string, string>;
  /** Later values of properties; rejected ones are in `setAside`. */
  updates?: PropertyUpdate[];
  /** Rejected and merged entries: kept in graph/ as a record of review decisions, never part of the graph. */
  setAside?: { nodes: NodeRecord[]; edges: EdgeRecord[]; updates: PropertyUpdate[] };
}

export interface ValidationIssue {
  file: string;
  line: number;
  /** Entity id (node id or edge id) when the issue belongs to one. */
  entity?: string;
  kind:
    | 'yaml'
    | 'shape'
    | 'duplicate-id'
    | 'unknown-reference'
    | 'bad-enum'
    | 'bad-date'
    | 'missing-provenance'
    | 'quote-not-found'
    | 'bad-endpoint'
    | 'unknown-type'
    | 'source-file'
    | 'encoding'
    | 'cascade';
  message: string;
}

/** Node attributes in the graphology graph (and in the exported JSON). */
export interface NodeAttributes {
  /** Display text for sigma: the English name. */
  label: string;
  /** The Neo4j label. Not `type`: sigma reserves that for its node programs. */
  category: NodeLabel;
  name: string;
  nameZh?: string;
  aliases: string[];
  props: Props;
  note?: string;
  prov: Provenance[];
  /** A drafted entry still awaiting review (`review: pending`). */
  draft?: boolean;
  /** Property -> its values over time, oldest first, when a later source updates it (see propertyHistory). */
  history?: Record<string, HistoryEntry[]>;
  x?: number;
  y?: number;
  size?: number;
  degree?: number;
  betweenness?: number;
  community?: number;
}

/** One value a property had, as of a date, according to one source. */
export interface HistoryEntry {
  value: Scalar;
  /** YYYY, YYYY-MM or YYYY-MM-DD; absent when the stating source has no date. */
  asOf?: string;
  source: string;
  section: string;
  /** `pending` while a drafted update awaits review; absent for reviewed values. */
  review?: 'pending';
}

/** Edge attributes. Not `type`: sigma reserves that for its edge programs. */
export interface EdgeAttributes {
  relType: string;
  props: Props;
  note?: string;
  prov: Provenance[];
  /** A drafted entry still awaiting review (`review: pending`). */
  draft?: boolean;
}
