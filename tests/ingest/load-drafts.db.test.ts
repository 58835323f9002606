// npm run load against the real database: drafted entries stay out until reviewed, unless --include-drafts,
// which loads pending ones marked draft: true; rejected ones never.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDraft } from '../../src/ingest/write/write-draft.js';
import { loadKnowledgeBase, REPO_ROOT } from '../../src/model/read.js';
import { loadIntoNeo4j } from '../../src/neo4j/loader.js';
import { testConfig, testDriver } from '../neo4j/db-helpers.js';
import { draft, extracted, graphCopy } from './draft-fixture.js';

let driver: Driver;
let graph: string;

function load(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const cfg = testConfig();
  return new Promise((resolve) => {
    execFile(
      join(REPO_ROOT, 'node_modules/.bin/tsx'),
      [join(REPO_ROOT, 'scripts', 'load.ts'), '--graph', graph, ...args],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, NEO4J_URI: cfg.uri, NEO4J_USER: cfg.user, NEO4J_PASSWORD: cfg.password },
      },
      (error, stdout, stderr) => resolve({ code: error ? 1 : 0, stdout, stderr }),
    );
  });
}

async function state(): Promise<{ meeting: unknown; attended: unknown; topic: boolean; korDraft: unknown }> {
  const { records } = await driver.executeQuery(
    `OPTIONAL MATCH (m:Meeting {id: 'mtg-dps-51'})
     OPTIONAL MATCH (:Economy {id: 'KOR'})-[r:ATTENDED]->(m)
     OPTIONAL MATCH (k:Economy {id: 'KOR'})
     RETURN m {.draft, .name} AS meeting, r {.draft, .mode} AS attended,
            EXISTS { MATCH (:Topic {id: 'topic-pet-workshop'}) } AS topic, k.draft AS korDraft`,
  );
  return records[0]?.toObject() as never;
}

beforeAll(() => {
  driver = testDriver();
  graph = graphCopy();
  writeDraft(draft(), extracted(), { graphDir: graph, slug: 'dps-51' });
});

afterAll(async () => {
  // Other files rely on finding the full graph/ loaded.
  await loadIntoNeo4j(driver, loadKnowledgeBase());
  await driver?.close();
});

describe('npm run load and drafted entries', () => {
  it('loads reviewed entries only, then pending ones too with --include-drafts, and follows review decisions', async () => {
    const plain = await load();
    expect(plain.stderr).toBe('');
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('Awaiting review, not loaded: 2 nodes, 1 relationships');
    expect(await state()).toEqual({ meeting: null, attended: null, topic: false, korDraft: null });

    const drafts = await load('--include-drafts');
    expect(drafts.code).toBe(0);
    expect(await state()).toEqual({
      meeting: { draft: true, name: '51st DPS meeting' },
      attended: { draft: true, mode: 'virtual' },
      topic: true,
      korDraft: null,
    });

    // The reviewer accepts the meeting and the attendance and rejects the topic.
    const path = join(graph, 'dps-51', 'draft.yaml');
    const text = readFileSync(path, 'utf8');
    writeFileSync(
      path,
      text
        .replace(/(id: mtg-dps-51[\s\S]*?review: )pending/, '$1accepted')
        .replace(/(type: ATTENDED[\s\S]*?review: )pending/, '$1accepted')
        .replace(/(id: topic-pet-workshop[\s\S]*?review: )pending/, '$1rejected'),
    );
    for (const args of [[], ['--include-drafts']]) {
      expect((await load(...args)).code).toBe(0);
      expect(await state()).toEqual({
        meeting: { draft: null, name: '51st DPS meeting' },
        attended: { draft: null, mode: 'virtual' },
        topic: false,
        korDraft: null,
      });
    }
  });
});
