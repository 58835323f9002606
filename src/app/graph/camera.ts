// Camera moves shared by the toolbar, search and details: fit a node with its neighbourhood, zoom, fit a set.
import type { AppSigma } from '../context.js';

const FLY_DURATION = 600;
/** Close enough to read a node's neighbours' labels; a lone node is not zoomed in further than this. */
const FLY_RATIO = 0.35;
/** Pixels kept free around what is fitted, so labels and the toolbar do not cover its edge. */
const MARGIN = 56;
const MIN_RATIO = 0.04;

/**
 * Animates the camera so that every given node lies in the canvas as it is now laid out (a panel that opened
 * in the same task has already narrowed it), with a margin. Computed in pixels at the current zoom, so the
 * aspect ratio and the panels' space are taken into account.
 */
export async function fitNodes(
  sigma: AppSigma,
  nodes: string[],
  opts: { duration?: number; maxRatio?: number } = {},
): Promise<void> {
  sigma.resize();
  const camera = sigma.getCamera();
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const key of nodes) {
    const d = sigma.getNodeDisplayData(key);
    if (!d) continue;
    minX = Math.min(minX, d.x);
    maxX = Math.max(maxX, d.x);
    minY = Math.min(minY, d.y);
    maxY = Math.max(maxY, d.y);
  }
  if (!Number.isFinite(minX)) return;
  const { width, height } = sigma.getDimensions();
  // Sigma's cached matrix is from the last frame, drawn before the canvas was resized: compute a fresh one.
  const fresh = { viewportDimensions: { width, height } };
  const a = sigma.framedGraphToViewport({ x: minX, y: minY }, fresh);
  const b = sigma.framedGraphToViewport({ x: maxX, y: maxY }, fresh);
  const w = Math.max(1, width - 2 * MARGIN);
  const hgt = Math.max(1, height - 2 * MARGIN);
  const scale = Math.max(Math.abs(b.x - a.x) / w, Math.abs(b.y - a.y) / hgt);
  const ratio = Math.min(opts.maxRatio ?? 1.2, Math.max(MIN_RATIO, camera.ratio * scale));
  await camera.animate(
    { x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio },
    { duration: opts.duration ?? FLY_DURATION },
  );
}

/** Fits a node and its visible neighbours, so that every relationship of it can be followed on screen. */
export async function flyToNode(sigma: AppSigma, node: string): Promise<void> {
  const graph = sigma.getGraph();
  if (!graph.hasNode(node)) return;
  const around = graph.filterNeighbors(node, (_n, a) => !a.hidden);
  if (around.length === 0) {
    const d = sigma.getNodeDisplayData(node);
    if (!d) return;
    const camera = sigma.getCamera();
    await camera.animate(
      { x: d.x, y: d.y, ratio: Math.min(camera.ratio, FLY_RATIO) },
      { duration: FLY_DURATION },
    );
    return;
  }
  await fitNodes(sigma, [node, ...around]);
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
  if (keys.length === 0 || keys.length === graph.order) {
    await sigma.getCamera().animatedReset({ duration: 400 });
    return;
  }
  await fitNodes(sigma, keys, { duration: 400, maxRatio: 1 });
}
