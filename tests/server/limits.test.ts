// The pure parts of the query limits: params caps, answer byte budget, error statuses, memory sizing.
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { parseJvmSize, transactionMemoryFor } from '../../src/neo4j/local-server.js';
import { QueryDeadlineError } from '../../src/neo4j/read-only.js';
import { ByteBudget, GraphCollector, toPlain } from '../../src/neo4j/to-json.js';
import { toApiError } from '../../src/server/api-errors.js';
import { checkParams, MAX_PARAM_DEPTH, MAX_PARAM_VALUES } from '../../src/server/query-route.js';

function nest(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('params caps', () => {
  it('accept ordinary params, refuse too deep and too many, without recursion', () => {
    expect(checkParams({ id: 'TWN', ids: ['AUS', 'JPN'], m: { a: [1, 2] } })).toBeUndefined();
    expect(checkParams({ p: nest(MAX_PARAM_DEPTH - 1) })).toBeUndefined();
    expect(checkParams({ p: nest(MAX_PARAM_DEPTH + 1) })).toMatch(/more than 32 levels deep/);
    expect(checkParams({ p: nest(100_000) })).toMatch(/levels deep/);
    expect(checkParams({ p: Array.from({ length: MAX_PARAM_VALUES + 1 }, () => 0) })).toMatch(
      /more than 10,000/,
    );
  });
});

describe('the byte budget of an answer', () => {
  it('cuts a long list and a long string once the budget is spent, and says so', () => {
    const graph = new GraphCollector(new ByteBudget(1000));
    const list = toPlain(
      Array.from({ length: 100_000 }, (_, i) => `value ${i}`),
      graph,
    ) as string[];
    expect(list.length).toBeGreaterThan(10);
    expect(list.length).toBeLessThan(200);
    expect(graph.budget.cut).toBe(true);

    const strings = new GraphCollector(new ByteBudget(100));
    const cut = toPlain('x'.repeat(10_000), strings) as string;
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(strings.budget.cut).toBe(true);
  });

  it('leaves an answer within the budget whole', () => {
    const graph = new GraphCollector(new ByteBudget(10_000));
    expect(toPlain({ a: [1, 2, 3], b: 'text' }, graph)).toEqual({ a: [1, 2, 3], b: 'text' });
    expect(graph.budget.cut).toBe(false);
  });
});

describe('error statuses', () => {
  const neo = (code: string, message = 'x') => new Neo4jError(message, code, '50N42', '');
  it('say too expensive (422) with how to narrow, for memory and time', () => {
    for (const err of [
      neo('Neo.TransientError.General.MemoryPoolOutOfMemoryError'),
      neo('Neo.TransientError.General.OutOfMemoryError'),
      neo('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'),
      new QueryDeadlineError(5000),
    ]) {
      const api = toApiError(err, undefined, 5000);
      expect(api.status).toBe(422);
      expect(api.message).toMatch(/Narrow it/);
    }
  });

  it('tell a bad query (400), a busy pool (503) and a database fault (500) apart', () => {
    expect(toApiError(neo('Neo.ClientError.Statement.SyntaxError')).status).toBe(400);
    expect(toApiError(neo('N/A', 'Connection acquisition timed out in 20000 ms.')).status).toBe(503);
    expect(toApiError(neo('Neo.DatabaseError.General.UnknownError')).status).toBe(500);
  });
});

describe('transaction memory of the embedded Neo4j', () => {
  it('is sized to the heap: a quarter per transaction, half in all', () => {
    expect(parseJvmSize('1g')).toBe(1024 ** 3);
    expect(parseJvmSize('768m')).toBe(768 * 1024 ** 2);
    expect(parseJvmSize('lots')).toBeUndefined();
    expect(transactionMemoryFor('1g')).toEqual({ perTransaction: '256m', total: '512m' });
    expect(transactionMemoryFor('2g')).toEqual({ perTransaction: '512m', total: '1024m' });
    expect(() => transactionMemoryFor('lots')).toThrow(/NEO4J_HEAP=lots/);
  });
});
