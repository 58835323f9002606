// Sigma keeps hidden nodes and edges in its WebGL buffers and draws them at size zero: every frame still runs
// the vertex shader for each one. On a software GPU that is most of a frame when an exploration shows 40 of
// 7,100 nodes (bench:ui measured 190 ms per frame with everything hidden, 210 ms with everything shown). The
// reducers give hidden items this type, whose program holds and draws nothing.
import type { RenderParams } from 'sigma/types';

export const HIDDEN_TYPE = 'hidden';

/** Sigma constructs it as it does every program, `new Program(gl, pickingBuffer, renderer)`. */
export class HiddenProgram {
  reallocate(_capacity: number): void {}
  process(..._args: never[]): void {}
  render(_params: RenderParams): void {}
  kill(): void {}
}
