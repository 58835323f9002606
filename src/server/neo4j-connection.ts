// One lazily created driver that is thrown away when the database stops answering, so the server keeps
// running without Neo4j and picks it up again, without a restart, as soon as it is reachable.
import { type Driver, Neo4jError } from 'neo4j-driver';
import type { DatabaseStatus, Neo4jHealth } from '../model/api-types.js';
import { createDriver, type Neo4jConfig } from '../neo4j/config.js';

export const HOW_TO_START =
  'Start the local database with `npm run neo4j -- start` (or `npm start`), or connect to another one by ' +
  'setting NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD before starting the server.';

export const NOT_CONFIGURED_MESSAGE = `No Neo4j database is configured: the explorer runs in static mode (graph and coverage work, Cypher does not). ${HOW_TO_START}`;
export const UNREACHABLE_MESSAGE = `Neo4j is not reachable. ${HOW_TO_START}`;
export const AUTH_FAILED_MESSAGE =
  'Neo4j refused the configured credentials. Check NEO4J_USER and NEO4J_PASSWORD and restart the server.';

/** The database cannot be used right now; the HTTP layer answers 503 with this message. */
export class DatabaseUnavailableError extends Error {
  constructor(
    message: string,
    readonly code:
      | 'NEO4J_NOT_CONFIGURED'
      | 'NEO4J_UNREACHABLE'
      | 'NEO4J_AUTH_FAILED'
      | 'NEO4J_STARTING'
      | 'NEO4J_RESTARTING',
  ) {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

export type { Neo4jHealth } from '../model/api-types.js';

/**
 * What the process that runs the database says about it, when this server's own launcher runs one:
 * `starting` (first start and load) or `restarting` (it died and is coming back) answer 503 at once with
 * that message instead of trying to connect; anything else lets the connection speak for itself.
 */
export type DatabaseProcessState = () => { state: 'starting' | 'restarting' | 'other'; message: string };

const CONNECTION_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/** True when an error means "cannot talk to the database" rather than "the query is wrong". */
export function isConnectionError(err: unknown): boolean {
  if (err instanceof Neo4jError) {
    return CONNECTION_CODES.has(err.code) || err.code === 'Neo.ClientError.Security.Unauthorized';
  }
  return false;
}

function unavailableFrom(err: unknown): DatabaseUnavailableError {
  if (err instanceof Neo4jError && err.code === 'Neo.ClientError.Security.Unauthorized') {
    return new DatabaseUnavailableError(AUTH_FAILED_MESSAGE, 'NEO4J_AUTH_FAILED');
  }
  return new DatabaseUnavailableError(UNREACHABLE_MESSAGE, 'NEO4J_UNREACHABLE');
}

export class Neo4jConnection {
  private driver: Driver | null = null;
  private verified: Promise<Driver> | null = null;

  constructor(
    private readonly config: Neo4jConfig | null,
    private readonly processState?: DatabaseProcessState,
  ) {}

  /** Throws the 503 for a database that is starting or restarting, before any connection attempt. */
  assertReady(): void {
    const p = this.processState?.();
    if (p?.state === 'starting') throw new DatabaseUnavailableError(p.message, 'NEO4J_STARTING');
    if (p?.state === 'restarting') throw new DatabaseUnavailableError(p.message, 'NEO4J_RESTARTING');
  }

  get configured(): boolean {
    return this.config !== null;
  }

  /** Where the database is and how to log in: for the query worker, which keeps its own driver. */
  get configuration(): Neo4jConfig | null {
    return this.config;
  }

  get database(): string | undefined {
    return this.config?.database;
  }

  /** A driver that answered at least once; rejects with DatabaseUnavailableError otherwise. */
  async acquire(): Promise<Driver> {
    const config = this.config;
    if (!config) throw new DatabaseUnavailableError(NOT_CONFIGURED_MESSAGE, 'NEO4J_NOT_CONFIGURED');
    if (!this.verified) {
      const driver = createDriver(config);
      this.driver = driver;
      // verifyConnectivity fails fast, whereas a query would sit in the driver's retry loop.
      this.verified = driver.verifyConnectivity(config.database ? { database: config.database } : {}).then(
        () => driver,
        async (err: unknown) => {
          await this.discard(driver);
          throw unavailableFrom(err);
        },
      );
    }
    return this.verified;
  }

  /** Call when a query failed with a connection error, so the next request starts afresh. */
  async reportFailure(err: unknown): Promise<DatabaseUnavailableError> {
    if (this.driver) await this.discard(this.driver);
    return unavailableFrom(err);
  }

  async health(): Promise<Neo4jHealth> {
    if (!this.config) {
      return {
        configured: false,
        connected: false,
        status: 'not-configured',
        message: NOT_CONFIGURED_MESSAGE,
      };
    }
    const p = this.processState?.();
    if (p && p.state !== 'other') {
      const status: DatabaseStatus = p.state;
      return { configured: true, connected: false, status, message: p.message };
    }
    try {
      const driver = await this.acquire();
      const info = await driver.getServerInfo(this.config.database ? { database: this.config.database } : {});
      // Only the product version: the address the driver reports would reveal where the database lives.
      const version = info.agent?.replace(/^Neo4j\//i, '');
      return {
        configured: true,
        connected: true,
        status: 'connected',
        ...(version ? { version } : {}),
        message: 'Connected to Neo4j.',
      };
    } catch (err) {
      const reason = err instanceof DatabaseUnavailableError ? err : await this.reportFailure(err);
      return { configured: true, connected: false, status: 'unreachable', message: reason.message };
    }
  }

  async close(): Promise<void> {
    if (this.driver) await this.discard(this.driver);
  }

  private async discard(driver: Driver): Promise<void> {
    if (this.driver === driver) {
      this.driver = null;
      this.verified = null;
    }
    await driver.close().catch(() => undefined);
  }
}
