// Starts and stops the project's own Neo4j 5.26 Community: jars from Maven Central (cached in .cache/neo4j/lib),
// run in-process by launcher/Launcher.java (next to this file) with Bolt on a loopback port. No Docker, no install.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { REPO_ROOT } from '../model/read.js';
import { createDriver, DEFAULT_LOCAL_PASSWORD, DEFAULT_LOCAL_PORT, DEFAULT_USER } from './config.js';

export const DEFAULT_DATA_DIR = join(REPO_ROOT, '.data/neo4j');
export const LIB_DIR = join(REPO_ROOT, '.cache/neo4j/lib');
const LAUNCHER_DIR = join(REPO_ROOT, 'src/neo4j/launcher');
const POM = join(LAUNCHER_DIR, 'pom.xml');
const LAUNCHER = join(LAUNCHER_DIR, 'Launcher.java');
const LIB_MARKER = '.resolved-from';

const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  // No -XX:+ExitOnOutOfMemoryError: Neo4j turns an OutOfMemoryError inside a query into that query's error
  // (Neo.TransientError.General.OutOfMemoryError) and goes on; exiting took the database down for every user
  // whenever one query built a value too large for the heap (a string doubled 30 times).
];

/** Bytes in a JVM size such as 512m, 1g or 1536M; undefined when it does not read as one. */
export function parseJvmSize(size: string): number | undefined {
  const m = /^(\d+)([kmgt]?)b?$/i.exec(size.trim());
  if (!m) return undefined;
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }[(m[2] ?? '').toLowerCase()] ?? 1;
  return Number(m[1]) * unit;
}

export interface TransactionMemory {
  /** db.memory.transaction.max: what one transaction may hold. */
  perTransaction: string;
  /** dbms.memory.transaction.total.max: what all running transactions may hold together. */
  total: string;
}

/**
 * Neo4j's transaction memory limits sized to the heap: all transactions together at most half of it (the
 * rest is for Neo4j itself, the query caches and Bolt buffers), one transaction at most a quarter, so one
 * hostile query cannot starve the others. Neo4j refuses limits under about 1 MB.
 */
export function transactionMemoryFor(heap: string): TransactionMemory {
  const bytes = parseJvmSize(heap);
  if (bytes === undefined)
    throw new LocalNeo4jError(`NEO4J_HEAP=${heap} is not a JVM size such as 1g or 768m`);
  const mb = (n: number) => `${Math.max(8, Math.floor(n / 1024 ** 2))}m`;
  return { perTransaction: mb(bytes / 4), total: mb(bytes / 2) };
}

const OTHER_NEO4J_HINT =
  'Any other Neo4j 5 works too: set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD (and NEO4J_DATABASE), e.g. ' +
  'Docker `docker run -p 7687:7687 -e NEO4J_AUTH=neo4j/apec-kg-local neo4j:5` with NEO4J_URI=bolt://127.0.0.1:7687, ' +
  'Neo4j Desktop, or Aura with NEO4J_URI=neo4j+s://<id>.databases.neo4j.io.';

export interface LocalNeo4jOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  password?: string;
  /** How long to wait for Bolt to answer once the JVM runs (a first download of the jars comes on top). */
  timeoutMs?: number;
  /** JVM heap, e.g. '1g' (NEO4J_HEAP). */
  heap?: string;
  /** Page cache size, e.g. '128m' (NEO4J_PAGECACHE). */
  pageCache?: string;
  /** Keep running after this process exits (the CLI); otherwise the database exits with its parent. */
  detached?: boolean;
  log?: (line: string) => void;
}

export interface LocalNeo4j {
  uri: string;
  user: string;
  password: string;
  pid: number;
  dataDir: string;
  logFile: string;
  /** True when a database was already running on that data folder and was reused. */
  alreadyRunning: boolean;
  startupMs: number;
  /**
   * Settles when the process ends, for whatever reason (stop() included), with how it ended and the last
   * lines it logged: what a supervisor needs to say why it restarts it.
   */
  exited: Promise<string>;
  stop(): Promise<void>;
}

export interface LocalNeo4jState {
  pid: number;
  host: string;
  port: number;
  uri: string;
  startedAt: string;
  logFile: string;
}

/** Something needed to run the local database is missing or it did not come up; the message says what to do. */
export class LocalNeo4jError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalNeo4jError';
  }
}

const stateFile = (dataDir: string) => join(dataDir, 'apec-neo4j.json');
const pidFile = (dataDir: string) => join(dataDir, 'neo4j.pid');
const logFileOf = (dataDir: string) => join(dataDir, 'neo4j.log');

export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function isPortFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.once('error', () => resolveFree(false));
    server.listen(port, host, () => server.close(() => resolveFree(true)));
  });
}

function javaCommand(): string {
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin/java') : 'java';
}

/** Java 17+ must be there; the message says how to get it or how to use another Neo4j instead. */
export function checkJava(): number {
  const out = spawnSync(javaCommand(), ['-version'], { encoding: 'utf8' });
  if (out.error || out.status !== 0) {
    throw new LocalNeo4jError(
      `Java 17 or newer is needed to run the local Neo4j, and \`${javaCommand()} -version\` failed ` +
        `(${out.error?.message ?? out.stderr.trim()}). Install it (Debian: apt-get install openjdk-17-jre-headless). ` +
        OTHER_NEO4J_HINT,
    );
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(out.stderr);
  const major = match ? Number(match[1] === '1' ? match[2] : match[1]) : 0;
  if (major < 17) {
    throw new LocalNeo4jError(
      `Java 17 or newer is needed to run Neo4j 5.26, found: ${out.stderr.split('\n')[0]}. ${OTHER_NEO4J_HINT}`,
    );
  }
  return major;
}

function pomDigest(): string {
  return createHash('sha256').update(readFileSync(POM)).digest('hex').slice(0, 16);
}

/** Resolves the Neo4j jars with Maven into LIB_DIR once; later calls reuse them while the pom is unchanged. */
export async function ensureNeo4jJars(log: (line: string) => void = () => {}): Promise<string> {
  const digest = pomDigest();
  const marker = join(LIB_DIR, LIB_MARKER);
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === digest) return LIB_DIR;

  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error || mvn.status !== 0) {
    throw new LocalNeo4jError(
      'Maven is needed once to download the Neo4j jars into .cache/neo4j/lib, and `mvn -v` failed. ' +
        `Install it (Debian: apt-get install maven). ${OTHER_NEO4J_HINT}`,
    );
  }
  const staging = `${LIB_DIR}.tmp-${process.pid}`;
  const attempts = 4;
  for (let attempt = 1; ; attempt++) {
    rmSync(staging, { recursive: true, force: true });
    log(`Resolving Neo4j jars with Maven into ${LIB_DIR} (attempt ${attempt} of ${attempts}, ~120 MB)...`);
    const code = await runToCompletion('mvn', [
      '-B',
      '-q',
      '-f',
      POM,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${staging}`,
      '-DincludeScope=runtime',
      '-Dmaven.wagon.http.retryHandler.count=3',
    ]);
    if (code.status === 0) break;
    if (attempt === attempts) {
      rmSync(staging, { recursive: true, force: true });
      throw new LocalNeo4jError(
        `Maven could not resolve the Neo4j jars after ${attempts} attempts:\n${tail(code.output, 30)}\n${OTHER_NEO4J_HINT}`,
      );
    }
    // Maven Central answers bursts with 429; waiting and retrying is what it asks for.
    await delay(5000 * attempt);
  }
  writeFileSync(join(staging, LIB_MARKER), `${digest}\n`);
  installStagedDir(staging, LIB_DIR, digest);
  return LIB_DIR;
}

/**
 * Moves a finished download into place with renames only, so two processes resolving the jars at the same
 * time cannot delete jars the other already uses: the first rename wins, and a later one finding the same
 * version there discards its own copy. Only a stale version (another pom) is moved aside and replaced.
 */
export function installStagedDir(staging: string, target: string, digest: string): void {
  const marker = join(target, LIB_MARKER);
  const current = () => existsSync(marker) && readFileSync(marker, 'utf8').trim() === digest;
  mkdirSync(dirname(target), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    if (current()) {
      rmSync(staging, { recursive: true, force: true });
      return;
    }
    if (existsSync(target)) {
      const aside = `${target}.old-${process.pid}-${attempt}`;
      try {
        renameSync(target, aside);
        rmSync(aside, { recursive: true, force: true });
      } catch {
        // Another process moved it first.
      }
    }
    try {
      renameSync(staging, target);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
    }
  }
  throw new LocalNeo4jError(`Could not move ${staging} to ${target}: another process keeps replacing it`);
}

function runToCompletion(cmd: string, args: string[]): Promise<{ status: number; output: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('error', (error) => resolveRun({ status: 1, output: `${output}\n${error.message}` }));
    child.on('close', (status) => resolveRun({ status: status ?? 1, output }));
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A recycled pid belonging to something else must not be mistaken for our database.
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync(cmdline)) return true;
  try {
    return readFileSync(cmdline, 'utf8').includes('Launcher.java');
  } catch {
    return false;
  }
}

/** What runs on that data folder, if anything. */
export function localNeo4jStatus(
  dataDir = DEFAULT_DATA_DIR,
): (LocalNeo4jState & { running: boolean }) | undefined {
  const file = stateFile(dataDir);
  if (!existsSync(file)) return undefined;
  const state = JSON.parse(readFileSync(file, 'utf8')) as LocalNeo4jState;
  return { ...state, running: isAlive(state.pid) };
}

export async function startLocalNeo4j(opts: LocalNeo4jOptions = {}): Promise<LocalNeo4j> {
  const started = performance.now();
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? DEFAULT_LOCAL_PORT;
  const dataDir = resolve(opts.dataDir ?? DEFAULT_DATA_DIR);
  const password = opts.password ?? DEFAULT_LOCAL_PASSWORD;
  const timeoutMs = opts.timeoutMs ?? 180_000;
  const log = opts.log ?? (() => {});
  const logFile = logFileOf(dataDir);

  const existing = localNeo4jStatus(dataDir);
  if (existing?.running) {
    const uri = existing.uri;
    await waitForBolt({ uri, password, timeoutMs, logFile });
    return handle(
      existing.pid,
      uri,
      password,
      dataDir,
      logFile,
      true,
      started,
      watchPid(existing.pid, logFile),
    );
  }

  checkJava();
  const lib = await ensureNeo4jJars(log);
  if (!(await isPortFree(port, host))) {
    throw new LocalNeo4jError(
      `Port ${host}:${port} is already in use (another Neo4j?). Choose another with --port / NEO4J_PORT, ` +
        'or use the database that listens there through NEO4J_URI.',
    );
  }
  mkdirSync(dataDir, { recursive: true });
  const logOffset = existsSync(logFile) ? statSync(logFile).size : 0;
  const out = openSync(logFile, 'a');
  const heap = opts.heap ?? process.env.NEO4J_HEAP ?? '1g';
  const txMemory = transactionMemoryFor(heap);
  const args = [
    // A fixed heap size: Neo4j warns about a computed initial heap, and resizing costs time under load.
    `-Xms${heap}`,
    `-Xmx${heap}`,
    ...JVM_FLAGS,
    ...(process.env.NEO4J_JAVA_OPTS ?? '').split(/\s+/).filter(Boolean),
    '-cp',
    join(lib, '*'),
    LAUNCHER,
    '--data',
    dataDir,
    '--host',
    host,
    '--port',
    String(port),
    '--pagecache',
    opts.pageCache ?? process.env.NEO4J_PAGECACHE ?? '128m',
    '--tx-memory',
    txMemory.perTransaction,
    '--tx-memory-total',
    txMemory.total,
  ];
  if (!opts.detached) args.push('--parent-pid', String(process.pid));
  log(`Starting Neo4j on bolt://${host}:${port} (data ${dataDir}, log ${logFile})...`);
  let child: ChildProcess;
  try {
    child = spawn(javaCommand(), args, {
      cwd: REPO_ROOT,
      detached: opts.detached ?? false,
      stdio: ['ignore', out, out],
      env: { ...process.env, NEO4J_PASSWORD: password },
    });
  } finally {
    closeSync(out);
  }
  const pid = child.pid;
  if (pid === undefined) throw new LocalNeo4jError(`Could not start ${javaCommand()}; see ${logFile}`);
  let exited: string | undefined;
  const exitedPromise = new Promise<string>((resolveExit) => {
    child.on('exit', (code, signal) => {
      exited = `exited with ${signal ?? `code ${code}`}`;
      resolveExit(`${exited}. Last lines of ${logFile}:\n${tail(logSince(logFile, logOffset), 15)}`);
    });
  });
  if (opts.detached) child.unref();

  const uri = `bolt://${host}:${port}`;
  const state: LocalNeo4jState = { pid, host, port, uri, startedAt: new Date().toISOString(), logFile };
  writeFileSync(stateFile(dataDir), `${JSON.stringify(state, null, 2)}\n`);
  writeFileSync(pidFile(dataDir), `${pid}\n`);
  try {
    await waitForBolt({ uri, password, timeoutMs, logFile, logOffset, exited: () => exited });
  } catch (error) {
    if (!exited) await stopPid(pid, 30_000);
    removeState(dataDir);
    throw error;
  }
  return handle(pid, uri, password, dataDir, logFile, false, started, exitedPromise);
}

/** A process not started here gives no exit event; its pid is checked every second instead. */
function watchPid(pid: number, logFile: string): Promise<string> {
  return new Promise((resolveExit) => {
    const timer = setInterval(() => {
      if (isAlive(pid)) return;
      clearInterval(timer);
      resolveExit(`is gone (pid ${pid}). Last lines of ${logFile}:\n${logTail(logFile, 15)}`);
    }, 1000);
    timer.unref();
  });
}

function handle(
  pid: number,
  uri: string,
  password: string,
  dataDir: string,
  logFile: string,
  alreadyRunning: boolean,
  started: number,
  exited: Promise<string>,
): LocalNeo4j {
  return {
    exited,
    uri,
    user: DEFAULT_USER,
    password,
    pid,
    dataDir,
    logFile,
    alreadyRunning,
    startupMs: Math.round(performance.now() - started),
    stop: async () => {
      await stopPid(pid, 60_000);
      removeState(dataDir);
    },
  };
}

interface WaitOptions {
  uri: string;
  password: string;
  timeoutMs: number;
  logFile: string;
  /** For a process started here: where its output starts in the log, to wait for its ready line. */
  logOffset?: number;
  exited?: () => string | undefined;
}

/**
 * Bolt answers before the launcher has set the password of a new data folder, so a process started here
 * must also have printed its ready line; only then does a refused password mean a wrong one.
 */
async function waitForBolt({
  uri,
  password,
  timeoutMs,
  logFile,
  logOffset,
  exited,
}: WaitOptions): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'none';
  while (Date.now() < deadline) {
    const gone = exited?.();
    if (gone) {
      throw new LocalNeo4jError(
        `Neo4j ${gone} before Bolt answered. Last lines of ${logFile}:\n${logTail(logFile)}`,
      );
    }
    if (logOffset !== undefined && !logSince(logFile, logOffset).includes('APEC_NEO4J_READY')) {
      lastError = 'not ready yet';
      await delay(250);
      continue;
    }
    const driver = createDriver({ uri, user: DEFAULT_USER, password });
    try {
      await driver.verifyConnectivity();
      return;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      if (/unauthorized|authentication/i.test(lastError)) {
        throw new LocalNeo4jError(
          `Neo4j at ${uri} is up but refused the password: the data folder keeps the password of its first ` +
            'start. Use that one (NEO4J_PASSWORD) or start with an empty data folder.',
        );
      }
    } finally {
      await driver.close();
    }
    await delay(500);
  }
  throw new LocalNeo4jError(
    `Neo4j did not answer on ${uri} within ${Math.round(timeoutMs / 1000)} s (last error: ${lastError}). ` +
      `Last lines of ${logFile}:\n${logTail(logFile)}`,
  );
}

/** Sends SIGTERM so the shutdown hook closes the store cleanly; SIGKILL only if that hangs. */
async function stopPid(pid: number, timeoutMs: number): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      break;
    }
    await delay(200);
  }
}

/** Stops the database running on that data folder; false when none was running. */
export async function stopLocalNeo4j(dataDir = DEFAULT_DATA_DIR, timeoutMs = 60_000): Promise<boolean> {
  const status = localNeo4jStatus(dataDir);
  if (!status?.running) {
    removeState(dataDir);
    return false;
  }
  await stopPid(status.pid, timeoutMs);
  removeState(dataDir);
  return true;
}

function removeState(dataDir: string): void {
  rmSync(stateFile(dataDir), { force: true });
  rmSync(pidFile(dataDir), { force: true });
}

function logSince(logFile: string, offset: number): string {
  if (!existsSync(logFile)) return '';
  return readFileSync(logFile).subarray(offset).toString('utf8');
}

export function logTail(logFile: string, lines = 25): string {
  if (!existsSync(logFile)) return '(no log file)';
  return tail(readFileSync(logFile, 'utf8'), lines);
}

function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
