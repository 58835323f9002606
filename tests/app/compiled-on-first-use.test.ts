// The wrapper that delays compiling a sigma program until sigma gives it something to draw. The program class
// here is a recording stand-in: this is the wrapper's own logic, the real programs are drawn in the e2e tests.
import type { RenderParams } from 'sigma/types';
import { describe, expect, it } from 'vitest';
import { compiledOnFirstUse } from '../../src/app/graph/webgl/compiled-on-first-use.js';

function recordingProgram() {
  const calls: string[] = [];
  class Recording {
    constructor(_gl: WebGLRenderingContext, _buffer: WebGLFramebuffer | null, _renderer: never) {
      calls.push('compile');
    }
    reallocate(capacity: number) {
      calls.push(`reallocate ${capacity}`);
    }
    process(index: number) {
      calls.push(`process ${index}`);
    }
    render(_params: RenderParams) {
      calls.push('render');
    }
    kill() {
      calls.push('kill');
    }
  }
  return { calls, Lazy: compiledOnFirstUse(Recording) };
}

const gl = {} as WebGLRenderingContext;
const params = {} as RenderParams;

describe('compiledOnFirstUse', () => {
  it('compiles nothing while sigma has nothing for the program to draw', () => {
    const { calls, Lazy } = recordingProgram();
    const program = new Lazy(gl, null, undefined as never);
    program.reallocate(0);
    program.render(params);
    program.kill();
    expect(calls).toEqual([]);
  });

  it('compiles on the first items, then forwards every call, including later empty ones', () => {
    const { calls, Lazy } = recordingProgram();
    const program = new Lazy(gl, null, undefined as never);
    program.reallocate(0);
    program.reallocate(2);
    program.process(0);
    program.process(1);
    program.render(params);
    program.reallocate(0);
    program.render(params);
    program.kill();
    expect(calls).toEqual([
      'compile',
      'reallocate 2',
      'process 0',
      'process 1',
      'render',
      'reallocate 0',
      'render',
      'kill',
    ]);
  });

  it("uses sigma's default label and hover drawing until it exists, then the program's own", () => {
    const drawLabel = () => {};
    class Labelled {
      readonly drawLabel = drawLabel;
      constructor(_gl: WebGLRenderingContext, _buffer: WebGLFramebuffer | null, _renderer: never) {}
      reallocate(_capacity: number) {}
      process() {}
      render() {}
      kill() {}
    }
    const Lazy = compiledOnFirstUse(Labelled);
    const program = new Lazy(gl, null, undefined as never) as unknown as Labelled & { drawHover: unknown };
    expect(program.drawLabel).toBeUndefined();
    expect(program.drawHover).toBeUndefined();
    program.reallocate(1);
    expect(program.drawLabel).toBe(drawLabel);
    expect(program.drawHover).toBeUndefined();
  });
});
