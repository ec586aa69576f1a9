/** Known bug: x is updated in place and the same array is pushed onto the path every step. */
import { norm, type Vector, type VectorField } from "@calcml/math";
import type {
  DescentOptions,
  DescentResult,
} from "../../../../solutions/04-gradient-descent/gradient-descent.ts";

export * from "../../../../solutions/04-gradient-descent/gradient-descent.ts";
export const knownBug = { task: "gradient-descent", feedback: /record a copy/ };

export function gradientDescent(grad: VectorField, x0: Vector, options: DescentOptions): DescentResult {
  const { learningRate, maxIterations = 10_000, tolerance = 1e-8 } = options;
  const valid = learningRate > 0 && Number.isFinite(learningRate) && Number.isInteger(maxIterations);
  if (!valid || maxIterations < 1 || !(tolerance >= 0) || x0.length === 0) {
    throw new RangeError("gradientDescent: invalid options or empty x0");
  }
  const x = x0.slice();
  const path = [x0.slice()];
  for (let k = 1; k <= maxIterations; k++) {
    const step = grad(x).map((g) => -learningRate * g);
    for (let i = 0; i < x.length; i++) x[i] = x[i]! + step[i]!;
    path.push(x);
    if (!x.every(Number.isFinite)) return { x, iterations: k, converged: false, path };
    if (norm(step) < tolerance) return { x, iterations: k, converged: true, path };
  }
  return { x, iterations: maxIterations, converged: false, path };
}
