// Camera moves shared by the toolbar, search and details: fly to a node, zoom, fit.
import type { AppSigma } from '../context.js';

const FLY_DURATION = 600;
/** Close enough to read a node's neighbours' labels. */
const FLY_RATIO = 0.35;

export async function flyToNode(sigma: AppSigma, node: string): Promise<void> {
  const d = sigma.getNodeDisplayData(node);
  if (!d) return;
  const camera = sigma.getCamera();
  await camera.animate(
    { x: d.x, y: d.y, ratio: Math.min(camera.ratio, FLY_RATIO) },
    { duration: FLY_DURATION },
  );
}

export async function zoomIn(sigma: AppSigma): Promise<void> {
  await sigma.getCamera().animatedZoom({ duration: 250 });
}

export async function zoomOut(sigma: AppSigma): Promise<void> {
  await sigma.getCamera().animatedUnzoom({ duration: 250 });
}

/** Fits the given nodes (by default every visible one) in the view. */
export async function fitView(sigma: AppSigma, nodes?: string[]): Promise<void> {
  const graph = sigma.getGraph();
  const keys = nodes ?? graph.filterNodes((_n, a) => !a.hidden);
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const key of keys) {
    const d = sigma.getNodeDisplayData(key);
    if (!d) continue;
    minX = Math.min(minX, d.x);
    maxX = Math.max(maxX, d.x);
    minY = Math.min(minY, d.y);
    maxY = Math.max(maxY, d.y);
  }
  const camera = sigma.getCamera();
  if (!Number.isFinite(minX) || keys.length === graph.order) {
    await camera.animatedReset({ duration: 400 });
    return;
  }
  // Display coordinates span [0, 1] for the whole graph at ratio 1, so the extent is the ratio that fits it.
  const ratio = Math.min(1, Math.max(0.08, Math.max(maxX - minX, maxY - minY) * 1.15));
  await camera.animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio }, { duration: 400 });
}
