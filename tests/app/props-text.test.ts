import { describe, expect, it } from 'vitest';
import { createLocalizer } from '../../src/app/i18n.js';
import { quoteLanguage } from '../../src/app/panels/provenance.js';
import { humanize, propName, propValue } from '../../src/app/props/text.js';

describe('property names and values in the page language', () => {
  const en = createLocalizer('en').t;
  const zh = createLocalizer('zh-Hant').t;

  it('translates known property names and humanises the rest', () => {
    expect(propName(en, 'joinedApec')).toBe('Joined APEC');
    expect(propName(zh, 'joinedApec')).toBe('加入 APEC');
    expect(propName(zh, 'mode')).toBe('出席方式');
    expect(propName(en, 'someNewThing')).toBe('Some new thing');
    expect(humanize('approvalRate2024Percent')).toBe('Approval rate2024 percent');
  });

  it('translates enumerated values, keeps free text and numbers as written', () => {
    expect(propValue(zh, 'in-person')).toBe('實體');
    expect(propValue(zh, 'section chief')).toBe('科長');
    expect(propValue(en, 'in-person')).toBe('in person');
    expect(propValue(zh, true)).toBe('是');
    expect(propValue(zh, ['virtual', 'in-person'])).toBe('視訊, 實體');
    expect(propValue(zh, 'Gyeongju, Korea')).toBe('Gyeongju, Korea');
    expect(propValue(zh, 2025)).toBe('2025');
  });

  it('has every property and value string in both languages', () => {
    const keys = (t: (k: string) => string, k: string) => t(k) !== k;
    for (const k of ['prop.status', 'value.completed', 'value.division director', 'prop.inferred'])
      expect([keys(en, k), keys(zh, k)]).toEqual([true, true]);
  });

  it("names a quote's language", () => {
    expect(quoteLanguage('本次會議共有澳洲', 'zh-Hant')).toBe('zh-Hant');
    expect(quoteLanguage('| Chinese Taipei | TWN |', 'en')).toBe('en');
    expect(quoteLanguage('APEC CBPR', 'zh-Hant')).toBe('en');
  });
});
