// Back, Forward, undo and redo: the browser's history holds one entry per navigation (url-state.ts decides
// which changes are one); this wires popstate, the camera of the entry returned to, and Ctrl+Z / Ctrl+Shift+Z.
import type { AppSigma } from './context.js';
import type { UrlStateStore } from './url-state.js';

/** Keys inside these are the field's own undo (text editing), not the view's. */
const OWN_UNDO = 'input, textarea, select, [contenteditable="true"], .cm-editor';

export function wireHistory(store: UrlStateStore, sigma: AppSigma): void {
  window.addEventListener('popstate', (e) => store.restore(window.location.search, e.state));
  store.subscribe((s, prev) => {
    if (!store.restoring || s.camera === prev.camera) return;
    const camera = sigma.getCamera();
    if (s.camera) void camera.animate(s.camera, { duration: 300 });
    else void camera.animatedReset({ duration: 300 });
  });
  document.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.defaultPrevented) return;
    const key = e.key.toLowerCase();
    const redo = (key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey);
    const undo = key === 'z' && !e.shiftKey;
    if (!undo && !redo) return;
    if ((e.target as HTMLElement | null)?.closest?.(OWN_UNDO)) return;
    // Only within the page's own entries: undo never leaves the explorer.
    if (undo && store.canUndo()) {
      e.preventDefault();
      window.history.back();
    } else if (redo && store.canRedo()) {
      e.preventDefault();
      window.history.forward();
    }
  });
}
