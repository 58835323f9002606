// Runs read-only queries in a worker thread with a bounded heap, so that an answer larger than the server
// should hold (the driver decodes a whole record at once, and one record can be a list of millions) costs the
// worker its life, not the server its memory. Answers go back as JSON text already cut to the byte cap.
import { parentPort, workerData } from 'node:worker_threads';
import { Neo4jError } from 'neo4j-driver';
import { createDriver, type Neo4jConfig } from '../neo4j/config.js';
import {
  QueryDeadlineError,
  QueryRefusedError,
  type ReadOnlyOptions,
  runReadOnly,
} from '../neo4j/read-only.js';

export interface WorkerRequest {
  id: number;
  cypher: string;
  params: Record<string, unknown>;
  opts: ReadOnlyOptions;
}

export type WorkerError =
  | { kind: 'neo4j'; code: string; message: string; gqlStatus: string }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'deadline'; timeoutMs: number }
  | { kind: 'other'; message: string; stack?: string };

export type WorkerReply =
  /** The answer's JSON as UTF-8, in a buffer transferred (not copied) to the server's thread. */
  | { id: number; ok: true; json: Uint8Array }
  | { id: number; ok: false; error: WorkerError }
  /** A query abandoned at its deadline has now ended in the database too. */
  | { id: number; settled: true }
  /** Sent once the worker has loaded and listens. */
  | { ready: true };

function describe(error: unknown): WorkerError {
  if (error instanceof QueryDeadlineError) return { kind: 'deadline', timeoutMs: error.timeoutMs };
  if (error instanceof QueryRefusedError)
    return { kind: 'refused', code: error.code, message: error.message };
  if (error instanceof Neo4jError) {
    return { kind: 'neo4j', code: error.code, message: error.message, gqlStatus: error.gqlStatus };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  return { kind: 'other', message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
}

const encoder = new TextEncoder();
const port = parentPort;
if (port) {
  const driver = createDriver((workerData as { config: Neo4jConfig }).config);
  port.on('message', (request: WorkerRequest | 'close') => {
    if (request === 'close') {
      void driver.close().finally(() => port.close());
      return;
    }
    runReadOnly(driver, request.cypher, request.params, request.opts).then(
      (result) => {
        // Encoded here, off the server's thread, into a buffer of its own (not a slice of a shared pool),
        // so that handing it over moves it instead of copying it.
        const json = encoder.encode(JSON.stringify(result));
        port.postMessage({ id: request.id, ok: true, json }, [json.buffer as ArrayBuffer]);
      },
      (error: unknown) => {
        port.postMessage({ id: request.id, ok: false, error: describe(error) });
        if (error instanceof QueryDeadlineError) {
          void error.settled.then(() => port.postMessage({ id: request.id, settled: true }));
        }
      },
    );
  });
  port.postMessage({ ready: true });
}
