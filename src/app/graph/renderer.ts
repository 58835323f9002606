// Creates the sigma renderer with the programs and settings the explorer relies on.
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import Sigma from 'sigma';
import { EdgeArrowProgram, type EdgeProgramType } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { AppEdgeAttributes, AppGraph, AppNodeAttributes, AppSigma } from '../context.js';

export const LABEL_FONT =
  'system-ui, "Noto Sans CJK TC", "Noto Sans TC", "PingFang TC", "Microsoft JhengHei", "Segoe UI", sans-serif';

export interface RendererOptions {
  nodeReducer: (node: string, a: AppNodeAttributes) => Partial<NodeDisplayData>;
  edgeReducer: (edge: string, a: AppEdgeAttributes) => Partial<EdgeDisplayData>;
}

// The programs are generic over attributes they never read; only the typing needs narrowing.
const asProgram = (p: EdgeProgramType): EdgeProgramType<AppNodeAttributes, AppEdgeAttributes> =>
  p as unknown as EdgeProgramType<AppNodeAttributes, AppEdgeAttributes>;

export function createRenderer(container: HTMLElement, graph: AppGraph, opts: RendererOptions): AppSigma {
  return new Sigma<AppNodeAttributes, AppEdgeAttributes>(graph, container, {
    defaultEdgeType: 'straight',
    edgeProgramClasses: { straight: asProgram(EdgeArrowProgram), curved: asProgram(EdgeCurvedArrowProgram) },
    renderEdgeLabels: true,
    enableEdgeEvents: true,
    // Drawing is cheap at this graph's size; beyond these sizes software WebGL stutters while panning.
    hideEdgesOnMove: graph.size > 3000,
    hideLabelsOnMove: graph.order > 2000,
    // A coarse label grid keeps labels from piling up: one label per cell, largest nodes first.
    labelDensity: 0.5,
    labelGridCellSize: 140,
    labelRenderedSizeThreshold: 7,
    labelFont: LABEL_FONT,
    labelSize: 13,
    labelWeight: '500',
    edgeLabelFont: LABEL_FONT,
    edgeLabelSize: 11,
    edgeLabelColor: { color: '#4a5260' },
    zIndex: true,
    stagePadding: 40,
    minCameraRatio: 0.03,
    maxCameraRatio: 4,
    nodeReducer: opts.nodeReducer,
    edgeReducer: opts.edgeReducer,
  });
}
