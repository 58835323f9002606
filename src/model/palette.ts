// One colour per node label, shared by the explorer's legend and the GEXF export so Gephi shows the same picture.
import type { NodeLabel } from './types.js';

export const CATEGORY_COLORS: Record<NodeLabel, string> = {
  Economy: '#1f77b4',
  Forum: '#d62728',
  Framework: '#9467bd',
  FocusArea: '#e377c2',
  Meeting: '#ff7f0e',
  Session: '#f2b447',
  Project: '#2ca02c',
  Person: '#8c564b',
  Organization: '#17becf',
  Topic: '#7f7f7f',
  Initiative: '#bcbd22',
  Document: '#5b6abf',
  Source: '#393b39',
};

export function hexToRgb(hex: string): { r: number; g: number; b: number } {
  const n = Number.parseInt(hex.slice(1), 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}
