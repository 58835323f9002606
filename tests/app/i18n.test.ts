import { describe, expect, it } from 'vitest';
import { CORE_MESSAGES, createLocalizer, MESSAGES, mergeMessages, translate } from '../../src/app/i18n.js';
import { NODE_LABELS } from '../../src/model/types.js';
import { REL_TYPES } from '../../src/model/vocabulary.js';

describe('i18n', () => {
  it('has every English string in Traditional Chinese too, and the reverse', () => {
    const en = Object.keys(MESSAGES.en).sort();
    const zh = Object.keys(MESSAGES['zh-Hant']).sort();
    expect(zh).toEqual(en);
    for (const key of en) expect(MESSAGES['zh-Hant'][key], key).not.toBe('');
  });

  it('names every node label and relationship type of the vocabulary', () => {
    for (const l of NODE_LABELS) expect(CORE_MESSAGES['zh-Hant'][`label.${l}`], l).toBeTruthy();
    for (const r of REL_TYPES) expect(CORE_MESSAGES['zh-Hant'][`rel.${r}`], r).toBeTruthy();
  });

  it('fills placeholders, falls back to English, then to the key', () => {
    const m = mergeMessages({ en: { a: 'A {n}', b: 'only English' }, 'zh-Hant': { a: '甲 {n}' } });
    expect(translate(m, 'zh-Hant', 'a', { n: 3 })).toBe('甲 3');
    expect(translate(m, 'zh-Hant', 'b')).toBe('only English');
    expect(translate(m, 'en', 'missing.key')).toBe('missing.key');
  });

  it('tells listeners when the language changes, once per change', () => {
    const i18n = createLocalizer('en');
    const seen: string[] = [];
    i18n.onChange((l) => seen.push(l));
    i18n.setLang('zh-Hant');
    i18n.setLang('zh-Hant');
    expect(seen).toEqual(['zh-Hant']);
    expect(i18n.t('legend.title')).toBe('節點類型');
    expect(i18n.relName('ATTENDED')).toBe('出席');
  });
});
