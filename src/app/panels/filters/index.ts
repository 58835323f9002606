// Filters beyond the legend: relationship types, one meeting's neighbourhood, project status and dates.
// The state lives in the URL store; model.ts derives what to show, views.ts draws each region.
import type { AppContext } from '../../context.js';
import { exploreSlice } from '../../explore/slice.js';
import { filterSpecChanged } from '../../graph/apply-filters.js';
import { onContentChange } from '../../graph/content-changes.js';
import { rerender } from '../../ui/dom.js';
import { sliceChanged } from '../../url-slices.js';
import { filterCounts, filterOptions } from './model.js';
import { dateView, headView, meetingView, relTypesView, statusView, visibleCountView } from './views.js';

export function mountFilters(el: HTMLElement, ctx: AppContext): void {
  const set = ctx.state.set;
  const build = () => {
    const s = ctx.state.get();
    const options = filterOptions(ctx.graph);
    const counts = filterCounts(ctx.graph);
    el.replaceChildren(
      headView(ctx, set),
      relTypesView(ctx, s, options, counts, set),
      ...meetingView(ctx, s, options, set),
      ...statusView(ctx, s, counts, set),
      ...dateView(ctx, s, options, set),
      visibleCountView(ctx, counts),
    );
  };
  const render = () => rerender(el, build);
  render();
  ctx.onLangChange(render);
  onContentChange(ctx.graph, render);
  ctx.state.subscribe((s, prev) => {
    if (filterSpecChanged(s, prev)) render();
    // The exploration hides and shows nodes after this store update: count them once that is done.
    else if (sliceChanged(s, prev, exploreSlice)) requestAnimationFrame(render);
  });
}
