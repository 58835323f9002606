// The knowledge base of a review server, and its sync into Neo4j: what `npm run load` does, the loader
// keeping pending drafts out.
import { KnowledgeBaseError } from '../../model/read.js';
import type { KnowledgeBase } from '../../model/types.js';
import { createDriver, type Neo4jConfig } from '../../neo4j/config.js';
import { loadIntoNeo4j } from '../../neo4j/loader.js';
import { readForReview } from './draft-format.js';

export function loadForReview(graphDir: string): KnowledgeBase {
  const { kb, issues } = readForReview(graphDir);
  if (issues.length > 0) throw new KnowledgeBaseError(issues);
  return kb;
}

export async function syncNeo4j(cfg: Neo4jConfig, kb: KnowledgeBase): Promise<Record<string, number>> {
  const driver = createDriver(cfg);
  try {
    const r = await loadIntoNeo4j(driver, kb, cfg.database ? { database: cfg.database } : {});
    return { ...r };
  } finally {
    await driver.close();
  }
}
