// Sigma compiles every registered program when it starts, drawn or not, and each compile holds the page's main
// thread until the GPU process has linked it. Programs that only draw after an interaction (arrowheads and exact
// curves on a focused neighbourhood, the hovered node's layer) are compiled the first time sigma gives them
// something to draw.
import type { RenderParams } from 'sigma/types';

interface ProgramLike {
  drawLabel?: unknown;
  drawHover?: unknown;
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

/** Base, compiled on first use. */
export function compiledOnFirstUse<P extends ProgramClass>(Base: P): P {
  class CompiledOnFirstUse {
    private inner: ProgramLike | null = null;

    constructor(
      private readonly gl: WebGLRenderingContext,
      private readonly pickingBuffer: WebGLFramebuffer | null,
      private readonly renderer: never,
    ) {}

    // Sigma asks for these only for items this program has processed, so the program exists by then; before,
    // sigma's defaults apply.
    get drawLabel(): unknown {
      return this.inner?.drawLabel;
    }

    get drawHover(): unknown {
      return this.inner?.drawHover;
    }

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
