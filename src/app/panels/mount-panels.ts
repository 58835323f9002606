// Every panel around the graph, in one chunk that main.ts loads after the graph is first drawn: the page
// parses less script before that drawing.
import type { AppContext } from '../context.js';
import { mountExplore } from '../explore/index.js';
import { createLayoutControl } from '../graph/layout.js';
import { mountPrintMeta } from '../print/print-meta.js';
import { mountSearch } from '../search/mount-search.js';
import { mountDetails } from './details.js';
import { mountExport } from './export.js';
import { mountFilters } from './filters/index.js';
import { mountLegend } from './legend.js';
import { mountNodeList } from './node-list.js';
import { mountPath } from './path.js';
import { mountTabs } from './tabs.js';
import { mountToolbar } from './toolbar.js';

export function mountPanels(ctx: AppContext, byId: (id: string) => HTMLElement): void {
  mountToolbar(byId('toolbar'), ctx, createLayoutControl(ctx.graph));
  mountLegend(byId('legend'), ctx);
  mountFilters(byId('filters'), ctx);
  mountPath(byId('path-panel'), ctx);
  mountExport(byId('export-panel'), ctx);
  mountNodeList(byId('node-list'), ctx);
  mountDetails(byId('panel-details'), ctx);
  mountSearch(byId('search'), ctx);
  mountTabs(byId('analysis'), ctx);
  mountPrintMeta(ctx);
  mountExplore(ctx, byId('graph-area'));
}
