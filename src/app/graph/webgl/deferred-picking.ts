// Sigma draws every node twice a frame: on screen, and into a hidden picking layer that tells it which node is
// under the mouse. On software WebGL (SwiftShader here, common on office VMs) the first draw with a shader costs
// 70–110 ms, so the picking shader is compiled and drawn once the first frame is on screen: the graph shows
// sooner and the mouse finds nodes a frame later.
import { NodeCircleProgram, type NodeProgramType } from 'sigma/rendering';
import type { RenderParams } from 'sigma/types';
import type { AppEdgeAttributes, AppNodeAttributes } from '../../context.js';

type Sigma = ConstructorParameters<typeof NodeCircleProgram>[2];

// Sigma's own prefix for the picking variant of a shader (rendering/program.ts); it is not exported.
const PICKING_PREFIX = '#define PICKING_MODE\n';

export interface DeferredPicking {
  /** Sigma's circle program, created without its picking half. */
  Program: NodeProgramType<AppNodeAttributes, AppEdgeAttributes>;
  /**
   * Gives every program created so far its picking half and draws the picking layer for the frame on screen
   * (params: sigma's getRenderParams()); from then on sigma draws both halves every frame.
   */
  enable(params: RenderParams): void;
}

export function deferNodePicking(): DeferredPicking {
  const pending = new Set<DeferredPickingCircle>();

  class DeferredPickingCircle extends NodeCircleProgram {
    private readonly pickingBuffer: WebGLFramebuffer | null;

    constructor(gl: WebGLRenderingContext, pickingBuffer: WebGLFramebuffer | null, renderer: Sigma) {
      super(gl, null, renderer);
      this.pickingBuffer = pickingBuffer;
      // Sigma's hover layer passes no picking buffer: nothing to add later.
      if (pickingBuffer) pending.add(this);
    }

    enablePicking(params: RenderParams): void {
      if (this.pickProgram || !this.pickingBuffer) return;
      const pick = this.getProgramInfo(
        'pick',
        this.normalProgram.gl,
        PICKING_PREFIX + this.VERTEX_SHADER_SOURCE,
        PICKING_PREFIX + this.FRAGMENT_SHADER_SOURCE,
        this.pickingBuffer,
      );
      this.pickProgram = pick;
      if (this.hasNothingToRender()) return;
      // The picking half of sigma's Program.render: the layer was cleared by the last frame, which left it empty.
      const pickingRatio = params.pixelRatio / params.downSizingRatio;
      pick.gl.viewport(0, 0, params.width * pickingRatio, params.height * pickingRatio);
      this.bindProgram(pick);
      this.renderProgram({ ...params, pixelRatio: pickingRatio }, pick);
      this.unbindProgram(pick);
    }

    override kill(): void {
      pending.delete(this);
      super.kill();
    }
  }

  return {
    // The program is generic over attributes it never reads; only the typing needs narrowing.
    Program: DeferredPickingCircle as unknown as NodeProgramType<AppNodeAttributes, AppEdgeAttributes>,
    enable(params) {
      for (const program of pending) program.enablePicking(params);
      pending.clear();
    },
  };
}
