// `npm start`: build the page if needed and serve it at once, while a database (the given one, or our local
// Neo4j, supervised) comes up and graph/ is loaded into it in the background. Whatever fails on the database
// side leaves a working explorer in static mode.
import { createServer as createNetServer } from 'node:net';
import { DEFAULT_GRAPH_DIR, loadKnowledgeBase, REPO_ROOT } from '../model/read.js';
import type { KnowledgeBase } from '../model/types.js';
import { configFromEnv, createDriver, DEFAULT_USER, type Neo4jConfig } from '../neo4j/config.js';
import { loadIntoNeo4j } from '../neo4j/loader.js';
import { DEFAULT_DATA_DIR, localNeo4jStatus, startLocalNeo4j } from '../neo4j/local-server.js';
import { Neo4jSupervisor } from '../neo4j/supervisor.js';
import { createServer, DEFAULT_HOST, type RunningServer, type ServerOptions } from './create-server.js';
import { buildFrontend, frontendBuildNeeded } from './frontend-build.js';
import { type DatabaseProcessState, HOW_TO_START } from './neo4j-connection.js';
import { newReviewToken } from './review/guard.js';
import { loadForReview } from './review/load.js';

export const DEFAULT_PORT = 5174;
const LOCAL_NEO4J_PORTS = { first: 7687, last: 7699 };

export interface Launched {
  server: RunningServer;
  /** Settles once graph/ is loaded into the database (true) or could not be (false). */
  loaded: Promise<boolean>;
  /** Runs the embedded database (restarts it if it dies, stops it on shutdown), unless NEO4J_URI is set. */
  supervisor?: Neo4jSupervisor;
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
  /** Passed on to createServer (limits, a logger for internal errors). */
  serverOptions?: Partial<ServerOptions>;
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

function positiveFromEnv(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}=${value} is not a whole number >= 1`);
  return n;
}

/** Query limits a deployment may change: QUERY_TIMEOUT_MS, _MAX_ROWS, _MAX_BYTES, _CONCURRENCY, _WORKER_HEAP_MB. */
export function queryLimitsFromEnv(env: NodeJS.ProcessEnv): Partial<ServerOptions> {
  const timeout = positiveFromEnv(env, 'QUERY_TIMEOUT_MS');
  const rows = positiveFromEnv(env, 'QUERY_MAX_ROWS');
  const bytes = positiveFromEnv(env, 'QUERY_MAX_BYTES');
  const concurrency = positiveFromEnv(env, 'QUERY_CONCURRENCY');
  const heap = positiveFromEnv(env, 'QUERY_WORKER_HEAP_MB');
  return {
    ...(timeout ? { queryTimeoutMs: timeout } : {}),
    ...(rows ? { maxRows: rows } : {}),
    ...(bytes ? { maxAnswerBytes: bytes } : {}),
    ...(concurrency ? { maxConcurrentQueries: concurrency } : {}),
    ...(heap ? { queryWorkerHeapMb: heap } : {}),
  };
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

/** What launch() does about the database, started alongside the server and never holding it up. */
interface DatabaseSide {
  /** null only when nothing at all should be tried; otherwise the server keeps retrying this address. */
  cfg: Neo4jConfig | null;
  /** Settles once graph/ is loaded (true) or could not be (false); the server runs meanwhile. */
  loaded: Promise<boolean>;
  supervisor?: Neo4jSupervisor;
  /** The starting/restarting state the server reports, when a local database is supervised. */
  processState?: DatabaseProcessState;
}

/** An external database (NEO4J_URI): loaded in the background; the server connects once it answers. */
function externalDatabase(
  env: NodeJS.ProcessEnv,
  kb: KnowledgeBase,
  log: (line: string) => void,
): DatabaseSide {
  const cfg = configFromEnv(env);
  const loaded = loadGraph(cfg, kb, log).then(
    () => true,
    (err: unknown) => {
      // Keep the configuration: the server connects by itself once the database answers.
      log(`Could not load graph/ into the Neo4j given by NEO4J_URI: ${reason(err)}`);
      log('Serving anyway; Cypher queries work as soon as that database answers (then run `npm run load`).');
      return false;
    },
  );
  return { cfg, loaded };
}

/**
 * The embedded Neo4j, started under a supervisor that restarts it if it dies. Its address is settled before it
 * starts, so the server can be up first; failures end in static mode, never in an exit.
 */
async function localDatabase(
  env: NodeJS.ProcessEnv,
  kb: KnowledgeBase,
  log: (line: string) => void,
): Promise<DatabaseSide> {
  const dataDir = env.NEO4J_DATA_DIR?.trim() || DEFAULT_DATA_DIR;
  const running = localNeo4jStatus(dataDir);
  const port = running?.running
    ? running.port
    : (parsePort(env.NEO4J_PORT, 'NEO4J_PORT') ??
      (await firstFreePort(LOCAL_NEO4J_PORTS.first, LOCAL_NEO4J_PORTS.last, '127.0.0.1')));
  const password = configFromEnv(env).password;
  const cfg: Neo4jConfig = { uri: `bolt://127.0.0.1:${port}`, user: DEFAULT_USER, password };
  const supervisor = new Neo4jSupervisor({
    start: () => startLocalNeo4j({ port, dataDir, password, log }),
    afterFirstStart: async (local) => {
      log(
        local.alreadyRunning
          ? `Using the local Neo4j already running at ${local.uri} (left running on exit).`
          : `Local Neo4j is up at ${local.uri} (${(local.startupMs / 1000).toFixed(1)} s).`,
      );
      await loadGraph(cfg, kb, log);
      log(`Cypher console: read-only queries against ${local.uri}.`);
    },
    log,
  });
  const loaded = supervisor.whenFirstUp().then(
    () => true,
    async (err: unknown) => {
      log(`\nStatic mode: no database. ${reason(err)}`);
      log(`The graph and coverage views work; the Cypher console needs a database. ${HOW_TO_START}`);
      await supervisor.stop().catch(() => undefined);
      log(`The server connects by itself once a Neo4j answers at ${cfg.uri} (then run \`npm run load\`).\n`);
      return false;
    },
  );
  const processState: DatabaseProcessState = () => {
    const state = supervisor.state;
    if (state === 'starting' || state === 'restarting') return { state, message: supervisor.message };
    return { state: 'other', message: supervisor.message };
  };
  return { cfg, loaded, supervisor, processState };
}

export async function launch(opts: LaunchOptions = {}): Promise<Launched> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? ((line: string) => console.log(line));
  const host = env.HOST?.trim() || DEFAULT_HOST;
  const port = parsePort(env.PORT, 'PORT') ?? DEFAULT_PORT;
  const limits = queryLimitsFromEnv(env);

  const kb = opts.review ? loadForReview(DEFAULT_GRAPH_DIR) : loadKnowledgeBase();
  const review = opts.review ? { token: newReviewToken() } : undefined;
  log(`graph/ is valid: ${kb.nodes.length} nodes, ${kb.edges.length} relationships.`);

  const check =
    opts.buildPage === false ? { needed: false, reason: 'not asked to' } : frontendBuildNeeded(REPO_ROOT);
  if (check.needed) log(`Building the explorer page (${check.reason})...`);
  const building = check.needed ? buildFrontend(REPO_ROOT) : Promise.resolve();
  // The database starts in the background: the explorer (graph, search, coverage) needs only the page, and
  // the Cypher console says "starting" until the database is up and loaded.
  const db = env.NEO4J_URI?.trim() ? externalDatabase(env, kb, log) : await localDatabase(env, kb, log);
  const stopDatabase = async () => {
    await db.supervisor?.stop();
  };
  try {
    await building;
  } catch (err) {
    await stopDatabase();
    throw err;
  }
  if (!check.needed && check.reason !== 'dist/app is up to date')
    log(`Not building the page: ${check.reason}.`);

  let server: RunningServer;
  try {
    server = await createServer({
      host,
      port,
      neo4j: db.cfg,
      knowledgeBase: kb,
      ...(review ? { review } : {}),
      ...(db.processState ? { databaseProcess: db.processState } : {}),
      ...limits,
      ...(opts.serverOptions ?? {}),
    });
  } catch (err) {
    await stopDatabase();
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
    db.supervisor
      ? 'Cypher console: connecting while the local Neo4j starts (graph, search and coverage work now).'
      : `Cypher console: read-only queries against ${withoutUserinfo(db.cfg?.uri ?? '')} once it answers.`,
  );
  log('Press Ctrl-C to stop.');

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (db.supervisor?.current && !db.supervisor.current.alreadyRunning) log('Stopping the local Neo4j...');
      // Told first, synchronously: Ctrl-C reaches the database's JVM too (same process group), and its exit
      // must not be taken for a crash and restarted.
      const databaseStopped = stopDatabase();
      await server.close();
      await databaseStopped;
    })();
    return stopping;
  };
  return {
    server,
    neo4j: db.cfg,
    loaded: db.loaded,
    stop,
    ...(db.supervisor ? { supervisor: db.supervisor } : {}),
  };
}
