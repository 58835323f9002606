// Camera and layout controls over the canvas, and the choice of what node size means.
import type { AppContext } from '../context.js';
import { fitView, zoomIn, zoomOut } from '../graph/camera.js';
import type { LayoutControl } from '../graph/layout.js';
import { h } from '../ui/dom.js';
import { SIZE_MODES, type SizeMode } from '../url-state.js';

export function mountToolbar(el: HTMLElement, ctx: AppContext, layout: LayoutControl): void {
  const button = (id: string, icon: string, onclick: () => void) =>
    h(
      'button',
      { type: 'button', class: 'icon-button', id, onclick },
      h('span', { 'aria-hidden': 'true' }, icon),
    );
  const zin = button('zoom-in', '+', () => void zoomIn(ctx.sigma));
  const zout = button('zoom-out', '−', () => void zoomOut(ctx.sigma));
  const fit = button('fit-view', '⤢', () => void fitView(ctx.sigma));
  const run = button('layout-run', '▶', () => (layout.isRunning() ? layout.stop() : layout.start()));
  const reset = button('layout-reset', '↺', () => {
    layout.reset();
    ctx.announce(ctx.t('layout.reset'));
  });
  const size = h('select', {
    id: 'size-by',
    onchange: (e: Event) => ctx.state.set({ sizeBy: (e.target as HTMLSelectElement).value as SizeMode }),
  });
  const sizeLabel = h('label', { for: 'size-by', class: 'toolbar-label' });
  el.replaceChildren(zin, zout, fit, h('span', { class: 'toolbar-sep' }), run, reset, sizeLabel, size);

  const render = () => {
    el.setAttribute('aria-label', ctx.t('toolbar.label'));
    const running = layout.isRunning();
    const labels: [HTMLElement, string][] = [
      [zin, 'toolbar.zoomIn'],
      [zout, 'toolbar.zoomOut'],
      [fit, 'toolbar.fit'],
      [run, running ? 'toolbar.layoutStop' : 'toolbar.layout'],
      [reset, 'toolbar.layoutReset'],
    ];
    for (const [b, key] of labels) {
      b.setAttribute('aria-label', ctx.t(key));
      b.title = ctx.t(key);
    }
    run.setAttribute('aria-pressed', String(running));
    (run.firstChild as HTMLElement).textContent = running ? '■' : '▶';
    sizeLabel.textContent = ctx.t('toolbar.sizeBy');
    size.replaceChildren(
      ...SIZE_MODES.map((m) =>
        h('option', { value: m, selected: ctx.state.get().sizeBy === m }, ctx.t(`size.${m}`)),
      ),
    );
  };
  render();
  layout.onChange((running) => {
    render();
    ctx.announce(ctx.t(running ? 'layout.running' : 'layout.stopped'));
  });
  ctx.onLangChange(render);
  ctx.state.subscribe((s, prev) => {
    if (s.sizeBy !== prev.sizeBy) size.value = s.sizeBy;
  });
}
