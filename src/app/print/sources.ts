// What a printed view cites: the views' relationships and the sources their provenance names. Pure.
import type Graph from 'graphology';
import { coverageMatrix, focusAreaCoverage } from '../../model/coverage.js';
import type { KgGraph } from '../../model/graph.js';
import type { EdgeAttributes, NodeAttributes } from '../../model/types.js';
import { compareEconomies } from '../compare/model.js';
import { economyProfile } from '../panels/economy-profile.js';

type AnyGraph = Graph<NodeAttributes, EdgeAttributes>;

export interface CitedSource {
  id: string;
  /** Sections of the source the view's facts are quoted from, in first-cited order. */
  sections: string[];
}

export type PrintedView =
  | { kind: 'coverage'; table: 'matrix' | 'focus' }
  | { kind: 'compare'; economies: string[] }
  | { kind: 'node'; node: string };

/** The relationships whose facts a view shows. */
export function viewEdges(g: AnyGraph, view: PrintedView): string[] {
  switch (view.kind) {
    case 'coverage':
      return view.table === 'matrix'
        ? coverageMatrix(g as unknown as KgGraph).rows.flatMap((r) => r.cells.flatMap((c) => c.edges))
        : focusAreaCoverage(g as unknown as KgGraph).flatMap((r) => r.addressedBy.map((a) => a.edge));
    case 'compare':
      return compareEconomies(g, view.economies).sections.flatMap((s) =>
        s.rows.flatMap((r) => r.cells.flatMap((c) => c.edges)),
      );
    case 'node': {
      if (!g.hasNode(view.node)) return [];
      if (g.getNodeAttribute(view.node, 'category') === 'Economy') {
        const p = economyProfile(g, view.node);
        return [p.meetings, p.frameworks, p.projectsLed, p.projectsSupported, p.sessions, p.roles].flatMap(
          (l) => l.flatMap((i) => i.edges),
        );
      }
      return g.edges(view.node);
    }
  }
}

/** Every source the relationships quote (and the node itself, for a node), with the sections cited. */
export function citedSources(g: AnyGraph, edges: string[], nodes: string[] = []): CitedSource[] {
  const out = new Map<string, CitedSource>();
  const add = (prov: { source: string; section: string }[]) => {
    for (const p of prov) {
      const s = out.get(p.source) ?? { id: p.source, sections: [] };
      if (!s.sections.includes(p.section)) s.sections.push(p.section);
      out.set(p.source, s);
    }
  };
  for (const n of nodes) if (g.hasNode(n)) add(g.getNodeAttribute(n, 'prov'));
  for (const e of new Set(edges)) if (g.hasEdge(e)) add(g.getEdgeAttribute(e, 'prov'));
  return [...out.values()];
}

/** What a node's details panel quotes: the node, its relationships and, for an economy, its profile's. */
export function detailItems(g: AnyGraph, node: string): { nodes: string[]; edges: string[] } {
  if (!g.hasNode(node)) return { nodes: [], edges: [] };
  return { nodes: [node], edges: [...new Set([...g.edges(node), ...viewEdges(g, { kind: 'node', node })])] };
}
