// npm run neo4j -- start|stop|status: the project's own Neo4j 5.26 Community, run in-process from Maven jars.
import { Command, InvalidArgumentError } from 'commander';
import { configFromEnv, createDriver, DEFAULT_LOCAL_PORT } from '../src/neo4j/config.js';
import { explainConnectionError } from '../src/neo4j/errors.js';
import {
  DEFAULT_DATA_DIR,
  localNeo4jStatus,
  startLocalNeo4j,
  stopLocalNeo4j,
} from '../src/neo4j/local-server.js';
import { runCli } from './run-cli.js';

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new InvalidArgumentError('not a port number');
  return port;
}

const program = new Command('neo4j')
  .description('Run the local Neo4j used by apec-kg (Bolt on 127.0.0.1, data in .data/neo4j)')
  .option('--data <dir>', 'data folder (NEO4J_DATA_DIR)', process.env.NEO4J_DATA_DIR ?? DEFAULT_DATA_DIR);

program
  .command('start')
  .description('start in the background and wait until Bolt answers')
  .option(
    '--port <port>',
    'Bolt port (NEO4J_PORT)',
    parsePort,
    Number(process.env.NEO4J_PORT ?? DEFAULT_LOCAL_PORT),
  )
  .option('--heap <size>', 'JVM heap (NEO4J_HEAP)', process.env.NEO4J_HEAP ?? '1g')
  .option('--timeout <seconds>', 'how long to wait for Bolt', (v) => Number(v) * 1000, 180_000)
  .action(async (opts: { port: number; heap: string; timeout: number }) => {
    const { password } = configFromEnv();
    const db = await startLocalNeo4j({
      port: opts.port,
      dataDir: program.opts().data,
      password,
      heap: opts.heap,
      timeoutMs: opts.timeout,
      detached: true,
      log: (line) => console.log(line),
    });
    if (db.alreadyRunning) {
      console.log(`Neo4j is already running on ${db.uri} (pid ${db.pid}, data ${db.dataDir}).`);
    } else {
      console.log(`Neo4j is up on ${db.uri} after ${(db.startupMs / 1000).toFixed(1)} s (pid ${db.pid}).`);
    }
    console.log(
      `User neo4j, password from NEO4J_PASSWORD (default documented in README). Log: ${db.logFile}`,
    );
  });

program
  .command('stop')
  .description('stop it (SIGTERM, then wait for a clean shutdown)')
  .action(async () => {
    const dataDir = program.opts().data;
    const stopped = await stopLocalNeo4j(dataDir);
    console.log(stopped ? `Neo4j on ${dataDir} stopped.` : `No Neo4j was running on ${dataDir}.`);
  });

program
  .command('status')
  .description('what runs where, and whether it accepts the configured credentials')
  .action(async () => {
    const dataDir = program.opts().data;
    const status = localNeo4jStatus(dataDir);
    if (!status?.running) {
      console.log(`Not running (data ${dataDir}).`);
      process.exitCode = 3;
      return;
    }
    console.log(`Running: pid ${status.pid}, ${status.uri}, since ${status.startedAt}`);
    console.log(`Data: ${dataDir}  Log: ${status.logFile}`);
    const cfg = { ...configFromEnv(), uri: status.uri };
    const driver = createDriver(cfg);
    try {
      const info = await driver.executeQuery(
        'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition',
      );
      const record = info.records[0];
      console.log(
        `Bolt answers: Neo4j ${record?.get('v')} ${record?.get('edition')}, login as ${cfg.user} accepted.`,
      );
    } catch (error) {
      const explained = explainConnectionError(error, cfg);
      console.log(`Bolt check failed: ${explained instanceof Error ? explained.message : String(explained)}`);
      process.exitCode = 1;
    } finally {
      await driver.close();
    }
  });

runCli(program);
