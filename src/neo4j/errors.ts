// Turns driver errors about reaching or logging in to Neo4j into messages that say what to do.
import { Neo4jError } from 'neo4j-driver';
import type { Neo4jConfig } from './config.js';

/** The database could not be reached or refused the credentials; `code` keeps the driver's code. */
export class Neo4jConnectionError extends Error {
  readonly code: string;
  override readonly cause: unknown;
  constructor(message: string, code: string, cause: unknown) {
    super(message);
    this.name = 'Neo4jConnectionError';
    this.code = code;
    this.cause = cause;
  }
}

const HOW_TO_CONFIGURE =
  'Start the local database with `npm run neo4j -- start`, or point NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD ' +
  '(and NEO4J_DATABASE) at another Neo4j 5 (Docker neo4j:5, Neo4j Desktop, Aura neo4j+s://...).';

export function isAuthError(error: unknown): boolean {
  return error instanceof Neo4jError && error.code.startsWith('Neo.ClientError.Security.');
}

export function isUnreachableError(error: unknown): boolean {
  return (
    error instanceof Neo4jError && (error.code === 'ServiceUnavailable' || error.code === 'SessionExpired')
  );
}

/** A Neo4jConnectionError for auth and connectivity failures; any other error is returned as it is. */
export function explainConnectionError(error: unknown, cfg: Pick<Neo4jConfig, 'uri' | 'user'>): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (isAuthError(error)) {
    return new Neo4jConnectionError(
      `Neo4j at ${cfg.uri} refused the login of user "${cfg.user}" (${error.code}): ${sentence(error.message)} ` +
        'Check NEO4J_USER and NEO4J_PASSWORD (the local database uses the password it was first started with).',
      error.code,
      error,
    );
  }
  if (isUnreachableError(error)) {
    return new Neo4jConnectionError(
      `Cannot reach Neo4j at ${cfg.uri} (${error.code}): ${sentence(error.message)} ${HOW_TO_CONFIGURE}`,
      error.code,
      error,
    );
  }
  return error;
}

/** Checks that the database answers and accepts the credentials, with a readable error otherwise. */
export async function verifyConnection(
  driver: { verifyConnectivity(config?: { database?: string }): Promise<unknown> },
  cfg: Neo4jConfig,
): Promise<void> {
  try {
    await driver.verifyConnectivity(cfg.database ? { database: cfg.database } : {});
  } catch (error) {
    throw explainConnectionError(error, cfg);
  }
}

function sentence(text: string): string {
  const trimmed = text.trim().replace(/\.+$/, '');
  return `${trimmed}.`;
}
