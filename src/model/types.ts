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

export interface NodeRecord {
  id: string;
  label: NodeLabel;
  name: string;
  nameZh?: string;
  aliases: string[];
  props: Props;
  note?: string;
  prov: Provenance[];
  origin: Origin;
}

export interface EdgeRecord {
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

export interface KnowledgeBase {
  nodes: NodeRecord[];
  edges: EdgeRecord[];
  /** Source node id -> full text of that source, for quote checks. */
  sourceTexts: Map<string, string>;
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
    | 'source-file';
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
  x?: number;
  y?: number;
  size?: number;
  degree?: number;
  betweenness?: number;
  community?: number;
}

/** Edge attributes. Not `type`: sigma reserves that for its edge programs. */
export interface EdgeAttributes {
  relType: string;
  props: Props;
  note?: string;
  prov: Provenance[];
}
