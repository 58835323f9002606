// The console's pure state: parameters sent, saved-query groups, highlights and result files.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { QueryResult, SavedQuery } from '../../src/app/api.js';
import { cellText, resultToCsv, resultToJson } from '../../src/app/console/result-export.js';
import {
  errorHeadline,
  groupSaved,
  isNodeParam,
  resultHighlight,
  sentParams,
} from '../../src/app/console/state.js';

const q = (id: string, category: SavedQuery['category'], params: SavedQuery['params'] = []): SavedQuery => ({
  id,
  category,
  title: { en: id, zh: id },
  description: { en: '', zh: '' },
  cypher: 'RETURN 1',
  params,
});

const result: QueryResult = {
  columns: ['e', 'a', 'names', 'n'],
  rows: [
    [
      { id: 'TWN', labels: ['Economy'], properties: {} },
      { id: 'r1', type: 'ATTENDED', source: 'TWN', target: 'mtg', properties: {} },
      ['中華台北', 'Chinese Taipei, "TPE"'],
      3,
    ],
    [null, null, [], 0],
  ],
  graph: {
    nodes: [
      { id: 'TWN', labels: ['Economy'], properties: {} },
      { id: 'ghost', labels: ['Economy'], properties: {} },
    ],
    edges: [{ id: 'r1', type: 'ATTENDED', source: 'TWN', target: 'mtg', properties: {} }],
  },
  truncated: false,
  timeMs: 3,
};

describe('console state', () => {
  it('sends typed values, else the saved defaults, only for names in the query', () => {
    const saved = q('s', 'paths', [
      { name: 'from', default: 'TWN', description: { en: '', zh: '' } },
      { name: 'to', default: 'cbpr', description: { en: '', zh: '' } },
    ]);
    expect(sentParams(['from', 'to'], { to: 'USA', other: 1 }, saved)).toEqual({ from: 'TWN', to: 'USA' });
    expect(sentParams(['x'], {}, saved)).toEqual({});
  });

  it('groups saved queries by category in server order', () => {
    const groups = groupSaved([
      q('a', 'coverage'),
      q('b', 'paths'),
      q('c', 'coverage'),
      q('d', '' as SavedQuery['category']),
    ]);
    expect(groups.map(([c, qs]) => [c, qs.map((x) => x.id)])).toEqual([
      ['coverage', ['a', 'c']],
      ['paths', ['b']],
      ['other', ['d']],
    ]);
  });

  it('highlights what exists on the graph, with the ends of its edges', () => {
    const g = {
      hasNode: (id: string) => id === 'TWN' || id === 'mtg',
      hasEdge: (id: string) => id === 'r1',
      extremities: (): [string, string] => ['TWN', 'mtg'],
    };
    expect(resultHighlight(result, g)).toEqual({ nodes: ['TWN', 'mtg'], edges: ['r1'] });
    expect(resultHighlight(result, { ...g, hasNode: () => false, hasEdge: () => false })).toBeNull();
  });

  it('names error headlines', () => {
    expect(errorHeadline({ kind: 'refused', code: 'x', message: '' })).toEqual({ key: 'console.refused' });
    expect(
      errorHeadline({ kind: 'syntax', code: 'x', message: '', position: { line: 2, column: 5, offset: 9 } }),
    ).toEqual({ key: 'console.syntax', vars: { line: 2, column: 5 } });
  });

  it('gives node pickers to parameters that name nodes', () => {
    const has = (id: string) => id === 'TWN' || id === 'cbpr';
    expect(isNodeParam('economy', undefined, 'TWN', has)).toBe(true);
    expect(isNodeParam('x', 'cbpr', 3, has)).toBe(true);
    expect(isNodeParam('limit', 5, 5, has)).toBe(false);
    expect(isNodeParam('sessions', ['a'], ['a'], has)).toBe(false);
  });
});

describe('result files', () => {
  it('CSV: one column per result column, nodes by id, relationships as arrows, lists joined', () => {
    const rows = parse(resultToCsv(result)) as string[][];
    expect(rows).toEqual([
      ['e', 'a', 'names', 'n'],
      ['TWN', 'TWN-ATTENDED->mtg', '中華台北; Chinese Taipei, "TPE"', '3'],
      ['', '', '', '0'],
    ]);
    expect(cellText({ a: 1 })).toBe('{"a":1}');
  });

  it('JSON: the query, its parameters and rows keyed by column', () => {
    const json = JSON.parse(resultToJson(result, 'MATCH (e) RETURN e', { from: 'TWN' }));
    expect(json.cypher).toBe('MATCH (e) RETURN e');
    expect(json.params).toEqual({ from: 'TWN' });
    expect(json.rows[0].n).toBe(3);
    expect(json.rows[0].e.id).toBe('TWN');
    expect(json.rows).toHaveLength(2);
  });
});
