// The comparison's URL slices: which economies (?cmp=TWN,USA) and whether only differing rows show.
import { defineSlice, flagSlice, listSlice } from '../url-slices.js';

export const COMPARE_SLICE = defineSlice(listSlice('cmp', (id) => /^[A-Za-z0-9_-]+$/.test(id)));
export const DIFFS_SLICE = defineSlice(flagSlice('cmpDiff'));
