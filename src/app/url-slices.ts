// A feature's own part of the URL state: it declares its query parameter, default, encoder and decoder here
// and reads or writes it through the shared store, so adding a feature never edits UrlState.
import type { UrlState, UrlStateStore } from './url-state.js';

export interface UrlSlice<T> {
  /** The query parameter name (must not be one of url-state.ts's shared keys). */
  readonly key: string;
  readonly default: T;
  /** '' means "the default": nothing is written. */
  encode(value: T): string;
  /** undefined for text it cannot read, which then falls back to the default. */
  decode(raw: string): T | undefined;
}

export function defineSlice<T>(slice: UrlSlice<T>): UrlSlice<T> {
  return slice;
}

export function readSlice<T>(state: UrlState, slice: UrlSlice<T>): T {
  const raw = state.extra[slice.key];
  if (raw === undefined || raw === '') return slice.default;
  const v = slice.decode(raw);
  return v === undefined ? slice.default : v;
}

/** The patch that sets one slice (merge several with `...` before one store.set, for one history entry). */
export function slicePatch<T>(state: UrlState, slice: UrlSlice<T>, value: T): Pick<UrlState, 'extra'> {
  const extra = { ...state.extra };
  const raw = slice.encode(value);
  if (raw === '') delete extra[slice.key];
  else extra[slice.key] = raw;
  return { extra };
}

export function sliceChanged(state: UrlState, prev: UrlState, ...slices: UrlSlice<unknown>[]): boolean {
  return slices.some((s) => state.extra[s.key] !== prev.extra[s.key]);
}

export interface BoundSlice<T> {
  get(): T;
  set(value: T): void;
}

export function bindSlice<T>(store: UrlStateStore, slice: UrlSlice<T>): BoundSlice<T> {
  return {
    get: () => readSlice(store.get(), slice),
    set: (value) => store.set(slicePatch(store.get(), slice, value)),
  };
}

// Ready-made codecs for the common shapes.

export function stringSlice(key: string): UrlSlice<string | null> {
  return { key, default: null, encode: (v) => v ?? '', decode: (raw) => raw };
}

export function flagSlice(key: string): UrlSlice<boolean> {
  return { key, default: false, encode: (v) => (v ? '1' : ''), decode: (raw) => raw === '1' };
}

export function jsonObjectSlice(key: string): UrlSlice<Record<string, unknown> | null> {
  return {
    key,
    default: null,
    encode: (v) => (v && Object.keys(v).length ? JSON.stringify(v) : ''),
    decode(raw) {
      try {
        const parsed: unknown = JSON.parse(raw);
        return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
          ? (parsed as Record<string, unknown>)
          : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

export function listSlice(key: string, valid: (item: string) => boolean = () => true): UrlSlice<string[]> {
  return {
    key,
    default: [],
    encode: (v) => v.join(','),
    decode: (raw) => raw.split(',').filter((x) => x !== '' && valid(x)),
  };
}
