// The view's state lives in the query string, so a reload or a shared link shows the same thing.
// encode/decode are pure (unit-tested); the store makes each navigation a history entry, so Back walks back.
import { NODE_LABELS, type NodeLabel, PROJECT_STATUSES, type ProjectStatus } from '../model/types.js';
import type { FilterSpec } from './graph/filters.js';
import { isLang, type Lang } from './i18n.js';

/** degree: the precomputed size (from the degree in the whole graph); betweenness: normalised centrality. */
export const SIZE_MODES = ['degree', 'betweenness'] as const;
export type SizeMode = (typeof SIZE_MODES)[number];

export interface Camera {
  x: number;
  y: number;
  ratio: number;
}

/**
 * The view state shared by the whole page. A feature's own state (the console's query, the coverage view's
 * sort) is not a field here: it is a slice (url-slices.ts) whose raw text sits in `extra`.
 */
export interface UrlState extends FilterSpec {
  lang: Lang;
  /** Selected node id (its details are open). */
  selected: string | null;
  /** Open analysis tab ('coverage', 'cypher') or null when closed. */
  tab: string | null;
  sizeBy: SizeMode;
  camera: Camera | null;
  pathFrom: string | null;
  pathTo: string | null;
  /** Raw values of the features' slices, by query parameter name (url-slices.ts reads and writes them). */
  extra: Record<string, string>;
}

export const DEFAULT_STATE: UrlState = {
  lang: 'en',
  selected: null,
  tab: null,
  hiddenLabels: [],
  hiddenRels: [],
  hiddenStatuses: [],
  meeting: null,
  dateFrom: null,
  dateTo: null,
  sizeBy: 'degree',
  camera: null,
  pathFrom: null,
  pathTo: null,
  extra: {},
};

/** Query parameters of the shared fields; every other parameter belongs to a feature's slice. */
const CORE_KEYS = new Set([
  'lang',
  'sel',
  'tab',
  'hide',
  'hideRel',
  'hideStatus',
  'meeting',
  'from',
  'to',
  'size',
  'cam',
  'pathFrom',
  'pathTo',
]);

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const list = (v: string | null): string[] => (v ? v.split(',').filter(Boolean) : []);

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** Only non-default values are written, so a fresh view has a clean address. */
export function encodeState(s: UrlState): string {
  const p = new URLSearchParams();
  if (s.lang !== DEFAULT_STATE.lang) p.set('lang', s.lang);
  if (s.selected) p.set('sel', s.selected);
  if (s.tab) p.set('tab', s.tab);
  if (s.hiddenLabels.length) p.set('hide', s.hiddenLabels.join(','));
  if (s.hiddenRels.length) p.set('hideRel', s.hiddenRels.join(','));
  if (s.hiddenStatuses.length) p.set('hideStatus', s.hiddenStatuses.join(','));
  if (s.meeting) p.set('meeting', s.meeting);
  if (s.dateFrom) p.set('from', s.dateFrom);
  if (s.dateTo) p.set('to', s.dateTo);
  if (s.sizeBy !== DEFAULT_STATE.sizeBy) p.set('size', s.sizeBy);
  if (s.camera) {
    p.set('cam', [round(s.camera.x, 4), round(s.camera.y, 4), round(s.camera.ratio, 4)].join(','));
  }
  if (s.pathFrom) p.set('pathFrom', s.pathFrom);
  if (s.pathTo) p.set('pathTo', s.pathTo);
  for (const [k, v] of Object.entries(s.extra).sort(([a], [b]) => a.localeCompare(b))) {
    if (v !== '' && !p.has(k)) p.set(k, v);
  }
  return p.toString();
}

/** Lenient: a hand-edited or outdated link loses the parts it gets wrong, never the whole view. */
export function decodeState(search: string): UrlState {
  const p = new URLSearchParams(search);
  const s: UrlState = { ...DEFAULT_STATE, extra: {} };
  const lang = p.get('lang');
  if (isLang(lang)) s.lang = lang;
  s.selected = p.get('sel') || null;
  s.tab = p.get('tab') || null;
  s.hiddenLabels = list(p.get('hide')).filter((l): l is NodeLabel =>
    (NODE_LABELS as readonly string[]).includes(l),
  );
  s.hiddenRels = list(p.get('hideRel')).filter((r) => /^[A-Z][A-Z0-9_]*$/.test(r));
  s.hiddenStatuses = list(p.get('hideStatus')).filter((v): v is ProjectStatus =>
    (PROJECT_STATUSES as readonly string[]).includes(v),
  );
  s.meeting = p.get('meeting') || null;
  const from = p.get('from');
  const to = p.get('to');
  s.dateFrom = from && DATE.test(from) ? from : null;
  s.dateTo = to && DATE.test(to) ? to : null;
  const size = p.get('size');
  if ((SIZE_MODES as readonly (string | null)[]).includes(size)) s.sizeBy = size as SizeMode;
  const cam = list(p.get('cam')).map(Number);
  if (cam.length === 3 && cam.every(Number.isFinite) && (cam[2] ?? 0) > 0) {
    s.camera = { x: cam[0] as number, y: cam[1] as number, ratio: cam[2] as number };
  }
  s.pathFrom = p.get('pathFrom') || null;
  s.pathTo = p.get('pathTo') || null;
  for (const [k, v] of p) {
    if (CORE_KEYS.has(k) || v === '') continue;
    // Links from before slices wrote feature state as `x.<key>`.
    const key = k.startsWith('x.') && k.length > 2 ? k.slice(2) : k;
    if (!CORE_KEYS.has(key)) s.extra[key] = v;
  }
  return s;
}

export type StateListener = (state: UrlState, prev: UrlState) => void;

export interface UrlStateStore {
  get(): UrlState;
  /**
   * Merges the patch, rewrites the address and tells subscribers if anything changed. A change of what the
   * view shows (selection, filters, path, tab, query, feature slots) is a new history entry; camera, language,
   * node size and the text being edited replace the current one (see `historyMode`).
   */
  set(patch: Partial<UrlState>): void;
  /** Returns an unsubscribe function. */
  subscribe(cb: StateListener): () => void;
  /** Makes the edited query (cypher, params) an entry of its own, e.g. when it runs. */
  commit(): void;
  /** Takes the state of a history entry the browser went back or forward to (popstate). */
  restore(search: string, entryState: unknown): void;
  /** True while subscribers react to `restore`, e.g. to move the camera back too. */
  readonly restoring: boolean;
  /** Whether an entry of this page lies behind / ahead of the current one. */
  canUndo(): boolean;
  canRedo(): boolean;
}

interface HistoryLike {
  replaceState(data: unknown, unused: string, url?: string | URL | null): void;
  pushState?(data: unknown, unused: string, url?: string | URL | null): void;
  readonly state?: unknown;
}

/** Keys that do not make an entry: moving around, the language and node size. */
const REPLACING_KEYS = ['camera', 'lang', 'sizeBy'] as const satisfies (keyof UrlState)[];
/** Slices whose text is being edited (the console's query and its parameters): a run makes them an entry. */
export const DRAFT_SLICE_KEYS = ['cypher', 'params'] as const;

function without(s: UrlState, keys: readonly (keyof UrlState)[], extraKeys: readonly string[] = []): string {
  const copy: UrlState = { ...s, extra: { ...s.extra } };
  for (const k of keys) (copy as unknown as Record<string, unknown>)[k] = DEFAULT_STATE[k];
  for (const k of extraKeys) delete copy.extra[k];
  return encodeState(copy);
}

/** `s` with the draft slices as they were in `from`. */
function withDrafts(s: UrlState, from: UrlState): UrlState {
  const extra = { ...s.extra };
  for (const k of DRAFT_SLICE_KEYS) {
    if (from.extra[k] === undefined) delete extra[k];
    else extra[k] = from.extra[k];
  }
  return { ...s, extra };
}

/** 'push' when the change is a navigation (a new history entry), 'replace' otherwise. */
export function historyMode(prev: UrlState, next: UrlState): 'push' | 'replace' {
  return without(prev, REPLACING_KEYS, DRAFT_SLICE_KEYS) === without(next, REPLACING_KEYS, DRAFT_SLICE_KEYS)
    ? 'replace'
    : 'push';
}

/** The entry index this page writes into history.state, so it knows how far Back stays inside the app. */
function entryIndex(data: unknown): number | null {
  const v = (data as { apecKg?: unknown } | null)?.apecKg;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;
}

export function createUrlStateStore(
  location: Pick<Location, 'search' | 'pathname' | 'hash'> = window.location,
  history: HistoryLike = window.history,
): UrlStateStore {
  let state = decodeState(location.search);
  const listeners = new Set<StateListener>();
  const urlOf = (s: UrlState) => {
    const q = encodeState(s);
    return `${location.pathname}${q ? `?${q}` : ''}${location.hash}`;
  };
  // A reload keeps its place in the session's history.
  let index = entryIndex(history.state) ?? 0;
  let last = index;
  /** What the current entry stood for before the query being edited: `commit` leaves that behind. */
  let entry = state;
  // Several sets in one task (one click) make one entry.
  let coalescing = false;
  let restoring = false;
  history.replaceState({ apecKg: index }, '', urlOf(state));

  const notify = (prev: UrlState) => {
    for (const cb of listeners) cb(state, prev);
  };
  const push = (s: UrlState) => {
    index += 1;
    last = index;
    (history.pushState ?? history.replaceState).call(history, { apecKg: index }, '', urlOf(s));
    entry = s;
    coalescing = true;
    queueMicrotask(() => {
      coalescing = false;
    });
  };

  return {
    get: () => state,
    set(patch) {
      const next: UrlState = { ...state, ...patch };
      const prev = state;
      state = next;
      if (encodeState(prev) === encodeState(next)) return;
      if (!restoring && !coalescing && historyMode(prev, next) === 'push') push(next);
      else {
        history.replaceState({ apecKg: index }, '', urlOf(next));
        entry = withDrafts(next, entry);
        if (coalescing) entry = next;
      }
      notify(prev);
    },
    subscribe(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    commit() {
      if (without(state, []) === without(entry, [])) return;
      if (without(state, [], DRAFT_SLICE_KEYS) === without(entry, [], DRAFT_SLICE_KEYS)) {
        history.replaceState({ apecKg: index }, '', urlOf(entry));
      }
      push(state);
    },
    restore(search, entryState) {
      const prev = state;
      state = decodeState(search);
      entry = state;
      index = entryIndex(entryState) ?? 0;
      if (encodeState(prev) === encodeState(state)) return;
      restoring = true;
      try {
        notify(prev);
      } finally {
        restoring = false;
      }
    },
    get restoring() {
      return restoring;
    },
    canUndo: () => index > 0,
    canRedo: () => index < last,
  };
}
