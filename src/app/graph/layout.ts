// Re-running ForceAtlas2 on request, off the main thread, and going back to the precomputed positions.
import { inferSettings } from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import type { AppGraph } from '../context.js';

export interface LayoutControl {
  isRunning(): boolean;
  start(): void;
  stop(): void;
  /** Stops the layout and puts every node back where the export placed it. */
  reset(): void;
  onChange(cb: (running: boolean) => void): void;
  kill(): void;
}

export function createLayoutControl(graph: AppGraph): LayoutControl {
  let layout: FA2Layout | null = null;
  const listeners: ((running: boolean) => void)[] = [];
  const emit = () => {
    for (const cb of listeners) cb(layout?.isRunning() ?? false);
  };
  const ensure = (): FA2Layout => {
    if (!layout) {
      // Same settings family as the export's layout, so a re-run refines the picture instead of replacing it.
      const settings = {
        ...inferSettings(graph),
        gravity: 1,
        scalingRatio: 8,
        barnesHutOptimize: graph.order > 2000,
      };
      layout = new FA2Layout(graph, { settings, getEdgeWeight: null });
    }
    return layout;
  };
  return {
    isRunning: () => layout?.isRunning() ?? false,
    start() {
      ensure().start();
      emit();
    },
    stop() {
      layout?.stop();
      emit();
    },
    reset() {
      layout?.stop();
      graph.updateEachNodeAttributes((_n, a) => ({ ...a, x: a.x0, y: a.y0 }), { attributes: ['x', 'y'] });
      emit();
    },
    onChange(cb) {
      listeners.push(cb);
    },
    kill() {
      layout?.kill();
      layout = null;
    },
  };
}
