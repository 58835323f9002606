// Where the Neo4j database is and how to log in: one place that every script, the server and the tests read.
import neo4j, { type Driver } from 'neo4j-driver';

/** Password of the local database that `npm run neo4j -- start` creates, unless NEO4J_PASSWORD says otherwise. */
export const DEFAULT_LOCAL_PASSWORD = 'apec-kg-local';
export const DEFAULT_LOCAL_PORT = 7687;
export const DEFAULT_URI = `bolt://127.0.0.1:${DEFAULT_LOCAL_PORT}`;
export const DEFAULT_USER = 'neo4j';

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

/** Reads NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE, falling back to the local database. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jConfig {
  const cfg: Neo4jConfig = {
    uri: nonEmpty(env.NEO4J_URI) ?? DEFAULT_URI,
    user: nonEmpty(env.NEO4J_USER) ?? DEFAULT_USER,
    password: nonEmpty(env.NEO4J_PASSWORD) ?? DEFAULT_LOCAL_PASSWORD,
  };
  const database = nonEmpty(env.NEO4J_DATABASE);
  if (database) cfg.database = database;
  return cfg;
}

export function createDriver(cfg: Neo4jConfig): Driver {
  return neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password), {
    // Fail fast when nothing listens, instead of the driver's 30 s default.
    connectionTimeout: 10_000,
    connectionAcquisitionTimeout: 20_000,
    maxConnectionPoolSize: 20,
    userAgent: 'apec-kg',
  });
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}
