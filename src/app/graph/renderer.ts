// Creates the sigma renderer with the programs and settings the explorer relies on.
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import Sigma from 'sigma';
import {
  EdgeArrowProgram,
  type EdgeProgramType,
  NodeCircleProgram,
  type NodeProgramType,
} from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { AppEdgeAttributes, AppGraph, AppNodeAttributes, AppSigma } from '../context.js';
import { EDGE_ARROW_TYPE } from './reducers.js';
import { compiledOnFirstUse } from './webgl/compiled-on-first-use.js';
import { deferNodePicking } from './webgl/deferred-picking.js';
import { HIDDEN_TYPE, HiddenProgram } from './webgl/hidden-program.js';
import { nonOverlappingLabels } from './webgl/label-drawer.js';
import { CurveProgram, LineProgram } from './webgl/line-programs.js';

export const LABEL_FONT =
  'system-ui, "Noto Sans CJK TC", "Noto Sans TC", "PingFang TC", "Microsoft JhengHei", "Segoe UI", sans-serif';

export interface RendererOptions {
  nodeReducer: (node: string, a: AppNodeAttributes) => Partial<NodeDisplayData>;
  edgeReducer: (edge: string, a: AppEdgeAttributes) => Partial<EdgeDisplayData>;
  /** Nodes sigma draws with a boxed label on top of the rest (hovered, selected). */
  boxedLabels: () => (string | null)[];
}

// The programs are generic over attributes they never read; only the typing needs narrowing.
const asProgram = (p: EdgeProgramType): EdgeProgramType<AppNodeAttributes, AppEdgeAttributes> =>
  p as unknown as EdgeProgramType<AppNodeAttributes, AppEdgeAttributes>;
const asNodeProgram = (p: typeof HiddenProgram): NodeProgramType<AppNodeAttributes, AppEdgeAttributes> =>
  p as unknown as NodeProgramType<AppNodeAttributes, AppEdgeAttributes>;

export function createRenderer(container: HTMLElement, graph: AppGraph, opts: RendererOptions): AppSigma {
  const labels = nonOverlappingLabels(graph, opts.boxedLabels);
  const picking = deferNodePicking();
  const sigma = new Sigma<AppNodeAttributes, AppEdgeAttributes>(graph, container, {
    defaultDrawNodeLabel: labels.draw,
    nodeProgramClasses: { circle: picking.Program, [HIDDEN_TYPE]: asNodeProgram(HiddenProgram) },
    nodeHoverProgramClasses: {
      circle: compiledOnFirstUse(NodeCircleProgram),
      [HIDDEN_TYPE]: asNodeProgram(HiddenProgram),
    },
    defaultEdgeType: 'line',
    // The overview draws every edge with one compiled program; arrowheads and exact curves appear with a focus
    // or when zoomed in (reducers.ts).
    edgeProgramClasses: {
      line: LineProgram,
      curved: CurveProgram,
      [EDGE_ARROW_TYPE.line]: asProgram(compiledOnFirstUse(EdgeArrowProgram)),
      [EDGE_ARROW_TYPE.curved]: asProgram(compiledOnFirstUse(EdgeCurvedArrowProgram)),
      [HIDDEN_TYPE]: asProgram(HiddenProgram as unknown as EdgeProgramType),
    },
    renderEdgeLabels: true,
    // Edge hover is found by geometry (edge-hit.ts): sigma's edge events cost a second render of every edge.
    enableEdgeEvents: false,
    // Software WebGL (common on office machines and VMs) cannot redraw a thousand edges per frame smoothly.
    hideEdgesOnMove: true,
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
  labels.attach(sigma);
  // The first drawing happens inside sigma's constructor, before boxed labels can be reserved: a link that
  // opens with a selection gets a second one.
  if (opts.boxedLabels().some((node) => node !== null)) sigma.scheduleRender();
  // Once the first frame is on screen: drawing the picking layer in the same frame would hold the frame back
  // until the GPU has compiled its shader.
  requestAnimationFrame(() => setTimeout(() => picking.enable(sigma.getRenderParams())));
  return sigma;
}
