// The server's side of query-worker.ts: one worker thread with a bounded heap runs the read-only queries; if
// an answer is too large for it, the worker dies, the queries it was running fail with 422, and the next
// query starts a new one. The server's own memory never holds more than the byte cap of an answer.
import { Worker } from 'node:worker_threads';
import { Neo4jError } from 'neo4j-driver';
import type { Neo4jConfig } from '../neo4j/config.js';
import {
  DEADLINE_GRACE_MS,
  DEFAULT_TIMEOUT_MS,
  QueryDeadlineError,
  QueryRefusedError,
  type ReadOnlyOptions,
} from '../neo4j/read-only.js';
import { ApiError } from './api-errors.js';
import type { WorkerError, WorkerReply, WorkerRequest } from './query-worker.js';

/** Heap of the query worker (QUERY_WORKER_HEAP_MB): bounds what one answer can cost before it is cut. */
export const DEFAULT_WORKER_HEAP_MB = 128;
/** The worker enforces the deadline itself, unless decoding a huge record blocks it: then this side does. */
const WORKER_DEADLINE_SLACK_MS = 200;

interface Pending {
  resolve: (json: Buffer) => void;
  reject: (error: unknown) => void;
  /** For a query abandoned at its deadline: called once the database has let go of it. */
  settle?: () => void;
}

export class AnswerTooLargeError extends ApiError {
  constructor(heapMb: number) {
    super(
      422,
      'APEC.AnswerTooLarge',
      `An answer was too large to hold (the server keeps at most ${heapMb} MB for answers being read): this ` +
        "query's or that of a query running beside it; both were stopped. Narrow it: return fewer or smaller " +
        'values (LIMIT, size(list) instead of the list, a property instead of whole nodes).',
    );
  }
}

export class QueryWorkers {
  private worker: Worker | null = null;
  /** Resolves once the current worker has loaded (its start-up is not counted against a query's time). */
  private ready: Promise<void> = Promise.resolve();
  private markReady: () => void = () => {};
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Workers that died of a too-large answer, for the logs and the soak. */
  deaths = 0;

  constructor(
    private readonly config: Neo4jConfig,
    private readonly heapMb = DEFAULT_WORKER_HEAP_MB,
    private readonly log: (line: string) => void = (line) => console.error(line),
  ) {}

  /** The answer as UTF-8 JSON, already cut to the byte cap. */
  async run(cypher: string, params: Record<string, unknown>, opts: ReadOnlyOptions): Promise<Buffer> {
    const worker = this.worker ?? this.spawn();
    await this.ready;
    const id = this.nextId++;
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(
        () => {
          const entry = this.pending.get(id);
          if (!entry || entry.settle) return;
          const error = new QueryDeadlineError(timeoutMs);
          error.settled = new Promise<void>((settle) => {
            entry.settle = settle;
          });
          // Whatever the worker answers later only settles the slot.
          entry.resolve = () => this.settleLate(id);
          entry.reject = () => this.settleLate(id);
          reject(error);
        },
        timeoutMs + DEADLINE_GRACE_MS + WORKER_DEADLINE_SLACK_MS,
      );
      timer.unref();
      const done =
        <T>(fn: (value: T) => void) =>
        (value: T) => {
          clearTimeout(timer);
          fn(value);
        };
      this.pending.set(id, { resolve: done(resolve), reject: done(reject) });
      const request: WorkerRequest = { id, cypher, params, opts };
      worker.postMessage(request);
    });
  }

  private settleLate(id: number): void {
    const entry = this.pending.get(id);
    this.pending.delete(id);
    entry?.settle?.();
  }

  /** Starts the worker ahead of the first query. */
  warm(): void {
    if (!this.worker) this.spawn();
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage('close');
    // A worker busy decoding a huge answer is not waited for.
    const timer = setTimeout(() => void worker.terminate(), 5000);
    await exited;
    clearTimeout(timer);
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./query-worker-entry.mjs', import.meta.url), {
      workerData: { config: this.config },
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: 32 },
    });
    worker.unref();
    this.ready = new Promise<void>((resolve) => {
      this.markReady = resolve;
    });
    worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) this.markReady();
      else this.onReply(reply);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        this.deaths += 1;
        this.log(
          `A query answer exceeded the query worker's ${this.heapMb} MB heap; the worker is replaced.`,
        );
      } else {
        this.log(`The query worker failed: ${error.stack ?? error.message}`);
      }
    });
    worker.once('exit', () => {
      this.markReady();
      if (this.worker === worker) this.worker = null;
      this.failAll();
    });
    this.worker = worker;
    return worker;
  }

  private onReply(reply: Exclude<WorkerReply, { ready: true }>): void {
    const entry = this.pending.get(reply.id);
    if (!entry) return;
    if ('settled' in reply) {
      this.pending.delete(reply.id);
      entry.settle?.();
    } else if (reply.ok) {
      this.pending.delete(reply.id);
      entry.resolve(Buffer.from(reply.json.buffer, reply.json.byteOffset, reply.json.byteLength));
    } else if (reply.error.kind === 'deadline') {
      // This side's deadline came first: the caller has its error, and waits for the 'settled' message.
      if (entry.settle) return;
      // Kept until the database lets go of the query, so the caller can hold its slot until then.
      const error = new QueryDeadlineError(reply.error.timeoutMs);
      error.settled = new Promise<void>((resolve) => {
        entry.settle = resolve;
      });
      entry.reject(error);
    } else {
      this.pending.delete(reply.id);
      entry.reject(rebuild(reply.error));
    }
  }

  private failAll(): void {
    for (const [id, entry] of this.pending) {
      this.pending.delete(id);
      entry.settle?.();
      entry.reject(new AnswerTooLargeError(this.heapMb));
    }
  }
}

function rebuild(error: WorkerError): Error {
  switch (error.kind) {
    case 'neo4j':
      return new Neo4jError(error.message, error.code, error.gqlStatus, '');
    case 'refused':
      return new QueryRefusedError(error.code, error.message);
    case 'deadline':
      return new QueryDeadlineError(error.timeoutMs);
    default: {
      const e = new Error(error.message);
      if (error.stack) e.stack = error.stack;
      return e;
    }
  }
}
