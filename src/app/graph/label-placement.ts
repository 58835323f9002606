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

  fits(box: Box): boolean {
    for (const other of this.placed) if (overlaps(box, other)) return false;
    return true;
  }

  place(box: Box): boolean {
    for (const other of this.placed) if (overlaps(box, other)) return false;
    this.placed.push(box);
    return true;
  }
}

/** A label's box with where its text starts and its baseline. */
export interface LabelSpot extends Box {
  textX: number;
  baseline: number;
}

/**
 * The places a label may take, in order of preference: right of the disc (sigma's own place), left of it,
 * above and below it centred.
 */
export function labelSpots(
  x: number,
  y: number,
  nodeSize: number,
  textWidth: number,
  fontSize: number,
): LabelSpot[] {
  const ascent = fontSize * 0.75;
  const descent = fontSize * 0.22;
  const spot = (textX: number, baseline: number): LabelSpot => ({
    textX,
    baseline,
    x1: textX,
    y1: baseline - ascent,
    x2: textX + textWidth,
    y2: baseline + descent,
  });
  const middle = y + fontSize / 3;
  const line = fontSize + 2;
  const right = x + nodeSize + 3;
  const left = x - nodeSize - 3 - textWidth;
  const centred = x - textWidth / 2;
  const spots = [
    spot(right, middle),
    spot(left, middle),
    spot(centred, y - nodeSize - 3 - descent),
    spot(centred, y + nodeSize + 3 + ascent),
  ];
  // Then a line or two up or down on either side, still next to the node.
  for (const dy of [-line, line, -2 * line, 2 * line, -3 * line, 3 * line]) {
    spots.push(spot(right, middle + dy), spot(left, middle + dy));
  }
  for (const dy of [-line, line]) {
    spots.push(spot(centred, y - nodeSize - 3 - descent + dy), spot(centred, y + nodeSize + 3 + ascent + dy));
  }
  return spots;
}
