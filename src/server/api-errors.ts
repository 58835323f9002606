// Every failure of the API leaves as `{error: {code, message}}` with a status that says whose fault it is.
import type { FastifyError } from 'fastify';
import { Neo4jError } from 'neo4j-driver';
import type { ApiErrorBody } from '../model/api-types.js';
import { QueryDeadlineError, QueryRefusedError } from '../neo4j/read-only.js';
import { DatabaseUnavailableError } from './neo4j-connection.js';

export interface ErrorPosition {
  line: number;
  column: number;
  offset: number;
}

export type { ApiErrorBody } from '../model/api-types.js';

export class ApiError extends Error {
  /** Sent with the answer (e.g. Retry-After with a 429). */
  readonly headers: Record<string, string> = {};
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly position?: ErrorPosition,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  body(): ApiErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.position ? { position: this.position } : {}),
      },
    };
  }
}

/** Neo4j reports where a syntax error is as "(line 1, column 8 (offset: 7))". */
export function syntaxPosition(message: string): ErrorPosition | undefined {
  const m = /line (\d+), column (\d+) \(offset: (\d+)\)/.exec(message);
  return m ? { line: Number(m[1]), column: Number(m[2]), offset: Number(m[3]) } : undefined;
}

const FASTIFY_CODES: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'BODY_TOO_LARGE',
    message: 'The request body is too large.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'INVALID_JSON',
    message: 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'INVALID_JSON', message: 'The request body is empty.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Send the query as JSON (Content-Type: application/json).',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'BAD_CONTENT_LENGTH',
    message: 'The Content-Length header does not match the body.',
  },
};

/** Neo4j errors that mean "not allowed" rather than "wrong". */
function isForbidden(code: string): boolean {
  return code.startsWith('Neo.ClientError.Security.') || code === 'Neo.ClientError.Statement.AccessMode';
}

const NARROW_IT =
  'Narrow it: add LIMIT, match fewer nodes (a label, a property, an id), bound variable-length paths ' +
  '(e.g. [*..4]), and avoid collecting or multiplying whole match results (MATCH (a), (b) without a link ' +
  'between them multiplies every a by every b).';

/** Neo4j codes meaning the query needed more memory than a transaction may hold. */
const MEMORY_CODES = new Set([
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.TransientError.General.TransactionMemoryLimit',
  'Neo.TransientError.General.OutOfMemoryError',
  'Neo.TransientError.General.StackOverFlowError',
]);

/** Neo4j codes meaning the query ran past its time (or was stopped because of it). */
const TIME_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.Terminated',
  'Neo.TransientError.Transaction.LockClientStopped',
]);

/** 422: the query is valid but too expensive to answer here; the message says how to make it cheaper. */
export function tooExpensive(kind: 'memory' | 'time', code: string, timeoutMs?: number): ApiError {
  const what =
    kind === 'memory'
      ? 'The query needs more memory than one query may use on this server.'
      : `The query ran longer than ${timeoutMs ? `${timeoutMs / 1000} s, ` : ''}the time one query may take, and was stopped.`;
  return new ApiError(422, code, `${what} ${NARROW_IT}`);
}

/** Turns anything thrown while serving a request into the status and body the client sees. */
export function toApiError(err: unknown, bodyLimit?: number, timeoutMs?: number): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof DatabaseUnavailableError) return new ApiError(503, err.code, err.message);
  if (err instanceof QueryRefusedError) return new ApiError(403, err.code, err.message);
  if (err instanceof QueryDeadlineError) return tooExpensive('time', err.code, err.timeoutMs);
  if (err instanceof Neo4jError) {
    const position = syntaxPosition(err.message);
    if (/Connection acquisition timed out/i.test(err.message)) {
      return new ApiError(
        503,
        'NEO4J_BUSY',
        'Every connection to Neo4j is busy with long-running queries; try again in a few seconds.',
      );
    }
    if (MEMORY_CODES.has(err.code)) return tooExpensive('memory', err.code);
    if (TIME_CODES.has(err.code)) return tooExpensive('time', err.code, timeoutMs);
    if (err.code.startsWith('Neo.ClientError.')) {
      return new ApiError(isForbidden(err.code) ? 403 : 400, err.code, err.message, position);
    }
    if (err.code.startsWith('Neo.TransientError.Transaction.'))
      return new ApiError(400, err.code, err.message);
    return new ApiError(500, err.code || 'NEO4J_ERROR', 'Neo4j could not run the query.');
  }
  const fe = err as Partial<FastifyError>;
  const known = fe.code ? FASTIFY_CODES[fe.code] : undefined;
  if (known) {
    const limit =
      known.status === 413 && bodyLimit ? ` The limit is ${Math.round(bodyLimit / 1024)} KB.` : '';
    return new ApiError(known.status, known.code, known.message + limit);
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new ApiError(fe.statusCode, fe.code ?? 'BAD_REQUEST', fe.message ?? 'Bad request.');
  }
  return new ApiError(500, 'INTERNAL', 'Internal server error.');
}
