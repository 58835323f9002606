// Queries the analyst ran, newest first, kept in localStorage so they survive a reload.
export interface HistoryEntry {
  cypher: string;
  params: Record<string, unknown>;
  at: string;
}

export const HISTORY_KEY = 'apec-kg.console.history';
const MAX_ENTRIES = 50;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage can be disabled (privacy settings, sandboxed frames); history then lives only for this page.
    return null;
  }
}

function isEntry(v: unknown): v is HistoryEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return typeof e.cypher === 'string' && typeof e.at === 'string' && typeof e.params === 'object';
}

export function readHistory(): HistoryEntry[] {
  const raw = storage()?.getItem(HISTORY_KEY);
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
  } catch {
    return [];
  }
}

/** Adds a run at the top; running the same query again moves it up instead of repeating it. */
export function pushHistory(
  cypher: string,
  params: Record<string, unknown>,
  now = new Date(),
): HistoryEntry[] {
  const same = (e: HistoryEntry) =>
    e.cypher === cypher && JSON.stringify(e.params) === JSON.stringify(params);
  const next = [{ cypher, params, at: now.toISOString() }, ...readHistory().filter((e) => !same(e))].slice(
    0,
    MAX_ENTRIES,
  );
  try {
    storage()?.setItem(HISTORY_KEY, JSON.stringify(next));
  } catch {
    // Quota exceeded: keep the in-memory list, losing persistence is better than losing the run.
  }
  return next;
}

export function clearHistory(): void {
  storage()?.removeItem(HISTORY_KEY);
}
