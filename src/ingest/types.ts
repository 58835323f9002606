// The contract between the stages of report ingestion (read → structure → extract → write) and its users
// (the CLI, the review server, eval:ingest): types and the one error class. Every stage imports from here, never from each other's
// internals. Layer: src/ingest sits between src/model (which it reads as the gazetteer and validates with) and
// src/server; it never imports src/neo4j, src/server or src/app.

/** Text read from a report file, before any structure is recovered. */
export interface ExtractedText {
  /** The text as it will be stored in graph/sources/<slug>.<lang>.txt: every quote is checked against it. */
  text: string;
  format: 'pdf' | 'docx' | 'txt';
  /** The encoding the bytes were decoded from (txt/md), e.g. 'utf-8', 'utf-16le', 'big5', 'gb18030'. */
  encoding?: string;
  /** PDF only: where each page starts, as an offset into `text`; ascending, first page 1. */
  pages?: { page: number; start: number }[];
  /** Document title from the file's metadata, when it has one. */
  metaTitle?: string;
  /** The original file name (no folders). */
  fileName: string;
}

/** One node of the section tree recovered from the report's own numbering. */
export interface Section {
  /** Label in graph/'s form: `貳.三.(五).2`, `附件.DPS.7.1`, `3.1.2`, `Annex A.2`. */
  label: string;
  /** The heading text after the number, trimmed. */
  title: string;
  /** Offset into ExtractedText.text where the heading starts. */
  start: number;
  /** Offset where the section ends (the start of the next section at the same or a higher level, or the end). */
  end: number;
  depth: number;
  /** PDF page of `start`, when known. */
  page?: number;
}

export interface DraftProv {
  section: string;
  /** Verbatim from the stored source text; the shortest sentence that states the fact. */
  quote: string;
  /** Offset of the quote in the stored source text, when known. */
  start?: number;
}

export interface DraftSource {
  id: string;
  /** Path of the stored text under graph/, e.g. `sources/<slug>.zh.txt`. */
  file: string;
  /** `zh` or `en` (the stored Source node says `zh-Hant` / `en`). */
  language: 'zh' | 'en';
  title: string;
  date: string;
  publisher?: string;
  originalFile?: string;
  pages?: number;
}

export interface DraftNode {
  id: string;
  label: string;
  name: string;
  nameZh?: string;
  aliases?: string[];
  /** What this report states about the node, in the schema's property names. */
  props: Record<string, string | number | boolean | string[] | number[]>;
  prov: DraftProv[];
  /** `existing`: the node is already in graph/ under this id; `new`: drafted by this ingest. */
  status: 'existing' | 'new';
  confidence: number;
  rule: string;
  /** New nodes only: existing nodes it may be the same as, best first. */
  candidates?: { id: string; score: number }[];
}

export interface DraftEdge {
  type: string;
  from: string;
  to: string;
  key?: string;
  props: Record<string, string | number | boolean | string[] | number[]>;
  prov: DraftProv[];
  confidence: number;
  rule: string;
}

/** A later value this report states for a property graph/ already holds with another value. */
export interface DraftUpdate {
  node: string;
  prop: string;
  value: string | number | boolean;
  /** The value graph/ holds now, with where it comes from. */
  previous?: { value: string | number | boolean; source: string; section: string };
  asOf: string;
  prov: DraftProv[];
  confidence: number;
  rule: string;
}

/** The whole draft: what `npm run ingest -- --json` prints, and what the writer turns into graph/<slug>/. */
export interface Draft {
  source: DraftSource;
  sections: { label: string; title: string; page?: number }[];
  nodes: DraftNode[];
  edges: DraftEdge[];
  updates: DraftUpdate[];
}

/** A bad input: one line naming the file and what is wrong. The CLI prints `message` and exits non-zero. */
export class IngestError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'IngestError';
  }
}
