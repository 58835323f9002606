import { describe, expect, it } from 'vitest';
import {
  bindSlice,
  defineSlice,
  flagSlice,
  jsonObjectSlice,
  listSlice,
  readSlice,
  slicePatch,
} from '../../src/app/url-slices.js';
import { createUrlStateStore, DEFAULT_STATE, decodeState, encodeState } from '../../src/app/url-state.js';

const SORT = defineSlice<{ key: string; dir: 'a' | 'd' }>({
  key: 'sortX',
  default: { key: 'name', dir: 'a' },
  encode: (v) => (v.key === 'name' && v.dir === 'a' ? '' : `${v.key}:${v.dir}`),
  decode: (raw) => {
    const m = /^(\w+):([ad])$/.exec(raw);
    return m ? { key: m[1] as string, dir: m[2] as 'a' | 'd' } : undefined;
  },
});

describe('URL slices', () => {
  it('read the default when absent or unreadable, and the value otherwise', () => {
    expect(readSlice(DEFAULT_STATE, SORT)).toEqual({ key: 'name', dir: 'a' });
    expect(readSlice(decodeState('?sortX=oops'), SORT)).toEqual({ key: 'name', dir: 'a' });
    expect(readSlice(decodeState('?sortX=total:d'), SORT)).toEqual({ key: 'total', dir: 'd' });
  });

  it('write under their own parameter, and write nothing for the default', () => {
    const s = { ...DEFAULT_STATE, ...slicePatch(DEFAULT_STATE, SORT, { key: 'total', dir: 'd' }) };
    expect(encodeState(s)).toBe('sortX=total%3Ad');
    const back = { ...s, ...slicePatch(s, SORT, SORT.default) };
    expect(encodeState(back)).toBe('');
  });

  it('read links written before slices (x.<key>) and never shadow the shared keys', () => {
    expect(readSlice(decodeState('?x.sortX=total:a'), SORT)).toEqual({ key: 'total', dir: 'a' });
    const s = decodeState('?sel=TWN&x.sel=KOR');
    expect(s.selected).toBe('TWN');
    expect(s.extra).toEqual({});
  });

  it('ready-made codecs reject what they cannot read', () => {
    const params = jsonObjectSlice('p');
    expect(readSlice(decodeState('?p=%7Bbad'), params)).toBeNull();
    expect(readSlice(decodeState('?p=[1]'), params)).toBeNull();
    expect(readSlice(decodeState('?p={"a":1}'), params)).toEqual({ a: 1 });
    expect(readSlice(decodeState('?f=1'), flagSlice('f'))).toBe(true);
    expect(readSlice(decodeState('?f=yes'), flagSlice('f'))).toBe(false);
    expect(
      readSlice(
        decodeState('?l=A,b,,C'),
        listSlice('l', (x) => /^[A-Z]$/.test(x)),
      ),
    ).toEqual(['A', 'C']);
  });

  it('a bound slice goes through the store', () => {
    const urls: string[] = [];
    const store = createUrlStateStore(
      { search: '?tab=coverage', pathname: '/', hash: '' },
      { replaceState: (_d, _u, url) => urls.push(String(url)) },
    );
    const sort = bindSlice(store, SORT);
    sort.set({ key: 'total', dir: 'd' });
    expect(sort.get()).toEqual({ key: 'total', dir: 'd' });
    expect(urls.at(-1)).toBe('/?tab=coverage&sortX=total%3Ad');
  });
});
