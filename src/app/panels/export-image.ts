// The view as PNG: sigma's own layers (so the labels are exactly those on screen), drawn at 1x, 2x or a chosen
// width, under a title band and above a legend. Higher resolutions redraw the same view at a higher pixel
// ratio, which keeps the layout and the label choice while sharpening everything.
import type { AppSigma } from '../context.js';
import { legendLayout } from './export-svg.js';
import type { LegendItem } from './export-view.js';

const HEADER = 48;
const LEGEND_ROW = 22;

/** Runs draw() while the page reports another device pixel ratio, then puts everything back. */
function withPixelRatio<T>(sigma: AppSigma, ratio: number, draw: () => T): T {
  const own = Object.getOwnPropertyDescriptor(window, 'devicePixelRatio');
  const base = window.devicePixelRatio || 1;
  if (ratio === base) {
    sigma.refresh();
    return draw();
  }
  Object.defineProperty(window, 'devicePixelRatio', { configurable: true, get: () => ratio });
  try {
    sigma.resize(true);
    sigma.refresh();
    return draw();
  } finally {
    if (own) Object.defineProperty(window, 'devicePixelRatio', own);
    else delete (window as { devicePixelRatio?: number }).devicePixelRatio;
    sigma.resize(true);
    sigma.refresh();
  }
}

export interface PngOptions {
  /** Output pixels per CSS pixel of the graph area: 1, 2, or width / graph width. */
  scale: number;
  title: string;
  date: string;
  legend: LegendItem[];
}

export function viewToCanvas(sigma: AppSigma, opts: PngOptions): HTMLCanvasElement {
  const { width, height } = sigma.getDimensions();
  const s = opts.scale;
  const measureCtx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
  measureCtx.font = '12px sans-serif';
  const legend = legendLayout(opts.legend, width, (t) => measureCtx.measureText(t).width);
  const rows = legend.length ? (legend.at(-1)?.row ?? 0) + 1 : 0;
  const legendH = rows * LEGEND_ROW + (rows ? 8 : 0);
  const out = document.createElement('canvas');
  out.width = Math.round(width * s);
  out.height = Math.round((HEADER + height + legendH) * s);
  const c = out.getContext('2d') as CanvasRenderingContext2D;
  c.fillStyle = '#ffffff';
  c.fillRect(0, 0, out.width, out.height);
  // The layers must be copied in the same task as the drawing: WebGL keeps no buffer once it is on screen.
  withPixelRatio(sigma, s, () => {
    for (const layer of sigma.getContainer().querySelectorAll('canvas')) {
      if (layer.width === 0 || layer.height === 0) continue;
      c.drawImage(layer, 0, 0, layer.width, layer.height, 0, HEADER * s, width * s, height * s);
    }
  });
  c.scale(s, s);
  const font = sigma.getSetting('labelFont');
  c.fillStyle = '#1b1f24';
  c.font = `600 18px ${font}`;
  c.fillText(opts.title, 12, 22);
  c.fillStyle = '#5b6470';
  c.font = `12px ${font}`;
  c.fillText(opts.date, 12, 40);
  const top = HEADER + height + 4;
  for (const { item, x, row } of legend) {
    c.fillStyle = item.color;
    c.beginPath();
    c.arc(x + 6, top + row * LEGEND_ROW + 10, 6, 0, 2 * Math.PI);
    c.fill();
    c.fillStyle = '#1b1f24';
    c.fillText(item.label, x + 18, top + row * LEGEND_ROW + 14);
  }
  return out;
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))),
      'image/png',
    ),
  );
}
