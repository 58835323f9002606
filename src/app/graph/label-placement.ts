// Keeps node labels from overlapping: sigma's label grid picks one label per cell, but long labels run into
// the next cells, and the hovered or selected node's boxed label is drawn over whatever lies beneath it.
// Boxes are in viewport pixels, as sigma's label drawers receive them.

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Gap kept between two labels, in pixels. */
const MARGIN = 2;

/**
 * Where sigma's drawDiscNodeLabel puts a label: right of the disc, its baseline a third of the font size below
 * the node's centre; capitals and descenders reach about 0.75 above and 0.22 below the baseline.
 */
export function labelBox(x: number, y: number, nodeSize: number, textWidth: number, fontSize: number): Box {
  const left = x + nodeSize + 3;
  const baseline = y + fontSize / 3;
  return { x1: left, y1: baseline - fontSize * 0.75, x2: left + textWidth, y2: baseline + fontSize * 0.22 };
}

/** What sigma's drawDiscNodeHover covers: the disc and the white box around its label. */
export function hoverBox(x: number, y: number, nodeSize: number, textWidth: number, fontSize: number): Box {
  const radius = Math.max(nodeSize, fontSize / 2) + 2;
  const half = Math.max(radius, fontSize / 2 + 2);
  return { x1: x - radius, y1: y - half, x2: x + radius + textWidth + 5, y2: y + half };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 + MARGIN && b.x1 < a.x2 + MARGIN && a.y1 < b.y2 + MARGIN && b.y1 < a.y2 + MARGIN;
}

/** First come, first placed: a label that would overlap one already placed (or reserved) is skipped. */
export class LabelPlacer {
  private placed: Box[] = [];

  reset(reserved: Box[] = []): void {
    this.placed = [...reserved];
  }

  place(box: Box): boolean {
    for (const other of this.placed) if (overlaps(box, other)) return false;
    this.placed.push(box);
    return true;
  }
}
