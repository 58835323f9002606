// Review decisions and a sync add, drop and replace nodes and relationships while the page runs. Panels that
// count or list the graph redraw once after a burst of such changes. Filters, highlights and the camera change
// attributes one at a time ('set'), which leaves the content as it was, so those do not count.
import type { AppGraph } from '../context.js';

type Schedule = (run: () => void) => void;

const nextFrame: Schedule = (run) => {
  requestAnimationFrame(() => run());
};

/** Calls cb once after any burst of content changes; returns a function that stops listening. */
export function onContentChange(graph: AppGraph, cb: () => void, schedule: Schedule = nextFrame): () => void {
  let pending = false;
  const changed = () => {
    if (pending) return;
    pending = true;
    schedule(() => {
      pending = false;
      cb();
    });
  };
  const replaced = (change: { type: string }) => {
    if (change.type !== 'set' && change.type !== 'remove') changed();
  };
  const events = ['nodeAdded', 'nodeDropped', 'edgeAdded', 'edgeDropped', 'cleared', 'edgesCleared'] as const;
  for (const e of events) graph.on(e, changed);
  graph.on('nodeAttributesUpdated', replaced);
  graph.on('edgeAttributesUpdated', replaced);
  return () => {
    for (const e of events) graph.off(e, changed);
    graph.off('nodeAttributesUpdated', replaced);
    graph.off('edgeAttributesUpdated', replaced);
  };
}
