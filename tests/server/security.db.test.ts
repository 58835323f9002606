// The HTTP API against the real database: writes, administration and abuse are refused or cut, nothing in
// the database changes, credentials never reach the browser, and the server copes with Neo4j coming and going.
import { createHash } from 'node:crypto';
import { connect, createServer as createTcpServer, type Server, type Socket } from 'node:net';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/model/read.js';
import type { KnowledgeBase } from '../../src/model/types.js';
import { createDriver, type Neo4jConfig } from '../../src/neo4j/config.js';
import { loadIntoNeo4j } from '../../src/neo4j/loader.js';
import { createServer, type RunningServer } from '../../src/server/create-server.js';

let admin: Driver;
let kb: KnowledgeBase;
let cfg: Neo4jConfig;

/** Everything the browser could see: every response body and header, gathered across the whole file. */
const seen: string[] = [];

async function call(server: RunningServer, path: string, init?: RequestInit): Promise<Response> {
  const res = await fetch(new URL(path, server.url), init);
  const text = await res.text();
  seen.push(text, JSON.stringify([...res.headers.entries()]));
  return new Response(res.status === 304 ? null : text, { status: res.status, headers: res.headers });
}

function query(server: RunningServer, cypher: unknown, params?: unknown): Promise<Response> {
  return call(server, '/api/query', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params === undefined ? { cypher } : { cypher, params }),
  });
}

/** Node and relationship counts plus a hash of every label, type, property, index, constraint and user. */
async function fingerprint(): Promise<{ nodes: number; rels: number; hash: string }> {
  const read = async (q: string, database?: string) =>
    (await admin.executeQuery(q, {}, database ? { database } : {})).records.map((r) => r.toObject());
  const nodes = await read(
    'MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS p ORDER BY id',
  );
  const rels = await read(
    'MATCH (a)-[r]->(b) RETURN elementId(r) AS id, type(r) AS t, elementId(a) AS a, elementId(b) AS b, ' +
      'properties(r) AS p ORDER BY id',
  );
  const schema = [
    await read('SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN * ORDER BY name'),
    await read('SHOW INDEXES YIELD name, type, labelsOrTypes, properties RETURN * ORDER BY name'),
    await read('SHOW USERS YIELD user RETURN user ORDER BY user', 'system'),
    await read('SHOW DATABASES YIELD name RETURN DISTINCT name ORDER BY name', 'system'),
  ];
  const hash = createHash('sha256')
    .update(JSON.stringify([nodes, rels, schema]))
    .digest('hex');
  return { nodes: nodes.length, rels: rels.length, hash };
}

beforeAll(async () => {
  cfg = { uri: inject('neo4jUri'), user: inject('neo4jUser'), password: inject('neo4jPassword') };
  admin = createDriver(cfg);
  kb = loadKnowledgeBase();
  await loadIntoNeo4j(admin, kb);
});

afterAll(async () => {
  await admin?.close();
});

describe('POST /api/query against the real database', () => {
  let server: RunningServer;
  let before: { nodes: number; rels: number; hash: string };
  let constraintName: string;
  let indexName: string;

  beforeAll(async () => {
    server = await createServer({ neo4j: cfg, knowledgeBase: kb, queryTimeoutMs: 3_000, maxRows: 1_000 });
    before = await fingerprint();
    const constraints = await admin.executeQuery('SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name');
    constraintName = String(constraints.records[0]?.get('name') ?? 'economy_id');
    const indexes = await admin.executeQuery(
      "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name ORDER BY name",
    );
    indexName = String(indexes.records[0]?.get('name') ?? 'economy_id');
  });
  afterAll(() => server?.close());

  it('answers a read query with columns, rows and the graph to highlight', async () => {
    const res = await query(
      server,
      'MATCH (e:Economy)-[r:PARTICIPATES_IN]->(f:Framework {id: $fw}) RETURN e, r, f ORDER BY e.id',
      { fw: 'cbpr' },
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.columns).toEqual(['e', 'r', 'f']);
    expect(body.rows.length).toBeGreaterThan(0);
    expect(body.truncated).toBe(false);
    expect(typeof body.timeMs).toBe('number');
    expect(body.graph.nodes.map((n: { id: string }) => n.id)).toContain('cbpr');
    expect(body.graph.edges.every((e: { type: string }) => e.type === 'PARTICIPATES_IN')).toBe(true);
  });

  it('reports a Cypher syntax error with its Neo4j code and position', async () => {
    const res = await query(server, 'MATCH (n RETURN n');
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('Neo.ClientError.Statement.SyntaxError');
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.position).toMatchObject({ line: 1, column: expect.any(Number), offset: expect.any(Number) });
  });

  it('lets words that only look like writes through when they are inside strings', async () => {
    const res = await query(server, "RETURN 'CREATE (n) DETACH DELETE n' AS text // MERGE");
    expect(res.status).toBe(200);
    expect((await res.json()).rows).toEqual([['CREATE (n) DETACH DELETE n']]);
  });

  const WRITES_AND_ADMIN: [string, () => string][] = [
    ['CREATE', () => "CREATE (n:Economy {id: 'XXX', name: 'Evil'}) RETURN n"],
    ['CREATE relationship', () => "MATCH (a {id: 'TWN'}), (b {id: 'AUS'}) CREATE (a)-[:EVIL]->(b)"],
    ['MERGE', () => "MERGE (n:Economy {id: 'TWN'}) ON MATCH SET n.name = 'changed' RETURN n"],
    ['MERGE relationship', () => "MATCH (a {id: 'TWN'}), (b {id: 'AUS'}) MERGE (a)-[:EVIL]->(b)"],
    ['SET property', () => "MATCH (n:Economy {id: 'TWN'}) SET n.name = 'changed' RETURN n"],
    ['SET +=', () => "MATCH (n:Economy {id: 'TWN'}) SET n += {name: 'changed'}"],
    ['SET label', () => 'MATCH (n) SET n:Evil'],
    ['DELETE', () => 'MATCH ()-[r]->() DELETE r'],
    ['DETACH DELETE', () => 'MATCH (n) DETACH DELETE n'],
    ['REMOVE property', () => 'MATCH (n:Economy) REMOVE n.name'],
    ['REMOVE label', () => 'MATCH (n:Economy) REMOVE n:Economy'],
    ['FOREACH with CREATE', () => 'FOREACH (i IN range(1, 3) | CREATE (:Evil {i: i}))'],
    ['CALL subquery with CREATE', () => 'WITH 1 AS x CALL { CREATE (:Evil) } RETURN x'],
    [
      'CALL IN TRANSACTIONS delete',
      () => 'MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS',
    ],
    ['CALL IN TRANSACTIONS create', () => 'CALL { CREATE (:Evil) } IN TRANSACTIONS'],
    ['LOAD CSV from a file', () => "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row"],
    [
      'LOAD CSV over http',
      () => "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:9/x.csv' AS row CREATE (:Evil)",
    ],
    ['dbms.security.createUser', () => "CALL dbms.security.createUser('evil', 'evil-password-1', false)"],
    ['dbms.security.changePassword', () => "CALL dbms.security.changePassword('evil-password-2')"],
    ['dbms.setConfigValue', () => "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')"],
    ['db.createLabel', () => "CALL db.createLabel('Evil')"],
    ['db.createLabel in backquotes', () => "CALL `db`.`createLabel`('Evil')"],
    ['db.createProperty', () => "CALL db.createProperty('evil')"],
    ['db.createRelationshipType', () => "CALL db.createRelationshipType('EVIL')"],
    ['db.clearQueryCaches', () => 'CALL db.clearQueryCaches()'],
    ['apoc write procedure', () => "CALL apoc.create.node(['Evil'], {})"],
    ['CREATE INDEX', () => 'CREATE INDEX evil_idx FOR (n:Economy) ON (n.name)'],
    ['CREATE CONSTRAINT', () => 'CREATE CONSTRAINT evil_c FOR (n:Evil) REQUIRE n.id IS UNIQUE'],
    ['DROP CONSTRAINT', () => `DROP CONSTRAINT ${constraintName}`],
    ['DROP INDEX', () => `DROP INDEX ${indexName}`],
    ['CREATE DATABASE', () => 'CREATE DATABASE evil'],
    ['ALTER USER', () => "ALTER USER neo4j SET PASSWORD 'evil-password-3'"],
    ['CREATE USER', () => "CREATE USER evil SET PASSWORD 'evil-password-4' CHANGE NOT REQUIRED"],
    ['USE system CREATE USER', () => "USE system CREATE USER evil SET PASSWORD 'evil-password-5'"],
    ['SHOW USERS', () => 'SHOW USERS'],
    ['TERMINATE TRANSACTIONS', () => "TERMINATE TRANSACTIONS 'neo4j-transaction-1'"],
    ['lower/upper-case cReAtE', () => 'cReAtE (n:Evil) RETURN n'],
    ['block comment before CREATE', () => '/* x */ CREATE (n:Evil)'],
    ['line comment before MERGE', () => '// harmless\n MERGE (n:Evil {id: 1})'],
    ['EXPLAIN CREATE', () => 'EXPLAIN CREATE (n:Evil)'],
    ['PROFILE DETACH DELETE', () => 'PROFILE MATCH (n) DETACH DELETE n'],
    ['two statements: read then write', () => 'MATCH (n) RETURN count(n); CREATE (:Evil)'],
    ['two statements: return then delete', () => 'RETURN 1; MATCH (n) DETACH DELETE n'],
  ];

  it(`refuses ${WRITES_AND_ADMIN.length} write, administration and obfuscated queries`, async () => {
    expect(WRITES_AND_ADMIN.length).toBeGreaterThanOrEqual(30);
    const outcomes: string[] = [];
    for (const [name, cypher] of WRITES_AND_ADMIN) {
      const res = await query(server, cypher());
      const body = await res.json();
      outcomes.push(`${name}: ${res.status} ${body.error?.code}`);
      expect([400, 403], `${name} answered ${res.status}`).toContain(res.status);
      expect(body.rows, name).toBeUndefined();
      expect(body.error.code, name).toMatch(/\S/);
      expect(body.error.message, name).toMatch(/\S/);
    }
    console.log(`refusals:\n  ${outcomes.join('\n  ')}`);
  });

  it('cuts a query that would run for ever at the transaction timeout', async () => {
    const res = await query(
      server,
      "MATCH (a), (b), (c), (d) WHERE a.name + b.name + c.name + d.name = 'never' RETURN count(*)",
    );
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toMatch(/Transaction\.(TransactionTimedOut|Terminated)|TimedOut|APEC\.QueryTimeout/);
    expect(error.message).toMatch(/Narrow it/);
  });

  it('truncates a huge result at the row cap', async () => {
    const res = await query(server, 'UNWIND range(1, 10000000) AS i RETURN i');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.truncated).toBe(true);
    expect(body.rows).toHaveLength(1_000);
    expect(body.rows[999]).toEqual([1000]);
  });

  it('answers 429 with Retry-After when too many queries run at once for longer than the short wait', async () => {
    const busy = await createServer({
      neo4j: cfg,
      knowledgeBase: kb,
      queryTimeoutMs: 3_000,
      maxConcurrentQueries: 2,
    });
    try {
      const forever =
        "MATCH (a), (b), (c), (d) WHERE a.name + b.name + c.name + d.name = 'never' RETURN count(*)";
      const answers = await Promise.all(Array.from({ length: 6 }, () => query(busy, forever)));
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(2);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(4);
      const refused = answers.find((r) => r.status === 429) as Response;
      expect((await refused.json()).error.code).toBe('TOO_MANY_QUERIES');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      // Once the database has let go of them, the server takes queries again.
      await expect
        .poll(async () => (await query(busy, 'RETURN 1')).status, { timeout: 30_000, interval: 250 })
        .toBe(200);
    } finally {
      await busy.close();
    }
  });

  it('refuses bodies that are malformed, not JSON, too large or of the wrong shape', async () => {
    const post = (body: string, type = 'application/json') =>
      call(server, '/api/query', { method: 'POST', headers: { 'content-type': type }, body });
    const cases: [string, Promise<Response>, number][] = [
      ['malformed JSON', post('{"cypher": "RETURN 1",'), 400],
      ['empty body', post(''), 400],
      ['JSON null', post('null'), 400],
      ['not JSON at all', post('CREATE (n)', 'text/plain'), 415],
      ['form encoded', post('cypher=CREATE+(n)', 'application/x-www-form-urlencoded'), 415],
      ['10 MB body', post(`{"cypher": "RETURN 1", "pad": "${'x'.repeat(10 * 1024 * 1024)}"}`), 413],
      ['cypher is a number', query(server, 42), 400],
      ['cypher is a list', query(server, ['CREATE (n)']), 400],
      ['cypher is empty', query(server, ''), 400],
      ['params is a string', query(server, 'RETURN $x', 'x'), 400],
      ['missing cypher', post(JSON.stringify({ query: 'RETURN 1' })), 400],
    ];
    for (const [name, pending, status] of cases) {
      const res = await pending;
      expect(res.status, name).toBe(status);
      const body = await res.json();
      expect(body.error.code, name).toMatch(/\S/);
      expect(body.error.message, name).toMatch(/\S/);
    }
  });

  it('leaves the database exactly as it was', async () => {
    const after = await fingerprint();
    expect(after).toEqual(before);
    expect(after.nodes).toBeGreaterThan(100);
  });
});

/** A TCP relay from a fixed port to the test database: the database "comes back" at an unchanged address. */
class Relay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async open(): Promise<void> {
    const server = createTcpServer((client) => {
      const upstream = connect(this.target);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', resolve);
    });
    this.server = server;
  }

  async shut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

async function freePort(): Promise<number> {
  const probe = createTcpServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('without the database, and when it comes back', () => {
  let server: RunningServer;
  let relay: Relay;

  beforeAll(async () => {
    const target = new URL(cfg.uri.replace(/^[a-z+]+:/, 'http:'));
    relay = new Relay(await freePort(), { host: target.hostname, port: Number(target.port || 7687) });
    server = await createServer({
      neo4j: { ...cfg, uri: `bolt://127.0.0.1:${relay.port}` },
      knowledgeBase: kb,
    });
  });
  afterAll(async () => {
    await server?.close();
    await relay?.shut();
  });

  const health = async () =>
    (await (await call(server, '/api/health')).json()) as { neo4j: Record<string, unknown> };
  const countEconomies = () => query(server, 'MATCH (e:Economy) RETURN count(e) AS n');

  it('says the database is not reachable, answers queries with 503 and how to fix it, still serves the graph', async () => {
    const h = await health();
    expect(h.neo4j).toMatchObject({ configured: true, connected: false });
    expect(h.neo4j.message).toContain('npm run neo4j -- start');
    const res = await countEconomies();
    expect(res.status).toBe(503);
    const { error } = await res.json();
    expect(error.code).toBe('NEO4J_UNREACHABLE');
    expect(error.message).toContain('npm run neo4j -- start');
    expect(error.message).toContain('NEO4J_URI');
    const graph = await call(server, '/api/graph');
    expect(graph.status).toBe(200);
    expect((await graph.json()).nodes.length).toBe(kb.nodes.length);
  });

  it('works again without a restart once the database is reachable, and notices when it goes away', async () => {
    await relay.open();
    const up = await health();
    expect(up.neo4j).toMatchObject({ configured: true, connected: true });
    expect(up.neo4j.version).toMatch(/^5\.\d+/);
    const res = await countEconomies();
    expect(res.status).toBe(200);
    expect((await res.json()).rows).toEqual([[21]]);

    await relay.shut();
    expect((await health()).neo4j.connected).toBe(false);
    expect((await countEconomies()).status).toBe(503);

    await relay.open();
    expect((await countEconomies()).status).toBe(200);
    expect((await health()).neo4j.connected).toBe(true);
  });

  it('tells wrong credentials apart from an unreachable database', async () => {
    const wrong = await createServer({
      neo4j: { ...cfg, user: 'kg-nobody', password: 'kg-wrong-secret-9431' },
      graphJson: { attributes: {}, options: {}, nodes: [], edges: [] },
    });
    try {
      const res = await call(wrong, '/api/query', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ cypher: 'RETURN 1' }),
      });
      expect(res.status).toBe(503);
      expect((await res.json()).error.code).toBe('NEO4J_AUTH_FAILED');
      const h = await (await call(wrong, '/api/health')).json();
      expect(h.neo4j.connected).toBe(false);
      expect(h.neo4j.message).toMatch(/credentials/);
      expect(seen.join('\n')).not.toContain('kg-wrong-secret-9431');
      expect(seen.join('\n')).not.toContain('kg-nobody');
    } finally {
      await wrong.close();
    }
  });
});

describe('credentials', () => {
  it('never reach the browser: no body or header holds the password, the user in a login, or the address', () => {
    const everything = seen.join('\n');
    expect(seen.length).toBeGreaterThan(60);
    expect(everything).not.toContain(cfg.password);
    // The default user name "neo4j" is also the product's name, so look for it where a login would show it.
    for (const form of [`${cfg.user}:`, `${cfg.user}@`, `"user":`, `"password":`, `"auth":`, `"uri":`]) {
      expect(everything, form).not.toContain(form);
    }
    if (cfg.user !== 'neo4j') expect(everything).not.toContain(cfg.user);
    expect(everything).not.toContain(new URL(cfg.uri.replace(/^[a-z+]+:/, 'http:')).host);
    expect(everything).not.toMatch(/bolt:\/\/|neo4j:\/\//);
  });

  it('are not handed out by any endpoint, and health says only whether and which version', async () => {
    const server = await createServer({
      neo4j: cfg,
      graphJson: { attributes: {}, options: {}, nodes: [], edges: [] },
    });
    try {
      for (const path of ['/api/config', '/api/env', '/.env', '/api/health?verbose=1']) {
        const res = await call(server, path);
        expect(await res.text()).not.toContain(cfg.password);
      }
      const h = await (await call(server, '/api/health')).json();
      expect(Object.keys(h.neo4j).sort()).toEqual([
        'configured',
        'connected',
        'message',
        'status',
        'version',
      ]);
    } finally {
      await server.close();
    }
  });
});
