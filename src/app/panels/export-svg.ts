// The view as SVG: a title band, the edges, the nodes, the labels on screen and the legend. Pure.
import type { LegendItem, ViewPicture } from './export-view.js';

const HEADER = 48;
const LEGEND_ROW = 22;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const n = (v: number) => String(Math.round(v * 10) / 10);

/** Legend rows: items laid left to right, wrapping at the picture's width. */
export function legendLayout(
  items: LegendItem[],
  width: number,
  measure: (text: string) => number,
): { item: LegendItem; x: number; row: number }[] {
  const out: { item: LegendItem; x: number; row: number }[] = [];
  let x = 12;
  let row = 0;
  for (const item of items) {
    const w = 18 + measure(item.label) + 16;
    if (x + w > width && x > 12) {
      row += 1;
      x = 12;
    }
    out.push({ item, x, row });
    x += w;
  }
  return out;
}

export function toSvg(
  view: ViewPicture,
  meta: { title: string; date: string; lang: string; legend: LegendItem[] },
  measure: (text: string) => number = (t) => t.length * view.labelSize * 0.6,
): string {
  const legend = legendLayout(meta.legend, view.width, measure);
  const rows = legend.length ? (legend.at(-1)?.row ?? 0) + 1 : 0;
  const height = HEADER + view.height + rows * LEGEND_ROW + (rows ? 8 : 0);
  const font = esc(view.labelFont);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${view.width}" height="${height}" viewBox="0 0 ${view.width} ${height}" lang="${esc(meta.lang)}" font-family="${font}">`,
    `<title>${esc(meta.title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="12" y="22" font-size="18" font-weight="600" fill="#1b1f24">${esc(meta.title)}</text>`,
    `<text x="12" y="40" font-size="12" fill="#5b6470">${esc(meta.date)}</text>`,
    `<g transform="translate(0 ${HEADER})">`,
    '<g class="edges" stroke-linecap="round">',
    ...view.edges.map(
      (e) =>
        `<line x1="${n(e.x1)}" y1="${n(e.y1)}" x2="${n(e.x2)}" y2="${n(e.y2)}" stroke="${esc(e.color)}" stroke-width="${n(e.width)}"/>`,
    ),
    '</g>',
    '<g class="nodes">',
    ...view.nodes.map(
      (v) =>
        `<circle cx="${n(v.x)}" cy="${n(v.y)}" r="${n(v.r)}" fill="${esc(v.color)}" data-node="${esc(v.id)}"/>`,
    ),
    '</g>',
    `<g class="labels" font-size="${view.labelSize}" font-weight="500" fill="#1b1f24">`,
    ...view.nodes
      .filter((v) => v.label)
      .map(
        (v) =>
          `<text x="${n(v.x + v.r + 3)}" y="${n(v.y + view.labelSize / 3)}" data-node="${esc(v.id)}">${esc(v.label ?? '')}</text>`,
      ),
    '</g>',
    '</g>',
    `<g class="legend" transform="translate(0 ${HEADER + view.height + 4})" font-size="12" fill="#1b1f24">`,
    ...legend.map(
      ({ item, x, row }) =>
        `<circle cx="${x + 6}" cy="${row * LEGEND_ROW + 10}" r="6" fill="${esc(item.color)}"/><text x="${x + 18}" y="${row * LEGEND_ROW + 14}">${esc(item.label)}</text>`,
    ),
    '</g>',
    '</svg>',
  ];
  return `${out.join('\n')}\n`;
}
