// Keeps the embedded Neo4j that `npm start` runs alive: when its process dies for any reason other than our
// own stop (a crash, an OOM kill, someone's `kill -9`), the cause goes to the log and it is started again on
// the same port and data folder, with a growing pause between attempts so a database that cannot start does
// not spin. The server reads `state` to tell the page what is going on.
import { setTimeout as delay } from 'node:timers/promises';
import type { LocalNeo4j } from './local-server.js';

/** starting: first start (and load) under way; ready: answering; restarting: died, coming back; stopped. */
export type SupervisedState = 'starting' | 'ready' | 'restarting' | 'failed' | 'stopped';

export interface SupervisorOptions {
  /** Starts the database (and waits for Bolt); called again for every restart. */
  start: () => Promise<LocalNeo4j>;
  /** Runs once after the first successful start, before the state becomes ready (the load of graph/). */
  afterFirstStart?: (db: LocalNeo4j) => Promise<void>;
  log: (line: string) => void;
  /** First pause before a restart; doubled after each failed attempt up to maxBackoffMs. */
  firstBackoffMs?: number;
  maxBackoffMs?: number;
  /** A process that ran this long resets the pause to firstBackoffMs. */
  stableAfterMs?: number;
}

export class Neo4jSupervisor {
  state: SupervisedState = 'starting';
  /** Why the state is not ready, for /api/health. */
  message = 'The embedded Neo4j is starting.';
  restarts = 0;
  current: LocalNeo4j | undefined;
  private stopping = false;
  private readonly firstUp: Promise<LocalNeo4j>;
  private wake: (() => void) | undefined;
  private watcher: Promise<void> = Promise.resolve();

  constructor(private readonly opts: SupervisorOptions) {
    this.firstUp = this.run();
    // The first start's failure is reported through whenFirstUp(); keep Node from calling it unhandled.
    this.firstUp.catch(() => undefined);
  }

  /** The first start (and afterFirstStart); rejects when it fails, and then nothing is restarted. */
  whenFirstUp(): Promise<LocalNeo4j> {
    return this.firstUp;
  }

  private async run(): Promise<LocalNeo4j> {
    let db: LocalNeo4j;
    try {
      db = await this.opts.start();
      this.current = db;
      if (this.stopping) return db;
      await this.opts.afterFirstStart?.(db);
    } catch (err) {
      this.state = 'failed';
      this.message = err instanceof Error ? err.message : String(err);
      throw err;
    }
    if (!this.stopping) {
      this.state = 'ready';
      this.message = 'Connected to Neo4j.';
      this.watcher = this.watch(db);
    }
    return db;
  }

  private async watch(first: LocalNeo4j): Promise<void> {
    const firstBackoff = this.opts.firstBackoffMs ?? 1000;
    const maxBackoff = this.opts.maxBackoffMs ?? 30_000;
    const stableAfter = this.opts.stableAfterMs ?? 60_000;
    let db = first;
    let backoff = firstBackoff;
    let upSince = Date.now();
    for (;;) {
      const cause = await db.exited;
      if (this.stopping) return;
      if (Date.now() - upSince >= stableAfter) backoff = firstBackoff;
      this.state = 'restarting';
      this.message = `The embedded Neo4j stopped unexpectedly and is being restarted (attempt ${this.restarts + 1}).`;
      this.opts.log(`The embedded Neo4j ${cause}\nRestarting it in ${Math.round(backoff / 1000)} s.`);
      for (;;) {
        await this.pause(backoff);
        if (this.stopping) return;
        this.restarts += 1;
        try {
          db = await this.opts.start();
          this.current = db;
          break;
        } catch (err) {
          backoff = Math.min(maxBackoff, backoff * 2);
          this.opts.log(
            `Restarting the embedded Neo4j failed: ${err instanceof Error ? err.message : String(err)}\n` +
              `Trying again in ${Math.round(backoff / 1000)} s.`,
          );
        }
      }
      if (this.stopping) {
        await db.stop();
        return;
      }
      this.opts.log(`The embedded Neo4j is back at ${db.uri} (restart ${this.restarts}).`);
      this.state = 'ready';
      this.message = 'Connected to Neo4j.';
      upSince = Date.now();
      backoff = Math.min(maxBackoff, backoff * 2);
    }
  }

  /** A pause that stop() cuts short. */
  private async pause(ms: number): Promise<void> {
    const ac = new AbortController();
    this.wake = () => ac.abort();
    await delay(ms, undefined, { signal: ac.signal }).catch(() => undefined);
    this.wake = undefined;
  }

  /** Settles when the supervisor has stopped watching (after stop(), once no restart can follow). */
  finished(): Promise<void> {
    return this.watcher;
  }

  /** Stops the database for good: an exit caused by this is not restarted. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.state = 'stopped';
    this.message = 'The embedded Neo4j was stopped.';
    this.wake?.();
    const db = this.current ?? (await this.firstUp.catch(() => undefined));
    if (db && !db.alreadyRunning) await db.stop();
  }
}
