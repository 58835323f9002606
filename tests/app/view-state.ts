// The reducers' view state at overview (nothing hovered, selected or focused), for tests to patch.
import type { ViewState } from '../../src/app/graph/reducers.js';

export function overviewState(patch: Partial<ViewState> = {}): ViewState {
  return {
    lang: 'en',
    sizeBy: 'degree',
    hoveredNode: null,
    hoveredEdge: null,
    selected: null,
    highlight: null,
    zoomedIn: false,
    relLabel: (t) => `rel:${t}`,
    maxBetweenness: 0,
    explore: null,
    ...patch,
  };
}
