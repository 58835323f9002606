// What a meeting cell of the coverage matrix shows: in person, virtual, and an attendance whose mode the report
// does not state, which must not pass for in person.
import { describe, expect, it } from 'vitest';
import { cellSymbol } from '../../src/app/coverage/matrix-view.js';
import { type CoverageColumn, MODE_NOT_STATED } from '../../src/model/coverage.js';

const meeting: CoverageColumn = { id: 'm', kind: 'meeting', title: { en: 'M', zh: 'M' } };
const cell = (detail: string) => ({ value: 1, detail, edges: [], nodes: [] });

describe('coverage meeting cells', () => {
  it('mark in person, virtual and mode not stated apart', () => {
    expect(cellSymbol(meeting, cell('in-person'))).toBe('●');
    expect(cellSymbol(meeting, cell('virtual'))).toBe('◐');
    expect(cellSymbol(meeting, cell(MODE_NOT_STATED))).toBe('○');
    expect(cellSymbol(meeting, cell(`in-person+${MODE_NOT_STATED}`))).toBe('●○');
  });

  it('leave a gap empty', () => {
    expect(cellSymbol(meeting, { value: 0, edges: [], nodes: [] })).toBe('');
  });
});
