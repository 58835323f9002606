// What `npm run ingest -- --json` prints: the draft in the shape issue 14 fixes (source, sections, nodes, edges,
// updates). Prov entries carry section and quote only; offsets are an internal aid.
import type { Draft, DraftProv } from './types.js';

const prov = (ps: DraftProv[]) => ps.map((p) => ({ section: p.section, quote: p.quote }));

export function draftToJson(draft: Draft): string {
  const out = {
    source: {
      id: draft.source.id,
      file: draft.source.file,
      language: draft.source.language,
      title: draft.source.title,
      date: draft.source.date,
    },
    sections: draft.sections.map((s) =>
      s.page === undefined ? { label: s.label, title: s.title } : { ...s },
    ),
    nodes: draft.nodes.map((n) => ({
      id: n.id,
      label: n.label,
      name: n.name,
      nameZh: n.nameZh ?? '',
      props: n.props,
      prov: prov(n.prov),
      status: n.status,
      confidence: n.confidence,
      rule: n.rule,
      ...(n.status === 'new' ? { candidates: n.candidates ?? [] } : {}),
    })),
    edges: draft.edges.map((e) => ({
      type: e.type,
      from: e.from,
      to: e.to,
      ...(e.key ? { key: e.key } : {}),
      props: e.props,
      prov: prov(e.prov),
      confidence: e.confidence,
      rule: e.rule,
    })),
    updates: draft.updates.map((u) => ({ ...u, prov: prov(u.prov) })),
  };
  return JSON.stringify(out, null, 2);
}
