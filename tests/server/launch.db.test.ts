// What `npm start` does when NEO4J_URI names a database: load graph/ into it and serve, then stop cleanly.
import { describe, expect, inject, it } from 'vitest';
import { launch } from '../../src/server/launch.js';

describe('launch (npm start) with NEO4J_URI', () => {
  it('loads graph/ into the given database, serves read-only Cypher on the loopback interface, and stops', async () => {
    const lines: string[] = [];
    const app = await launch({
      env: {
        NEO4J_URI: inject('neo4jUri'),
        NEO4J_USER: inject('neo4jUser'),
        NEO4J_PASSWORD: inject('neo4jPassword'),
        PORT: '0',
      },
      buildPage: false,
      log: (line) => lines.push(line),
    });
    try {
      expect(await app.loaded).toBe(true);
      expect(app.supervisor).toBeUndefined();
      expect(app.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(lines.join('\n')).toContain(`APEC knowledge graph explorer: ${app.server.url}`);
      expect(lines.join('\n')).toMatch(/Loaded graph\/ into Neo4j/);
      expect(lines.join('\n')).not.toContain(inject('neo4jPassword'));
      const res = await fetch(new URL('/api/query', app.server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ cypher: 'MATCH (e:Economy) RETURN count(e) AS n' }),
      });
      expect(res.status).toBe(200);
      expect((await res.json()).rows).toEqual([[21]]);
    } finally {
      await app.stop();
    }
    await expect(fetch(app.server.url)).rejects.toThrow();
  });

  it('refuses a PORT that is not a port number', async () => {
    await expect(launch({ env: { PORT: 'eighty' }, buildPage: false, log: () => {} })).rejects.toThrow(
      /PORT=eighty is not a port number/,
    );
  });
});
