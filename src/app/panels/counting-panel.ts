// The legend and the filters count what the graph holds and shows: both redraw on the same four occasions.
import type { AppContext } from '../context.js';
import { exploreSlice } from '../explore/slice.js';
import { filterSpecChanged } from '../graph/apply-filters.js';
import { onContentChange } from '../graph/content-changes.js';
import { rerender } from '../ui/dom.js';
import { sliceChanged } from '../url-slices.js';

/**
 * Draws `build` into `el` now, and again when the language, the graph's content or the filters change. With
 * `followExploration`, also after the exploration shows or hides nodes: that happens after the store update,
 * so the redraw waits for the next frame to count the result.
 */
export function mountCountingPanel(
  el: HTMLElement,
  ctx: AppContext,
  build: () => void,
  opts: { followExploration?: boolean } = {},
): void {
  const render = () => rerender(el, build);
  render();
  ctx.onLangChange(render);
  onContentChange(ctx.graph, render);
  ctx.state.subscribe((s, prev) => {
    if (filterSpecChanged(s, prev)) render();
    else if (opts.followExploration && sliceChanged(s, prev, exploreSlice)) requestAnimationFrame(render);
  });
}
