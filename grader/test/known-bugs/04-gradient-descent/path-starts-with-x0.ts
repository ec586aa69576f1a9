/** Known bug: gradientDescent records the caller's x0 itself as path[0], not a copy of it. */
import { norm, type Vector, type VectorField } from "@calcml/math";
import type {
  DescentOptions,
  DescentResult,
} from "../../../../solutions/04-gradient-descent/gradient-descent.ts";

export * from "../../../../solutions/04-gradient-descent/gradient-descent.ts";
export const knownBug = { task: "gradient-descent", feedback: /caller's x0 itself/i };

export function gradientDescent(grad: VectorField, x0: Vector, options: DescentOptions): DescentResult {
  const { learningRate, maxIterations = 10_000, tolerance = 1e-8 } = options;
  if (!(learningRate > 0 && Number.isFinite(learningRate)))
    throw new RangeError("gradientDescent: learningRate must be a positive number");
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1))
    throw new RangeError("gradientDescent: maxIterations must be a positive integer");
  if (!(tolerance >= 0)) throw new RangeError("gradientDescent: tolerance must be ≥ 0");
  if (x0.length === 0) throw new RangeError("gradientDescent: x0 is empty");
  let x = x0 as number[];
  const path = [x];
  for (let k = 1; k <= maxIterations; k++) {
    const g = grad(x);
    const step = x.map((_, i) => -learningRate * g[i]!);
    x = x.map((xi, i) => xi + step[i]!);
    path.push(x);
    if (!x.every(Number.isFinite)) return { x, iterations: k, converged: false, path };
    if (norm(step) < tolerance) return { x, iterations: k, converged: true, path };
  }
  return { x, iterations: maxIterations, converged: false, path };
}
