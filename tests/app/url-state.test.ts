import { describe, expect, it } from 'vitest';
import {
  createUrlStateStore,
  DEFAULT_STATE,
  decodeState,
  encodeState,
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

  it('store: set() rewrites the address with replaceState and notifies only on a change', () => {
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
    expect(calls).toEqual(['/app/?sel=KOR', '/app/?lang=zh-Hant&sel=KOR']);
    expect(seen).toEqual([
      ['TWN', 'KOR'],
      ['KOR', 'KOR'],
    ]);
  });
});
