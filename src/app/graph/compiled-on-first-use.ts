// Sigma compiles every registered program when it starts, drawn or not, and each compile holds the page's main
// thread until the GPU process has linked it. Programs that only draw after an interaction (arrowheads on a
// focused neighbourhood, the hovered node's layer) are compiled the first time sigma gives them something to draw.
import type { RenderParams } from 'sigma/types';

interface ProgramLike {
  reallocate(capacity: number): void;
  process(...args: never[]): void;
  render(params: RenderParams): void;
  kill(): void;
}

type ProgramClass = new (
  gl: WebGLRenderingContext,
  pickingBuffer: WebGLFramebuffer | null,
  renderer: never,
) => ProgramLike;

/**
 * Base, compiled on first use. Only for programs that draw their labels and hovers with sigma's defaults: the
 * wrapper cannot know a program's own drawLabel or drawHover before it exists.
 */
export function compiledOnFirstUse<P extends ProgramClass>(Base: P): P {
  class CompiledOnFirstUse {
    readonly drawLabel = undefined;
    readonly drawHover = undefined;
    private inner: ProgramLike | null = null;

    constructor(
      private readonly gl: WebGLRenderingContext,
      private readonly pickingBuffer: WebGLFramebuffer | null,
      private readonly renderer: never,
    ) {}

    private program(): ProgramLike {
      this.inner ??= new Base(this.gl, this.pickingBuffer, this.renderer);
      return this.inner;
    }

    reallocate(capacity: number): void {
      // Sigma sizes every program before each full drawing, most of them to 0.
      if (capacity > 0 || this.inner) this.program().reallocate(capacity);
    }

    process(...args: never[]): void {
      this.program().process(...args);
    }

    render(params: RenderParams): void {
      this.inner?.render(params);
    }

    kill(): void {
      this.inner?.kill();
      this.inner = null;
    }
  }
  return CompiledOnFirstUse as unknown as P;
}
