// Turns an API error into what the analyst needs: was it refused, wrong, or is the database away, and where.
import { ApiError } from '../api.js';

export type ErrorKind = 'syntax' | 'refused' | 'unavailable' | 'too-large' | 'timeout' | 'other';

export interface ErrorPosition {
  line: number;
  column: number;
  /** 0-based character offset into the query, as Neo4j reports it. */
  offset: number;
}

export interface ConsoleError {
  kind: ErrorKind;
  code: string;
  message: string;
  position?: ErrorPosition;
}

/** Neo4j ends syntax errors with `(line 1, column 8 (offset: 7))`. */
export function errorPosition(message: string): ErrorPosition | undefined {
  const m = /line (\d+), column (\d+) \(offset: (\d+)\)/.exec(message);
  if (!m) return undefined;
  return { line: Number(m[1]), column: Number(m[2]), offset: Number(m[3]) };
}

/**
 * Neo4j quotes the line it failed on. When that line is the query's line with something put in front (the
 * server's read-only check runs `EXPLAIN <query>`), the column is moved back by the length of that prefix.
 */
export function adjustForPrefix(pos: ErrorPosition, message: string, text: string): ErrorPosition {
  const quoted = /\n"(.*)"\n/.exec(message)?.[1];
  const line = text.split('\n')[pos.line - 1];
  if (quoted === undefined || line === undefined || quoted === line || !quoted.endsWith(line)) return pos;
  const shift = quoted.length - line.length;
  return { line: pos.line, column: Math.max(1, pos.column - shift), offset: Math.max(0, pos.offset - shift) };
}

function kindOf(status: number, code: string): ErrorKind {
  if (code.includes('SyntaxError')) return 'syntax';
  if (
    status === 403 ||
    code.startsWith('APEC.') ||
    code.includes('AccessMode') ||
    code.includes('Forbidden')
  ) {
    return 'refused';
  }
  if (status === 503 || status === 0) return 'unavailable';
  if (status === 413) return 'too-large';
  if (code.includes('Timeout') || code.includes('TransactionTimedOut')) return 'timeout';
  return 'other';
}

/** `text` is the query as sent, so a reported position can be mapped back onto it. */
export function toConsoleError(err: unknown, text = ''): ConsoleError {
  if (err instanceof ApiError) {
    const raw = errorPosition(err.message);
    const position = raw && adjustForPrefix(raw, err.message, text);
    return {
      kind: kindOf(err.status, err.code),
      code: err.code,
      message: err.message,
      ...(position ? { position } : {}),
    };
  }
  return { kind: 'other', code: 'client', message: err instanceof Error ? err.message : String(err) };
}
