// `npm start`: build the page if needed, bring up a database (the given one, or our local Neo4j), load graph/
// into it, and serve. Whatever fails on the database side leaves a working explorer in static mode.
import { createServer as createNetServer } from 'node:net';
import { DEFAULT_GRAPH_DIR, loadKnowledgeBase, REPO_ROOT } from '../model/read.js';
import type { KnowledgeBase } from '../model/types.js';
import { configFromEnv, createDriver, type Neo4jConfig } from '../neo4j/config.js';
import { loadIntoNeo4j } from '../neo4j/loader.js';
import { DEFAULT_DATA_DIR, type LocalNeo4j, startLocalNeo4j } from '../neo4j/local-server.js';
import { createServer, DEFAULT_HOST, type RunningServer } from './create-server.js';
import { buildFrontend, frontendBuildNeeded } from './frontend-build.js';
import { HOW_TO_START } from './neo4j-connection.js';
import { newReviewToken } from './review/guard.js';
import { loadForReview } from './review/load.js';

export const DEFAULT_PORT = 5174;
const LOCAL_NEO4J_PORTS = { first: 7687, last: 7699 };

export interface Launched {
  server: RunningServer;
  /** Whether graph/ was loaded into the database at start-up. */
  loaded: boolean;
  /** The database this process started (stopped on shutdown), if any. */
  localNeo4j?: LocalNeo4j;
  neo4j: Neo4jConfig | null;
  stop(): Promise<void>;
}

export interface LaunchOptions {
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  /** Build the page when it is missing or stale (default true). */
  buildPage?: boolean;
  /** Start for review: the write API on, loopback only, a fresh token in the printed address. */
  review?: boolean;
}

function parsePort(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name}=${value} is not a port number (0-65535)`);
  }
  return port;
}

function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createNetServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

async function firstFreePort(first: number, last: number, host: string): Promise<number> {
  for (let port = first; port <= last; port++) {
    if (await portIsFree(port, host)) return port;
  }
  throw new Error(`no free port for Neo4j between ${first} and ${last}`);
}

async function loadGraph(cfg: Neo4jConfig, kb: KnowledgeBase, log: (line: string) => void): Promise<void> {
  const driver = createDriver(cfg);
  try {
    const r = await loadIntoNeo4j(driver, kb, cfg.database ? { database: cfg.database } : {});
    log(
      `Loaded graph/ into Neo4j in ${r.timeMs} ms: ${r.nodesCreated} nodes created, ${r.nodesUpdated} updated, ` +
        `${r.nodesDeleted} deleted; ${r.relsCreated} relationships created, ${r.relsUpdated} updated, ` +
        `${r.relsDeleted} deleted.`,
    );
  } finally {
    await driver.close();
  }
}

function withoutUserinfo(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//');
}

const reason = (err: unknown): string => (err instanceof Error ? err.message : String(err));

interface DatabaseSide {
  /** null only when nothing at all should be tried; otherwise the server keeps retrying this address. */
  cfg: Neo4jConfig | null;
  /** graph/ was loaded into it at start-up. */
  loaded: boolean;
  local?: LocalNeo4j;
}

/** Brings up the database side. Failures are printed and end in static mode, never in an exit. */
async function prepareDatabase(
  env: NodeJS.ProcessEnv,
  kb: KnowledgeBase,
  log: (line: string) => void,
): Promise<DatabaseSide> {
  if (env.NEO4J_URI?.trim()) {
    const cfg = configFromEnv(env);
    try {
      await loadGraph(cfg, kb, log);
      return { cfg, loaded: true };
    } catch (err) {
      // Keep the configuration: the server connects by itself once the database answers.
      log(`Could not load graph/ into the Neo4j given by NEO4J_URI: ${reason(err)}`);
      log('Serving anyway; Cypher queries work as soon as that database answers (then run `npm run load`).');
      return { cfg, loaded: false };
    }
  }
  let local: LocalNeo4j | undefined;
  try {
    const port = await firstFreePort(LOCAL_NEO4J_PORTS.first, LOCAL_NEO4J_PORTS.last, '127.0.0.1');
    local = await startLocalNeo4j({ port, dataDir: DEFAULT_DATA_DIR, log });
    log(
      local.alreadyRunning
        ? `Using the local Neo4j already running at ${local.uri} (left running on exit).`
        : `Local Neo4j is up at ${local.uri} (${Math.round(local.startupMs / 1000)} s).`,
    );
    const cfg: Neo4jConfig = { uri: local.uri, user: local.user, password: local.password };
    await loadGraph(cfg, kb, log);
    return { cfg, loaded: true, local };
  } catch (err) {
    log(`\nStatic mode: no database. ${reason(err)}`);
    log(`The graph and coverage views work; the Cypher console needs a database. ${HOW_TO_START}`);
    if (local && !local.alreadyRunning) await local.stop().catch(() => undefined);
    // Keep watching the default local address, so a database started later is picked up without a restart.
    const fallback = configFromEnv(env);
    log(
      `The server connects by itself once a Neo4j answers at ${fallback.uri} (then run \`npm run load\`).\n`,
    );
    return { cfg: fallback, loaded: false };
  }
}

export async function launch(opts: LaunchOptions = {}): Promise<Launched> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? ((line: string) => console.log(line));
  const host = env.HOST?.trim() || DEFAULT_HOST;
  const port = parsePort(env.PORT, 'PORT') ?? DEFAULT_PORT;

  const kb = opts.review ? loadForReview(DEFAULT_GRAPH_DIR) : loadKnowledgeBase();
  const review = opts.review ? { token: newReviewToken() } : undefined;
  log(`graph/ is valid: ${kb.nodes.length} nodes, ${kb.edges.length} relationships.`);

  const check =
    opts.buildPage === false ? { needed: false, reason: 'not asked to' } : frontendBuildNeeded(REPO_ROOT);
  // The page build and the database start-up are independent; run them side by side.
  if (check.needed) log(`Building the explorer page (${check.reason})...`);
  const building = check.needed ? buildFrontend(REPO_ROOT) : Promise.resolve();
  const database = prepareDatabase(env, kb, log);
  const [built, db] = await Promise.allSettled([building, database]);
  const dbResult: DatabaseSide = db.status === 'fulfilled' ? db.value : { cfg: null, loaded: false };
  if (built.status === 'rejected') {
    if (dbResult.local && !dbResult.local.alreadyRunning) await dbResult.local.stop();
    throw built.reason;
  }
  if (!check.needed && check.reason !== 'dist/app is up to date')
    log(`Not building the page: ${check.reason}.`);

  let server: RunningServer;
  try {
    server = await createServer({
      host,
      port,
      neo4j: dbResult.cfg,
      knowledgeBase: kb,
      ...(review ? { review } : {}),
    });
  } catch (err) {
    if (dbResult.local && !dbResult.local.alreadyRunning) await dbResult.local.stop();
    const inUse = (err as NodeJS.ErrnoException).code === 'EADDRINUSE';
    throw inUse
      ? new Error(`Port ${port} on ${host} is in use; choose another with PORT=<port> npm start`)
      : err;
  }
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    log(`Warning: HOST=${host} makes the explorer reachable from other machines.`);
  }
  log(`\nAPEC knowledge graph explorer: ${server.url}`);
  if (server.reviewUrl) log(`Review mode (writes to graph/): open ${server.reviewUrl}`);
  log(
    dbResult.cfg && dbResult.loaded
      ? `Cypher console: read-only queries against ${withoutUserinfo(dbResult.cfg.uri)}.`
      : 'Cypher console: waiting for a database (static mode).',
  );
  log('Press Ctrl-C to stop.');

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await server.close();
      if (dbResult.local && !dbResult.local.alreadyRunning) {
        log('Stopping the local Neo4j...');
        await dbResult.local.stop();
      }
    })();
    return stopping;
  };
  return {
    server,
    neo4j: dbResult.cfg,
    loaded: dbResult.loaded,
    stop,
    ...(dbResult.local ? { localNeo4j: dbResult.local } : {}),
  };
}
