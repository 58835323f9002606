// npm run serve: only the HTTP server, for a database that is already running and loaded (NEO4J_URI, or the
// local one from `npm run neo4j -- start`), or in static mode with --static. HOST and PORT as for npm start.
import { Command } from 'commander';
import { configFromEnv } from '../src/neo4j/config.js';
import { createServer, DEFAULT_HOST } from '../src/server/create-server.js';
import { DEFAULT_PORT, queryLimitsFromEnv } from '../src/server/launch.js';

const opts = new Command('serve')
  .description('Serve the explorer and its API')
  .option('--static', 'run without a database (graph and coverage only)', false)
  .parse()
  .opts<{ static: boolean }>();

const port = Number(process.env.PORT ?? DEFAULT_PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT=${process.env.PORT} is not a port number`);
  process.exit(1);
}
try {
  const server = await createServer({
    host: process.env.HOST?.trim() || DEFAULT_HOST,
    port,
    neo4j: opts.static ? null : configFromEnv(),
    ...queryLimitsFromEnv(process.env),
  });
  console.log(`APEC knowledge graph explorer: ${server.url}`);
  const shutdown = (): void => {
    server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
