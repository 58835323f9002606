import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadKnowledgeBase, REPO_ROOT } from '../../src/model/read.js';
import { loadIntoNeo4j } from '../../src/neo4j/loader.js';
import { findFreePort } from '../../src/neo4j/local-server.js';
import { fingerprint, runScript, testDriver } from './db-helpers.js';

const run = (script: string, args: string[], env: Record<string, string> = {}) =>
  runScript(script, args, env);

let driver: Driver;

beforeAll(async () => {
  driver = testDriver();
  await loadIntoNeo4j(driver, loadKnowledgeBase());
});

afterAll(async () => {
  await driver?.close();
});

describe('npm run query', () => {
  it('prints an aligned table', async () => {
    const out = await run('query.ts', [
      'MATCH (e:Economy) WHERE e.id IN $ids RETURN e.id AS id, e.name AS name ORDER BY id',
      '--param',
      'ids=["AUS","TWN"]',
    ]);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id +\| name$/);
    expect(lines[1]).toMatch(/^-+-\+-+$/);
    expect(lines[2]).toMatch(/^AUS +\| Australia$/);
    expect(lines[3]).toMatch(/^TWN +\| Chinese Taipei$/);
    // Columns line up: the separator sits at the same place in every row.
    expect(
      new Set(lines.slice(0, 4).map((l) => (l.indexOf('|') >= 0 ? l.indexOf('|') : l.indexOf('+')))),
    ).toEqual(new Set([lines[0]?.indexOf('|')]));
    expect(lines.at(-1)).toMatch(/^2 row\(s\) in \d+ ms$/);
  });

  it('prints JSON with --json, reading a parameter that is not JSON as a string', async () => {
    const out = await run('query.ts', [
      'MATCH (e:Economy {id: $id}) RETURN e, $id AS asked',
      '--param',
      'id=TWN',
      '--json',
    ]);
    expect(out.code).toBe(0);
    const result = JSON.parse(out.stdout);
    expect(result.columns).toEqual(['e', 'asked']);
    expect(result.rows[0][1]).toBe('TWN');
    expect(result.rows[0][0]).toMatchObject({ id: 'TWN', labels: ['Economy'] });
    expect(result.graph.nodes.map((n: { id: string }) => n.id)).toEqual(['TWN']);
    expect(result.truncated).toBe(false);
  });

  it('refuses a write with the refusal code and exit code 1, changing nothing', async () => {
    const before = await fingerprint(driver);
    const out = await run('query.ts', ['MATCH (n) DETACH DELETE n']);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('APEC.NotReadOnly');
    expect(await fingerprint(driver)).toEqual(before);
  });
});

describe('npm run load', () => {
  it('reports nothing to do when the database already holds graph/', async () => {
    const out = await run('load.ts', []);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Nodes:         0 created, 0 updated, 0 deleted');
    expect(out.stdout).toContain('Relationships: 0 created, 0 updated, 0 deleted');
  });

  it('says so clearly when the password is wrong', async () => {
    const out = await run('load.ts', [], { NEO4J_PASSWORD: 'not-the-password' });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('refused the login of user "neo4j"');
    expect(out.stderr).toContain('Neo.ClientError.Security.Unauthorized');
  });

  it('says so clearly when nothing listens at NEO4J_URI', async () => {
    const port = await findFreePort();
    const out = await run('load.ts', [], { NEO4J_URI: `bolt://127.0.0.1:${port}` });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(`Cannot reach Neo4j at bolt://127.0.0.1:${port}`);
    expect(out.stderr).toContain('npm run neo4j -- start');
  });
});

describe('npm run neo4j -- status', () => {
  it('shows the test database, its pid and that the login works', async () => {
    const out = await run('neo4j.ts', ['--data', inject('neo4jDataDir'), 'status']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`Running: pid `);
    expect(out.stdout).toContain(inject('neo4jUri'));
    expect(out.stdout).toMatch(/Neo4j 5\.26\.\d+ community, login as neo4j accepted/);
  });

  it('reports a folder without a database as not running', async () => {
    const out = await run('neo4j.ts', ['--data', join(REPO_ROOT, 'tests/neo4j/no-such-folder'), 'status']);
    expect(out.code).toBe(3);
    expect(out.stdout).toContain('Not running');
  });
});
