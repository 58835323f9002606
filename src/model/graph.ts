// The knowledge base as one graphology graph: the structure every other part works on.
import { MultiDirectedGraph } from 'graphology';
import { allHistories } from './history.js';
import type { EdgeAttributes, KnowledgeBase, NodeAttributes } from './types.js';

export type KgGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

export function toGraph(kb: KnowledgeBase): KgGraph {
  const g: KgGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  const histories = allHistories(kb);
  for (const n of kb.nodes) {
    const history = histories.get(n.id);
    g.addNode(n.id, {
      label: n.name,
      category: n.label,
      name: n.name,
      ...(n.nameZh ? { nameZh: n.nameZh } : {}),
      aliases: n.aliases,
      props: n.props,
      ...(n.note ? { note: n.note } : {}),
      prov: n.prov,
      ...(n.review === 'pending' ? { draft: true } : {}),
      ...(history ? { history } : {}),
    });
  }
  for (const e of kb.edges) {
    g.addDirectedEdgeWithKey(e.id, e.from, e.to, {
      relType: e.type,
      props: e.props,
      ...(e.note ? { note: e.note } : {}),
      prov: e.prov,
      ...(e.review === 'pending' ? { draft: true } : {}),
    });
  }
  return g;
}
