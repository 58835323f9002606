// The exploration's part of the address (`xp`): a link restores the same nodes, origins and pins, and each step
// (enter, expand, collapse, pin, remove, exit) is a history entry of its own.
import { defineSlice, readSlice, slicePatch } from '../url-slices.js';
import type { UrlState } from '../url-state.js';
import { decodeExploration, type Exploration, encodeExploration, sanitize } from './state.js';

export const exploreSlice = defineSlice<Exploration | null>({
  key: 'xp',
  default: null,
  encode: encodeExploration,
  decode: decodeExploration,
});

/** The exploration in the state, without nodes the graph does not have (an outdated link). */
export function readExploration(state: UrlState, hasNode: (node: string) => boolean): Exploration | null {
  const xp = readSlice(state, exploreSlice);
  return xp ? sanitize(xp, hasNode) : null;
}

export function explorationPatch(state: UrlState, xp: Exploration | null): Pick<UrlState, 'extra'> {
  return slicePatch(state, exploreSlice, xp);
}
