// Exploring from one node: wires the context menu (right click, Shift+F10 or the menu key on the selected
// node), the banner, and the camera to the `xp` slice. main.ts writes the slice to `hidden`; this module only
// changes the slice, so Back, Forward and links go through the same path as a click.
import './explore.css';
import type { AppContext } from '../context.js';
import { filterSpecChanged } from '../graph/apply-filters.js';
import { fitNodes, fitView } from '../graph/camera.js';
import { computeVisibility } from '../graph/filters.js';
import { h } from '../ui/dom.js';
import { sliceChanged } from '../url-slices.js';
import type { UrlState } from '../url-state.js';
import { bannerView } from './banner-view.js';
import { closeMenu, type MenuItem, menuOpen, openMenu } from './menu-view.js';
import { explorationPatch, exploreSlice, readExploration } from './slice.js';
import {
  type Allowed,
  addNode,
  canCollapse,
  collapse,
  type Exploration,
  expand,
  expansionOptions,
  removeNode,
  startExploration,
  togglePin,
} from './state.js';

/** Closer than this the camera does not go to frame a lone node: its neighbours' labels should fit later. */
const LONE_NODE_RATIO = 0.35;

export interface ExploreControl {
  /** Starts exploring from the node: only it is shown, it is selected, and the camera frames it. */
  enter(node: string): void;
}

const TEXT_FIELD = 'input, textarea, select, [contenteditable="true"], .cm-editor';

export function mountExplore(ctx: AppContext, graphArea: HTMLElement): ExploreControl {
  const { graph, sigma, state } = ctx;
  const has = (n: string) => graph.hasNode(n);
  const current = (s: UrlState = state.get()) => readExploration(s, has);

  // What the filters allow, computed once per filter state: the menu's counts leave out what they hide.
  let allowedFor: { key: string; allowed: Allowed } | null = null;
  const allowed = (): Allowed => {
    const s = state.get();
    const key = JSON.stringify([
      s.hiddenLabels,
      s.hiddenRels,
      s.hiddenStatuses,
      s.meeting,
      s.dateFrom,
      s.dateTo,
    ]);
    if (allowedFor?.key !== key) {
      const v = computeVisibility(graph, s);
      allowedFor = {
        key,
        allowed: { node: (n) => !v.hiddenNodes.has(n), edge: (e) => !v.hiddenEdges.has(e) },
      };
    }
    return allowedFor.allowed;
  };

  const set = (xp: Exploration | null, patch: Partial<UrlState> = {}) => {
    const s = state.get();
    state.set({ ...patch, ...explorationPatch(s, xp) });
  };

  const enter = (node: string) => {
    if (!has(node)) return;
    set(startExploration(node), { selected: node });
  };

  const visibleShown = (xp: Exploration) =>
    [...xp.shown.keys()].filter((n) => !graph.getNodeAttribute(n, 'hidden'));

  /** Frames what the exploration shows: a lone node is centred without zooming in on it. */
  const frame = (xp: Exploration | null) => {
    if (!xp) return void fitView(sigma);
    const nodes = visibleShown(xp);
    if (nodes.length === 1) {
      const d = sigma.getNodeDisplayData(nodes[0] as string);
      const camera = sigma.getCamera();
      if (d)
        void camera.animate(
          { x: d.x, y: d.y, ratio: Math.min(camera.ratio, LONE_NODE_RATIO) },
          { duration: 400 },
        );
      return;
    }
    if (nodes.length) void fitNodes(sigma, nodes, { duration: 400, maxRatio: 1 });
  };

  const menuItems = (node: string): MenuItem[] => {
    const xp = current();
    if (!xp) return [{ id: 'enter', content: [ctx.t('explore.enter')], run: () => enter(node) }];
    if (!xp.shown.has(node)) {
      return [
        { id: 'add', content: [ctx.t('explore.add')], run: () => set(addNode(xp, node), { selected: node }) },
      ];
    }
    const opts = expansionOptions(graph, xp, node, allowed());
    const items: MenuItem[] = opts.groups.map((g) => ({
      id: `${g.out ? 'out' : 'in'}:${g.relType}`,
      content: [
        relLabel(
          ctx.t(`rel.${g.relType}`),
          g.out,
          ctx.t('explore.direction', { direction: ctx.t(g.out ? 'details.outgoing' : 'details.incoming') }),
        ),
        countLabel(g.hidden.length, ctx.t('explore.notShown')),
      ],
      disabled: g.hidden.length === 0,
      run: () => set(expand(xp, node, g.hidden)),
    }));
    items.push(
      {
        id: 'all',
        content: [
          h('span', { class: 'xp-label' }, ctx.t('explore.all')),
          countLabel(opts.all.length, ctx.t('explore.notShown')),
        ],
        disabled: opts.all.length === 0,
        separated: true,
        run: () => set(expand(xp, node, opts.all)),
      },
      {
        id: 'collapse',
        content: [ctx.t('explore.collapse')],
        disabled: !canCollapse(xp, node),
        separated: true,
        run: () => set(collapse(xp, node)),
      },
      {
        id: 'pin',
        content: [ctx.t(xp.pinned.has(node) ? 'explore.unpin' : 'explore.pin')],
        run: () => set(togglePin(xp, node)),
      },
      {
        id: 'remove',
        content: [ctx.t('explore.remove')],
        run: () => {
          const next = removeNode(xp, node);
          set(next, state.get().selected === node ? { selected: null } : {});
        },
      },
      { id: 'exit', content: [ctx.t('explore.exit')], separated: true, run: () => set(null) },
    );
    return items;
  };

  const openFor = (node: string, at?: { x: number; y: number }) => {
    if (!has(node)) return;
    let point = at;
    if (!point) {
      // From the keyboard: at the node on screen, or the canvas's corner when it is off screen.
      const d = sigma.getNodeDisplayData(node);
      const rect = sigma.getContainer().getBoundingClientRect();
      const p = d ? sigma.graphToViewport(d) : { x: 16, y: 16 };
      const inside = p.x >= 0 && p.y >= 0 && p.x <= rect.width && p.y <= rect.height;
      // Beside the node rather than over it, so it stays in sight while choosing.
      const radius = d ? sigma.scaleSize(d.size) : 0;
      point = inside
        ? { x: rect.left + p.x + radius + 8, y: rect.top + p.y - 8 }
        : { x: rect.left + 16, y: rect.top + 16 };
    }
    openMenu(graphArea, point, ctx.t('explore.menu', { name: ctx.nodeName(node) }), menuItems(node));
  };

  sigma.on('rightClickNode', ({ node, event }) => {
    event.original.preventDefault();
    event.preventSigmaDefault();
    const rect = sigma.getContainer().getBoundingClientRect();
    openFor(node, { x: rect.left + event.x, y: rect.top + event.y });
  });

  // Shift+F10 and the menu key open the menu of the selected node, as on a file in a desktop file manager.
  let keyOpened = false;
  document.addEventListener('keydown', (e) => {
    const menuKey = e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey);
    if (!menuKey || e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey) return;
    const target = e.target as HTMLElement | null;
    if (target?.closest(TEXT_FIELD) || target?.closest('.xp-menu')) return;
    const node = state.get().selected;
    if (!node || !has(node)) return;
    e.preventDefault();
    keyOpened = true;
    setTimeout(() => {
      keyOpened = false;
    });
    openFor(node);
  });
  // The menu key also makes the browser open its own menu right after the key.
  document.addEventListener('contextmenu', (e) => {
    if (keyOpened) e.preventDefault();
  });

  const banner = bannerView(ctx, {
    exit: () => set(null),
    actions: () => {
      const node = state.get().selected;
      if (node) openFor(node);
    },
  });
  graphArea.append(banner.element);
  const refresh = () => banner.update(current());
  refresh();
  ctx.onLangChange(() => {
    refresh();
    closeMenu();
  });

  state.subscribe((s, prev) => {
    const changed = sliceChanged(s, prev, exploreSlice);
    let xp = current(s);
    // Selecting a node the exploration does not show (search, a link in the details) brings it in.
    if (
      !changed &&
      xp &&
      s.selected &&
      s.selected !== prev.selected &&
      !xp.shown.has(s.selected) &&
      !state.restoring
    ) {
      xp = addNode(xp, s.selected);
      set(xp);
      return;
    }
    if (changed || filterSpecChanged(s, prev) || s.selected !== prev.selected) refresh();
    if (!changed && !filterSpecChanged(s, prev)) return;
    if (menuOpen()) closeMenu();
    if (!changed) return;
    const before = current(prev);
    if (!xp) ctx.announce(ctx.t('explore.exited'));
    else if (!before) ctx.announce(ctx.t('explore.entered', { name: ctx.nodeName(xp.root) }));
    else ctx.announce(ctx.t('explore.changed', { nodes: visibleShown(xp).length }));
    // Back and Forward bring the camera of their entry (history.ts).
    if (!state.restoring) frame(xp);
  });

  return { enter };
}

/** "attended →" / "← leads" as drawn; screen readers hear the direction in words instead of the arrow. */
function relLabel(rel: string, out: boolean, direction: string): HTMLElement {
  const arrow = h('span', { 'aria-hidden': 'true' }, out ? '→' : '←');
  const words = h('span', { class: 'sr-only' }, direction);
  return out
    ? h('span', { class: 'xp-label' }, `${rel} `, arrow, words)
    : h('span', { class: 'xp-label' }, arrow, ` ${rel}`, words);
}

function countLabel(count: number, notShown: string): HTMLElement {
  return h(
    'span',
    { class: 'xp-count' },
    h('span', { class: 'xp-num' }, String(count)),
    h('span', { class: 'sr-only' }, ` ${notShown}`),
  );
}
