// How a property's name and value read in the page language (dictionary in props/i18n.ts).
import type { PropValue } from '../../model/types.js';

type T = (key: string) => string;

/** `joinedApecDate` → "Joined apec date" when the dictionary has no entry. */
export function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function propName(t: T, key: string): string {
  const k = `prop.${key}`;
  const v = t(k);
  return v === k ? humanize(key) : v;
}

function one(t: T, v: string | number | boolean): string {
  if (typeof v === 'number') return String(v);
  const k = `value.${String(v)}`;
  const out = t(k);
  return out === k ? String(v) : out;
}

/** Enumerated values (modes, statuses, roles, kinds, yes/no) are translated; free text stays as written. */
export function propValue(t: T, v: PropValue): string {
  return Array.isArray(v) ? v.map((x) => one(t, x)).join(', ') : one(t, v);
}
