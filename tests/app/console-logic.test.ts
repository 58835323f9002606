// Pure parts of the Cypher console: completion context, parameters, error positions.
import { describe, expect, it } from 'vitest';
import { colonContext } from '../../src/app/console/cypher-language.js';
import { positionToRange } from '../../src/app/console/editor.js';
import { adjustForPrefix, errorPosition } from '../../src/app/console/errors.js';
import { paramNames, parseParamInput } from '../../src/app/console/params.js';

describe('colonContext', () => {
  it('names a label inside a node pattern and a type inside a relationship pattern', () => {
    expect(colonContext('MATCH (e')).toBe('label');
    expect(colonContext('MATCH (e:Economy)-[a')).toBe('relType');
    expect(colonContext('MATCH (e:Economy)-[a:ATTENDED]->(m')).toBe('label');
    expect(colonContext('MATCH (a)-[r]->(b) WHERE (b')).toBe('label');
  });
});

describe('paramNames', () => {
  it('lists each $name once, in order, ignoring strings and comments', () => {
    const q = "MATCH (a {id: $from}), (b {id: $to}) // $ignored\nWHERE a.name <> '$notParam' RETURN $from";
    expect(paramNames(q)).toEqual(['from', 'to']);
  });
});

describe('parseParamInput', () => {
  it('keeps text for string parameters and parses JSON for others', () => {
    expect(parseParamInput('2025', 'TWN')).toBe('2025');
    expect(parseParamInput('2025', 3)).toBe(2025);
    expect(parseParamInput('["a","b"]', undefined)).toEqual(['a', 'b']);
    expect(parseParamInput('TWN', undefined)).toBe('TWN');
  });
});

describe('error positions', () => {
  const message =
    "Invalid input 'RETRN': expected 'RETURN' (line 1, column 19 (offset: 18))\n\"EXPLAIN MATCH (n) RETRN n\"\n                   ^";

  it('reads the position Neo4j reports', () => {
    expect(errorPosition(message)).toEqual({ line: 1, column: 19, offset: 18 });
    expect(errorPosition('no position here')).toBeUndefined();
  });

  it('moves the column back over a prefix the server added to the quoted line', () => {
    const pos = errorPosition(message);
    expect(pos && adjustForPrefix(pos, message, 'MATCH (n) RETRN n')).toEqual({
      line: 1,
      column: 11,
      offset: 10,
    });
    // The same message for a query that really starts with EXPLAIN is left alone.
    expect(pos && adjustForPrefix(pos, message, 'EXPLAIN MATCH (n) RETRN n')).toEqual(pos);
  });

  it('maps line and column onto the editor text and marks the word there', () => {
    const text = 'MATCH (n)\nRETRN n';
    expect(positionToRange(text, { line: 2, column: 1, offset: 10 })).toEqual({ from: 10, to: 15 });
    // Past the end (unexpected end of input) marks the last character.
    expect(positionToRange('MATCH (n', { line: 1, column: 9, offset: 8 })).toEqual({ from: 7, to: 8 });
  });
});
