// Filters beyond the legend: relationship types, one meeting's neighbourhood, project status and dates.
// The state lives in the URL store; model.ts derives what to show, views.ts draws each region.
import type { AppContext } from '../../context.js';
import { mountCountingPanel } from '../counting-panel.js';
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
  // The visible count follows the exploration too.
  mountCountingPanel(el, ctx, build, { followExploration: true });
}
