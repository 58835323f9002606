import { describe, expect, it } from 'vitest';
import { shortLabel } from '../../src/app/graph/reducers.js';

describe('shortLabel', () => {
  it('keeps short names whole', () => {
    expect(shortLabel('Chinese Taipei')).toBe('Chinese Taipei');
    expect(shortLabel('中華台北')).toBe('中華台北');
  });

  it('cuts long names with an ellipsis, counting CJK characters as double width', () => {
    const en = shortLabel('ASEAN–Ibero-American Data Protection Network guide on model contractual clauses');
    expect(en.endsWith('…')).toBe(true);
    expect(en.length).toBeLessThanOrEqual(31);
    const zh = shortLabel('專題交流：如何應對新興科技（如 AI 聊天機器人）所帶來的資料隱私挑戰');
    expect(zh.endsWith('…')).toBe(true);
    expect([...zh].length).toBeLessThan(18);
  });
});
