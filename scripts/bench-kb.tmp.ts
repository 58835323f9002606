import { NODE_LABELS, type EdgeRecord, type KnowledgeBase, type NodeRecord } from "../src/model/types.js";
import { REL_TYPES } from "../src/model/vocabulary.js";
/** Deterministic pseudo-random numbers (mulberry32), so every run loads the same graph. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Nodes spread over every label and relationships between random pairs, shaped like graph/ entries. */
export function syntheticKnowledgeBase(nodeCount: number, relCount: number, prefix = 'n'): KnowledgeBase {
  const rand = random(nodeCount * 31 + relCount);
  const origin = { file: 'synthetic.yaml', line: 1 };
  const prov = (i: number) => [
    { source: 'src-synthetic', section: `§${i % 97}`, quote: `quote number ${i}` },
  ];
  const nodes: NodeRecord[] = [];
  for (let i = 0; i < nodeCount; i++) {
    nodes.push({
      id: `${prefix}-${i}`,
      label: NODE_LABELS[i % NODE_LABELS.length] as NodeRecord['label'],
      name: `Synthetic node ${i}`,
      nameZh: `合成節點 ${i}`,
      aliases: i % 3 === 0 ? [`alias-${i}`] : [],
      props: { rank: i, weight: Math.round(rand() * 1000) / 7, tags: ['synthetic', `group-${i % 50}`] },
      prov: prov(i),
      origin,
    });
  }
  const edges: EdgeRecord[] = [];
  for (let i = 0; i < relCount; i++) {
    const from = `${prefix}-${Math.floor(rand() * nodeCount)}`;
    const to = `${prefix}-${Math.floor(rand() * nodeCount)}`;
    const type = REL_TYPES[i % REL_TYPES.length] as string;
    // The key keeps ids unique when the same pair and type come up twice, as graph/ does.
    edges.push({
      id: `${from}|${type}|${to}|${i}`,
      type,
      from,
      to,
      key: String(i),
      props: { order: i },
      prov: prov(i),
      origin,
    });
  }
  return { nodes, edges, sourceTexts: new Map() };
}

