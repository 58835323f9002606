// Switching English → 繁體中文 → English in every open view leaves no UI text of the other language behind:
// text nodes, placeholder, aria-label, title and live regions, hidden or not. Data is exempt: an element marked
// `data-content` (node names, quotes, source texts, what the user typed or queried) or carrying a `lang` of its
// own other than the page's (the language buttons name each language in itself).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Lang, MESSAGES } from '../../src/app/i18n.js';
import { type Harness, useHarness } from './harness.js';

interface Leftover {
  where: string;
  text: string;
}

/** Every piece of UI text on the page that is not data, with where it is. */
async function uiTexts(page: Page): Promise<Leftover[]> {
  return page.evaluate(() => {
    const pageLang = document.documentElement.lang;
    const exempt = (el: Element | null): boolean => {
      if (!el) return false;
      if (el.closest('[data-content], script, style, noscript, template')) return true;
      const own = el.closest('[lang]');
      return own !== null && own !== document.documentElement && own.getAttribute('lang') !== pageLang;
    };
    const where = (el: Element): string => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && parts.length < 3; e = e.parentElement) {
        parts.unshift(
          e.id ? `#${e.id}` : `${e.tagName.toLowerCase()}${e.classList[0] ? `.${e.classList[0]}` : ''}`,
        );
        if (e.id) break;
      }
      return parts.join(' > ');
    };
    const out: { where: string; text: string }[] = [{ where: 'title', text: document.title }];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      const parent = n.parentElement;
      if (text && parent && !exempt(parent)) out.push({ where: where(parent), text });
    }
    for (const el of document.body.querySelectorAll('[placeholder], [aria-label], [title]')) {
      if (exempt(el)) continue;
      for (const attr of ['placeholder', 'aria-label', 'title']) {
        const text = el.getAttribute(attr)?.trim();
        if (text) out.push({ where: `${where(el)} @${attr}`, text });
      }
    }
    return out;
  });
}

const HAN = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/** English UI strings that are not also Chinese ones ('CSV', 'PNG'), as patterns with their {slots} open. */
const ENGLISH_ONLY = (() => {
  const zh = new Set(Object.values(MESSAGES['zh-Hant']));
  const reEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return Object.entries(MESSAGES.en)
    .filter(([key, text]) => MESSAGES['zh-Hant'][key] !== text && !zh.has(text))
    .map(([, text]) => text.trim())
    .filter((text) => /[A-Za-z]{2}/.test(text.replace(/\{\w+\}/g, '')))
    .map((text) => ({
      text,
      re: new RegExp(
        `^${text
          .split(/\{\w+\}/)
          .map(reEscape)
          .join('.+?')}$`,
        'su',
      ),
    }));
})();

function leftovers(texts: Leftover[], lang: Lang): string[] {
  if (lang === 'en') return texts.filter((t) => HAN.test(t.text)).map((t) => `${t.where}: "${t.text}"`);
  return texts.flatMap((t) => {
    const hit = ENGLISH_ONLY.find((e) => e.re.test(t.text));
    return hit ? [`${t.where}: "${t.text}" (English UI string "${hit.text}")`] : [];
  });
}

async function switchTo(page: Page, lang: Lang): Promise<void> {
  await page.click(`button[data-lang="${lang}"]`);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  // Views that redraw on the change do so in the same task; one more frame lets any scheduled one finish.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

const VIEWS: [string, string, (page: Page) => Promise<void>][] = [
  [
    'the graph with a node selected and its details open',
    '/?sel=TWN',
    async (page) => {
      await page.waitForSelector('#panel-details[data-node="TWN"]');
    },
  ],
  [
    'search with a typed query',
    '/',
    async (page) => {
      await page.fill('#search-input', '中華台北');
      await page.waitForSelector('#search-input-list [role="option"]');
    },
  ],
  ['coverage', '/?tab=coverage', (page) => page.waitForSelector('table.cov-matrix tbody tr').then(() => {})],
  [
    'compare',
    '/?tab=compare&cmp=TWN,RUS',
    (page) => page.waitForSelector('table.cmp-table tbody tr').then(() => {}),
  ],
  [
    'sources',
    '/?tab=sources',
    async (page) => {
      await page.click('.src-item[data-source="src-desg-dps-2025-02"]');
      await page.waitForSelector('.src-text mark.src-hl');
    },
  ],
  [
    'the Cypher console',
    '/?tab=cypher',
    (page) => page.waitForSelector('.cq-status[data-connected="true"]').then(() => {}),
  ],
];

describe('switching language', () => {
  let h: Harness;
  useHarness({}, (started) => {
    h = started;
  });

  it('knows English UI strings to look for', () => {
    expect(ENGLISH_ONLY.length).toBeGreaterThan(200);
    expect(ENGLISH_ONLY.some((e) => e.re.test('3 results'))).toBe(true);
  });

  it.each(VIEWS)('leaves no text of the other language in %s', async (_name, path, prepare) => {
    const page = await h.openPage(path);
    try {
      await prepare(page);
      for (const lang of ['en', 'zh-Hant', 'en'] as const) {
        if (lang !== (await page.evaluate(() => document.documentElement.lang))) await switchTo(page, lang);
        expect(leftovers(await uiTexts(page), lang), `in ${lang}`).toEqual([]);
      }
      expect(h.pageErrors(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('renames the node chosen in the search box and drops the count of a list that is gone', async () => {
    const page = await h.openPage('/');
    try {
      await page.fill('#search-input', '中華台北');
      await page.waitForSelector('#search-input-list [role="option"][data-node="TWN"]');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('sel') === 'TWN');
      expect(await page.inputValue('#search-input')).toBe('Chinese Taipei');
      await switchTo(page, 'zh-Hant');
      expect(await page.inputValue('#search-input')).toBe('中華台北');
      await switchTo(page, 'en');
      expect(await page.inputValue('#search-input')).toBe('Chinese Taipei');
      expect(await page.locator('#search .combobox [aria-live]').textContent()).toBe('');
    } finally {
      await page.close();
    }
  });
});
