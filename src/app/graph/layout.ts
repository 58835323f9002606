// Re-running ForceAtlas2 on request, off the main thread, and going back to the precomputed positions.
import type FA2Layout from 'graphology-layout-forceatlas2/worker';
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
  let loading: Promise<FA2Layout> | null = null;
  // What the user asked for; the worker follows once its code has loaded.
  let wanted = false;
  const listeners: ((running: boolean) => void)[] = [];
  const emit = () => {
    for (const cb of listeners) cb(wanted);
  };
  // The layout code loads on first use: most visits keep the precomputed positions.
  const ensure = (): Promise<FA2Layout> => {
    loading ??= Promise.all([
      import('graphology-layout-forceatlas2'),
      import('graphology-layout-forceatlas2/worker'),
    ]).then(([fa2, worker]) => {
      // Same settings family as the export's layout, so a re-run refines the picture instead of replacing it.
      const settings = {
        ...fa2.inferSettings(graph),
        gravity: 1,
        scalingRatio: 8,
        barnesHutOptimize: graph.order > 2000,
      };
      layout = new worker.default(graph, { settings, getEdgeWeight: null });
      return layout;
    });
    return loading;
  };
  return {
    isRunning: () => wanted,
    start() {
      wanted = true;
      emit();
      ensure().then(
        (l) => {
          if (wanted) l.start();
        },
        (err: unknown) => {
          console.error(err);
          wanted = false;
          emit();
        },
      );
    },
    stop() {
      wanted = false;
      layout?.stop();
      emit();
    },
    reset() {
      wanted = false;
      layout?.stop();
      graph.updateEachNodeAttributes((_n, a) => ({ ...a, x: a.x0, y: a.y0 }), { attributes: ['x', 'y'] });
      emit();
    },
    onChange(cb) {
      listeners.push(cb);
    },
    kill() {
      wanted = false;
      layout?.kill();
      layout = null;
      loading = null;
    },
  };
}
