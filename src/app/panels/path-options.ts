// The shortest-path options as they live in the URL's feature slots (`x.pathK`, `x.pathAvoid`, ...): pure.
import type { PathOptions } from '../graph/shortest-path.js';

export const DEFAULT_K = 5;
export const MAX_K = 10;

export interface PathSettings {
  k: number;
  avoidNodes: string[];
  maxDegree: number | null;
  avoidRels: string[];
}

const list = (v: string | undefined) => (v ? v.split(',').filter(Boolean) : []);

export function readPathSettings(extra: Record<string, string>): PathSettings {
  const k = Number(extra.pathK);
  const deg = Number(extra.pathMaxDeg);
  return {
    k: Number.isInteger(k) && k >= 1 && k <= MAX_K ? k : DEFAULT_K,
    avoidNodes: list(extra.pathAvoid),
    maxDegree: extra.pathMaxDeg && Number.isInteger(deg) && deg >= 1 ? deg : null,
    avoidRels: list(extra.pathNoRel).filter((r) => /^[A-Z][A-Z0-9_]*$/.test(r)),
  };
}

/** The slots a patch writes; empty strings drop a slot from the address. */
export function writePathSettings(
  extra: Record<string, string>,
  patch: Partial<PathSettings>,
): Record<string, string> {
  const s = { ...readPathSettings(extra), ...patch };
  return {
    ...extra,
    pathK: s.k === DEFAULT_K ? '' : String(s.k),
    pathAvoid: [...new Set(s.avoidNodes)].join(','),
    pathMaxDeg: s.maxDegree === null ? '' : String(s.maxDegree),
    pathNoRel: [...new Set(s.avoidRels)].sort().join(','),
  };
}

export function toPathOptions(s: PathSettings): PathOptions {
  return { k: s.k, avoidNodes: s.avoidNodes, maxDegree: s.maxDegree, avoidRels: s.avoidRels };
}
