// Collects what the rules draft and enforces the grounding rule: every node and edge carries a verbatim quote
// from the stored text, and an edge whose quote names neither end (by any of its names) is refused.
import type { KnowledgeBase, NodeRecord } from '../model/types.js';
import { mergeCandidates } from './entities/candidates.js';
import type { Gazetteer } from './entities/gazetteer.js';
import { cleanQuote, foldString } from './text/fold.js';
import type { DraftEdge, DraftNode, DraftProv, DraftUpdate } from './types.js';

type Props = DraftNode['props'];

export interface NewNodeSpec {
  /** Identity within this draft: two specs with the same key are the same node. */
  key: string;
  label: string;
  name: string;
  nameZh?: string;
  aliases?: string[];
  props?: Props;
  prov: DraftProv;
  rule: string;
  confidence: number;
  /** Extra strings that name the node in a quote (project number, forum + ordinal). */
  anchors?: string[];
}

export interface EdgeSpec {
  type: string;
  from: string;
  to: string;
  key?: string;
  props?: Props;
  prov: DraftProv;
  rule: string;
  confidence: number;
}

const PREFIX: Record<string, string> = {
  Meeting: 'mtg',
  Project: 'proj',
  Session: 'ses',
  Person: 'person',
  Organization: 'org',
  Forum: 'grp',
  Document: 'doc',
};

function asciiSlug(s: string): string {
  return s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, 7)
    .join('-');
}

function hash(s: string): string {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0;
  return h.toString(36).slice(0, 6);
}

export class DraftBuilder {
  private readonly nodes = new Map<string, DraftNode>();
  private readonly newByKey = new Map<string, string>();
  private readonly anchors = new Map<string, Set<string>>();
  private readonly edges = new Map<string, DraftEdge>();
  private readonly updates = new Map<string, DraftUpdate>();
  private readonly kbNodes: Map<string, NodeRecord>;
  private readonly squashedText: string;
  /** Edges refused by the grounding rule, for diagnostics. */
  readonly refused: EdgeSpec[] = [];

  constructor(
    readonly text: string,
    readonly kb: KnowledgeBase,
    readonly gaz: Gazetteer,
    readonly slug: string,
    public asOf: string,
  ) {
    this.kbNodes = new Map(kb.nodes.map((n) => [n.id, n]));
    this.squashedText = text.replace(/\s+/gu, '');
  }

  /** A prov entry for text[start, end): the quote is the text itself with its line wraps undone. */
  prov(section: string, start: number, end: number): DraftProv {
    return { section, quote: cleanQuote(this.text.slice(start, end)), start };
  }

  private checkQuote(p: DraftProv): boolean {
    return p.quote.length > 0 && this.squashedText.includes(p.quote.replace(/\s+/gu, ''));
  }

  private addProv(list: DraftProv[], p: DraftProv): void {
    if (list.length >= 4) return;
    if (!list.some((q) => q.section === p.section && q.quote === p.quote)) list.push(p);
  }

  existing(id: string): NodeRecord | undefined {
    return this.kbNodes.get(id);
  }

  node(id: string): DraftNode | undefined {
    return this.nodes.get(id);
  }

  /** Records that the report mentions an existing node; returns its id. */
  mentionExisting(id: string, prov: DraftProv, rule: string, confidence = 0.95): string | undefined {
    const n = this.kbNodes.get(id);
    if (!n || !this.checkQuote(prov)) return undefined;
    let d = this.nodes.get(id);
    if (!d) {
      d = { id, label: n.label, name: n.name, props: {}, prov: [], status: 'existing', confidence, rule };
      if (n.nameZh) d.nameZh = n.nameZh;
      this.nodes.set(id, d);
    }
    this.addProv(d.prov, prov);
    return id;
  }

  findNew(label: string, key: string): string | undefined {
    return this.newByKey.get(`${label}:${key}`);
  }

  addNew(spec: NewNodeSpec): string | undefined {
    if (!this.checkQuote(spec.prov)) return undefined;
    const mapKey = `${spec.label}:${spec.key}`;
    const known = this.newByKey.get(mapKey);
    if (known) {
      const d = this.nodes.get(known);
      if (d) {
        this.addProv(d.prov, spec.prov);
        for (const [k, v] of Object.entries(spec.props ?? {})) if (!(k in d.props)) d.props[k] = v;
        if (!d.nameZh && spec.nameZh) d.nameZh = spec.nameZh;
        d.confidence = Math.max(d.confidence, spec.confidence);
        for (const a of spec.anchors ?? []) this.anchors.get(known)?.add(foldString(a));
      }
      return known;
    }
    const prefix = PREFIX[spec.label] ?? spec.label.toLowerCase();
    const lettered = (x: string) => (/[a-z]{3,}/.test(x) ? x : '');
    const slug = lettered(asciiSlug(spec.key)) || lettered(asciiSlug(spec.name));
    let id = slug ? `${prefix}-${slug}` : `${prefix}-${this.slug}-${hash(spec.key)}`;
    if (this.kbNodes.has(id) || this.nodes.has(id)) id = `${id}-${hash(spec.key)}`;
    const d: DraftNode = {
      id,
      label: spec.label,
      name: spec.name,
      props: { ...(spec.props ?? {}) },
      prov: [spec.prov],
      status: 'new',
      confidence: spec.confidence,
      rule: spec.rule,
    };
    if (spec.nameZh) d.nameZh = spec.nameZh;
    if (spec.aliases?.length) d.aliases = spec.aliases;
    const names = [spec.name, spec.nameZh, ...(spec.aliases ?? [])].filter((x): x is string => !!x);
    const candidates = mergeCandidates(this.kb, spec.label, names);
    if (candidates.length > 0) d.candidates = candidates;
    this.nodes.set(id, d);
    this.newByKey.set(mapKey, id);
    this.anchors.set(id, new Set([...names, ...(spec.anchors ?? [])].map(foldString)));
    return id;
  }

  /** Sets what the report states about a node; a value that contradicts graph/ becomes an update. */
  setProp(
    id: string,
    prop: string,
    value: string | number | boolean,
    prov: DraftProv,
    rule: string,
    confidence: number,
  ) {
    const d = this.nodes.get(id);
    if (!d) return;
    const before = this.kbNodes.get(id)?.props[prop];
    if (d.status === 'existing' && before !== undefined && before !== value) {
      const origin = this.kbNodes.get(id)?.prov[0];
      const u: DraftUpdate = { node: id, prop, value, asOf: this.asOf, prov: [prov], confidence, rule };
      if (typeof before === 'string' || typeof before === 'number' || typeof before === 'boolean')
        u.previous = { value: before, source: origin?.source ?? '', section: origin?.section ?? '' };
      this.updates.set(`${id}|${prop}`, u);
      return;
    }
    if (!(prop in d.props)) d.props[prop] = value;
  }

  /** Every folded name of a node: the gazetteer's for existing nodes, its own names for new ones. */
  namesOf(id: string): Set<string> {
    return this.anchors.get(id) ?? this.gaz.namesOf.get(id) ?? new Set();
  }

  names(id: string, quote: string): boolean {
    const q = foldString(quote);
    for (const n of this.namesOf(id)) if (n.length > 0 && q.includes(n)) return true;
    return false;
  }

  addEdge(spec: EdgeSpec): boolean {
    if (!this.nodes.has(spec.from) || !this.nodes.has(spec.to) || spec.from === spec.to) return false;
    if (
      !this.checkQuote(spec.prov) ||
      !(this.names(spec.from, spec.prov.quote) || this.names(spec.to, spec.prov.quote))
    ) {
      this.refused.push(spec);
      return false;
    }
    const k = `${spec.from}|${spec.type}|${spec.to}|${spec.key ?? ''}`;
    const e = this.edges.get(k);
    if (e) {
      this.addProv(e.prov, spec.prov);
      for (const [p, v] of Object.entries(spec.props ?? {})) if (!(p in e.props)) e.props[p] = v;
      e.confidence = Math.max(e.confidence, spec.confidence);
      return true;
    }
    const edge: DraftEdge = {
      type: spec.type,
      from: spec.from,
      to: spec.to,
      props: { ...(spec.props ?? {}) },
      prov: [spec.prov],
      confidence: spec.confidence,
      rule: spec.rule,
    };
    if (spec.key) edge.key = spec.key;
    this.edges.set(k, edge);
    return true;
  }

  hasEdge(from: string, type: string, to: string): boolean {
    for (const e of this.edges.values()) if (e.from === from && e.type === type && e.to === to) return true;
    return false;
  }

  result(): { nodes: DraftNode[]; edges: DraftEdge[]; updates: DraftUpdate[] } {
    return {
      nodes: [...this.nodes.values()],
      edges: [...this.edges.values()],
      updates: [...this.updates.values()],
    };
  }
}
