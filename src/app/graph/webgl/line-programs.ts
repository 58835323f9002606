// The overview's edge programs: straight edges with sigma's line program, and the curves of parallel
// relationships as short straight pieces drawn by that same compiled WebGL program.
//
// Why: on software WebGL (SwiftShader here, common on office VMs) every WebGL program costs 70–110 ms the first
// time it draws, and @sigma/edge-curve's program, whose fragment shader measures each pixel's distance to the
// curve, 90–185 ms. A second program, even a copy of the line program, pays that cost again; a second sigma
// program that reuses the first one's compiled WebGL program does not. The exact curve program (with
// arrowheads and labels that follow the curve) takes over on focus and when zoomed in (reducers.ts).
import { type EdgeProgramType, EdgeRectangleProgram, type ProgramInfo } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { indexToColor } from 'sigma/utils';
import type { AppEdgeAttributes, AppNodeAttributes } from '../../context.js';
import { CURVE_PIECES, curvePoints } from './curve-points.js';

interface SharedProgram {
  key: string;
  info: ProgramInfo;
  users: number;
}

// Per WebGL context: sigma's programs of one renderer share one context, a second renderer has its own.
const compiled = new WeakMap<WebGLRenderingContext, Map<string, SharedProgram>>();
// What each program holds; not a field, since sigma's constructor compiles before a subclass's fields exist.
const held = new WeakMap<object, SharedProgram[]>();

function hold(program: object, entry: SharedProgram): void {
  entry.users++;
  const list = held.get(program);
  if (list) list.push(entry);
  else held.set(program, [entry]);
}

/** Sigma's line program, compiling its shaders once per WebGL context for every program of this family. */
class SharedLineProgram extends EdgeRectangleProgram<AppNodeAttributes, AppEdgeAttributes> {
  override getProgramInfo(
    name: 'normal' | 'pick',
    gl: WebGLRenderingContext | WebGL2RenderingContext,
    vertexShaderSource: string,
    fragmentShaderSource: string,
    frameBuffer: WebGLFramebuffer | null,
  ): ProgramInfo {
    let byContext = compiled.get(gl);
    if (!byContext) {
      byContext = new Map();
      compiled.set(gl, byContext);
    }
    const key = `${name}\n${vertexShaderSource}\n${fragmentShaderSource}`;
    const entry = byContext.get(key);
    if (!entry) {
      const info = super.getProgramInfo(name, gl, vertexShaderSource, fragmentShaderSource, frameBuffer);
      const created = { key, info, users: 0 };
      byContext.set(key, created);
      hold(this, created);
      return info;
    }
    hold(this, entry);
    // Each program keeps its own vertex data; only the compiled program and its locations are shared.
    const buffer = gl.createBuffer();
    const constantBuffer = gl.createBuffer();
    if (!buffer || !constantBuffer) throw new Error('Line program: the WebGL context refused a buffer.');
    return { ...entry.info, buffer, constantBuffer, frameBuffer };
  }

  override kill(): void {
    for (const info of [this.normalProgram, this.pickProgram]) {
      if (!info) continue;
      info.gl.deleteBuffer(info.buffer);
      info.gl.deleteBuffer(info.constantBuffer);
    }
    for (const entry of held.get(this) ?? []) {
      entry.users--;
      if (entry.users > 0) continue;
      const { gl, program, vertexShader, fragmentShader } = entry.info;
      gl.deleteShader(vertexShader);
      gl.deleteShader(fragmentShader);
      gl.deleteProgram(program);
      compiled.get(gl)?.delete(entry.key);
    }
    held.delete(this);
  }
}

/** Curves without arrowheads, each as CURVE_PIECES straight pieces of the line program. */
class PiecewiseCurveProgram extends SharedLineProgram {
  override reallocate(capacity: number): void {
    super.reallocate(capacity * CURVE_PIECES);
  }

  override process(
    edgeIndex: number,
    offset: number,
    sourceData: NodeDisplayData,
    targetData: NodeDisplayData,
    data: EdgeDisplayData,
  ): void {
    const stride = this.STRIDE;
    let i = offset * CURVE_PIECES * stride;
    if (data.hidden || sourceData.hidden || targetData.hidden) {
      this.array.fill(0, i, i + CURVE_PIECES * stride);
      return;
    }
    const curvature = (data as EdgeDisplayData & { curvature?: number }).curvature ?? 0;
    const p = curvePoints(sourceData.x, sourceData.y, targetData.x, targetData.y, curvature, CURVE_PIECES);
    const id = indexToColor(edgeIndex);
    // The line program reads only the ends' positions.
    const from = { ...sourceData };
    const to = { ...targetData };
    for (let k = 0; k < CURVE_PIECES; k++) {
      from.x = p[2 * k] as number;
      from.y = p[2 * k + 1] as number;
      to.x = p[2 * k + 2] as number;
      to.y = p[2 * k + 3] as number;
      this.processVisibleItem(id, i, from, to, data);
      i += stride;
    }
  }
}

// The classes are generic over attributes they never read; only the typing needs narrowing.
export const LineProgram = SharedLineProgram as unknown as EdgeProgramType<
  AppNodeAttributes,
  AppEdgeAttributes
>;
export const CurveProgram = PiecewiseCurveProgram as unknown as EdgeProgramType<
  AppNodeAttributes,
  AppEdgeAttributes
>;
