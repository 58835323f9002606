// Label placement: which labels the canvas keeps when they would overlap.
import { describe, expect, it } from 'vitest';
import { hoverBox, LabelPlacer, labelBox, overlaps } from '../../src/app/graph/label-placement.js';

describe('label placement', () => {
  it('puts a label right of its disc, on the centre line', () => {
    const box = labelBox(100, 50, 10, 80, 13);
    expect(box.x1).toBe(113);
    expect(box.x2).toBe(193);
    expect(box.y1).toBeLessThan(50);
    expect(box.y2).toBeGreaterThan(50);
  });

  it('covers the disc and the label with a boxed (hovered or selected) label', () => {
    const box = hoverBox(100, 50, 20, 80, 13);
    expect(box.x1).toBeLessThanOrEqual(80);
    expect(box.x2).toBeGreaterThanOrEqual(100 + 20 + 80);
    expect(box.y1).toBeLessThanOrEqual(30);
    expect(box.y2).toBeGreaterThanOrEqual(70);
  });

  it('skips a label that would overlap one already placed, and keeps those clear of it', () => {
    const placer = new LabelPlacer();
    placer.reset();
    expect(placer.place(labelBox(0, 0, 5, 100, 13))).toBe(true);
    // Same line, starting inside the first label.
    expect(placer.place(labelBox(60, 2, 5, 100, 13))).toBe(false);
    // One line below: clear.
    expect(placer.place(labelBox(60, 20, 5, 100, 13))).toBe(true);
    // Far right on the first line: clear.
    expect(placer.place(labelBox(200, 0, 5, 100, 13))).toBe(true);
  });

  it('keeps reserved boxes (forced and boxed labels) free, and forgets everything on reset', () => {
    const placer = new LabelPlacer();
    const hub = hoverBox(300, 300, 25, 90, 13);
    placer.reset([hub]);
    const neighbour = labelBox(250, 305, 6, 120, 13);
    expect(overlaps(neighbour, hub)).toBe(true);
    expect(placer.place(neighbour)).toBe(false);
    placer.reset();
    expect(placer.place(neighbour)).toBe(true);
  });
});

describe('label boxes on neighbouring lines', () => {
  it('lets labels 16 px apart (13 px font) stand one above the other', () => {
    const placer = new LabelPlacer();
    placer.reset();
    expect(placer.place(labelBox(0, 401, 8, 150, 13))).toBe(true);
    expect(placer.place(labelBox(-40, 417, 8, 150, 13))).toBe(true);
    expect(placer.place(labelBox(-40, 410, 8, 150, 13))).toBe(false);
  });
});
