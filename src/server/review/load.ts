// The knowledge base of a review server, and its sync into Neo4j (what `npm run load` does).
import { KnowledgeBaseError } from '../../model/read.js';
import { reviewState } from '../../model/source-text-list.js';
import type { KnowledgeBase } from '../../model/types.js';
import { createDriver, type Neo4jConfig } from '../../neo4j/config.js';
import { loadIntoNeo4j } from '../../neo4j/loader.js';
import { readForReview } from './draft-format.js';

export function loadForReview(graphDir: string): KnowledgeBase {
  const { kb, issues } = readForReview(graphDir);
  if (issues.length > 0) throw new KnowledgeBaseError(issues);
  return kb;
}

/** What `npm run load` loads: reviewed entries only, not pending drafts nor what hangs on them. */
export function reviewedOnly(kb: KnowledgeBase): KnowledgeBase {
  const nodes = kb.nodes.filter((n) => reviewState(n) === 'accepted');
  const ids = new Set(nodes.map((n) => n.id));
  const edges = kb.edges.filter((e) => reviewState(e) === 'accepted' && ids.has(e.from) && ids.has(e.to));
  return { nodes, edges, sourceTexts: kb.sourceTexts };
}

export async function syncNeo4j(cfg: Neo4jConfig, kb: KnowledgeBase): Promise<Record<string, number>> {
  const driver = createDriver(cfg);
  try {
    const r = await loadIntoNeo4j(driver, reviewedOnly(kb), cfg.database ? { database: cfg.database } : {});
    return { ...r };
  } finally {
    await driver.close();
  }
}
