import { describe, expect, it } from 'vitest';
import {
  createUrlStateStore,
  DEFAULT_STATE,
  decodeState,
  encodeState,
  historyMode,
  type UrlState,
} from '../../src/app/url-state.js';

describe('URL state', () => {
  it('writes nothing for the default view', () => {
    expect(encodeState(DEFAULT_STATE)).toBe('');
  });

  it('round-trips every field', () => {
    const state: UrlState = {
      lang: 'zh-Hant',
      selected: 'TWN',
      tab: 'coverage',
      hiddenLabels: ['Person', 'Organization'],
      hiddenRels: ['REPRESENTS'],
      hiddenStatuses: ['proposed'],
      meeting: 'mtg-dps-50',
      dateFrom: '2025-01',
      dateTo: '2025-02-28',
      sizeBy: 'betweenness',
      camera: { x: 0.5, y: 0.25, ratio: 0.3 },
      pathFrom: 'TWN',
      pathTo: 'cbpr',
      extra: {
        covSort: 'total',
        q: 'absent-economies',
        cypher: 'MATCH (n) RETURN n LIMIT 5',
        params: '{"meeting":"mtg-dps-50","limit":5}',
      },
    };
    const search = encodeState(state);
    expect(search).toContain('sel=TWN');
    expect(search).toContain('lang=zh-Hant');
    expect(decodeState(`?${search}`)).toEqual(state);
  });

  it('drops the parts of a hand-edited link it cannot read and keeps the rest', () => {
    const s = decodeState(
      '?lang=fr&hide=Economy,Martian&hideStatus=done,ongoing&from=yesterday&cam=1,2&params=%7Bbad&sel=KOR',
    );
    expect(s.lang).toBe('en');
    expect(s.hiddenLabels).toEqual(['Economy']);
    expect(s.hiddenStatuses).toEqual(['ongoing']);
    expect(s.dateFrom).toBeNull();
    expect(s.camera).toBeNull();
    // Feature slices decode their own raw text (url-slices.test.ts); a bad one does not spoil the rest.
    expect(s.extra.params).toBe('{bad');
    expect(s.selected).toBe('KOR');
  });

  it('store: set() rewrites the address and notifies only on a change', () => {
    const calls: string[] = [];
    const store = createUrlStateStore(
      { search: '?sel=TWN', pathname: '/app/', hash: '' },
      { replaceState: (_d, _u, url) => calls.push(String(url)) },
    );
    const seen: [string | null, string | null][] = [];
    store.subscribe((s, prev) => seen.push([prev.selected, s.selected]));
    expect(store.get().selected).toBe('TWN');
    store.set({ selected: 'KOR' });
    store.set({ selected: 'KOR' });
    store.set({ lang: 'zh-Hant' });
    // The first call tags the page's entry with its index; without pushState the store falls back to replacing.
    expect(calls).toEqual(['/app/?sel=TWN', '/app/?sel=KOR', '/app/?lang=zh-Hant&sel=KOR']);
    expect(seen).toEqual([
      ['TWN', 'KOR'],
      ['KOR', 'KOR'],
    ]);
  });
});

/** A browser history of one tab: entries, a position, push truncating what lay ahead. */
function fakeHistory() {
  const entries: { data: unknown; url: string }[] = [{ data: null, url: '/' }];
  let at = 0;
  return {
    entries,
    get at() {
      return at;
    },
    get state() {
      return entries[at]?.data;
    },
    replaceState(data: unknown, _u: string, url?: string | URL | null) {
      entries[at] = { data, url: String(url) };
    },
    pushState(data: unknown, _u: string, url?: string | URL | null) {
      entries.splice(at + 1);
      entries.push({ data, url: String(url) });
      at += 1;
    },
    go(delta: number) {
      at += delta;
      const e = entries[at] as { data: unknown; url: string };
      return { search: e.url.replace(/^[^?]*/, ''), data: e.data };
    },
  };
}

const loc = { search: '', pathname: '/', hash: '' };

describe('URL state history', () => {
  it('classes navigations as new entries and camera, language and edits as replacements', () => {
    const a = { ...DEFAULT_STATE };
    expect(historyMode(a, { ...a, selected: 'TWN' })).toBe('push');
    expect(historyMode(a, { ...a, hiddenRels: ['ASKED'] })).toBe('push');
    expect(historyMode(a, { ...a, pathFrom: 'TWN' })).toBe('push');
    expect(historyMode(a, { ...a, tab: 'cypher' })).toBe('push');
    expect(historyMode(a, { ...a, extra: { q: 'q1' } })).toBe('push');
    expect(historyMode(a, { ...a, camera: { x: 1, y: 1, ratio: 1 } })).toBe('replace');
    expect(historyMode(a, { ...a, lang: 'zh-Hant' })).toBe('replace');
    expect(historyMode(a, { ...a, extra: { cypher: 'MATCH (n) RETURN n' } })).toBe('replace');
  });

  it('walks back through three selections and forward again without leaving the page', async () => {
    const hist = fakeHistory();
    const store = createUrlStateStore(loc, hist);
    for (const sel of ['TWN', 'KOR', 'JPN']) {
      store.set({ selected: sel });
      await Promise.resolve();
    }
    store.set({ camera: { x: 0.5, y: 0.5, ratio: 0.3 } });
    expect(hist.entries.map((e) => e.url)).toEqual([
      '/',
      '/?sel=TWN',
      '/?sel=KOR',
      '/?sel=JPN&cam=0.5%2C0.5%2C0.3',
    ]);
    const seen: (string | null)[] = [];
    store.subscribe((s) => seen.push(s.selected));
    for (let i = 0; i < 3; i++) {
      expect(store.canUndo()).toBe(true);
      const e = hist.go(-1);
      store.restore(e.search, e.data);
    }
    expect(store.canUndo()).toBe(false);
    expect(store.canRedo()).toBe(true);
    expect(seen).toEqual(['KOR', 'TWN', null]);
    const f = hist.go(1);
    store.restore(f.search, f.data);
    expect(store.get().selected).toBe('TWN');
    // A new navigation drops what lay ahead.
    store.set({ tab: 'coverage' });
    expect(store.canRedo()).toBe(false);
    expect(hist.entries.map((e) => e.url)).toEqual(['/', '/?sel=TWN', '/?sel=TWN&tab=coverage']);
  });

  it('makes one entry of the changes one click makes, and a run of an edited query one more', async () => {
    const hist = fakeHistory();
    const store = createUrlStateStore(loc, hist);
    store.set({ tab: 'cypher' });
    store.set({ extra: { q: 'q1' } });
    await Promise.resolve();
    expect(hist.entries).toHaveLength(2);
    store.set({ extra: { q: 'q1', cypher: 'MATCH (a) RETURN a' } });
    store.set({ extra: { q: 'q1', cypher: 'MATCH (b) RETURN b' } });
    expect(hist.entries).toHaveLength(2);
    store.commit();
    store.commit();
    expect(hist.entries.map((e) => e.url)).toEqual([
      '/',
      '/?tab=cypher&q=q1',
      '/?tab=cypher&cypher=MATCH+%28b%29+RETURN+b&q=q1',
    ]);
    const e = hist.go(-1);
    store.restore(e.search, e.data);
    expect(store.get().extra.cypher).toBeUndefined();
  });

  it('reacts to a restore without making entries of its own', () => {
    const hist = fakeHistory();
    const store = createUrlStateStore(loc, hist);
    store.set({ selected: 'TWN' });
    let during: boolean | null = null;
    store.subscribe(() => {
      during = store.restoring;
      store.set({ pathFrom: 'KOR' });
    });
    const e = hist.go(-1);
    store.restore(e.search, e.data);
    expect(during).toBe(true);
    expect(store.restoring).toBe(false);
    expect(hist.entries).toHaveLength(2);
  });
});
