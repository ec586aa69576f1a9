/** Known bug: stops when the gradient is small, ‖∇f(x)‖ < tolerance, instead of the step η·‖∇f(x)‖. */
import { norm, type Vector, type VectorField } from "@calcml/math";
import type {
  DescentOptions,
  DescentResult,
} from "../../../../solutions/04-gradient-descent/gradient-descent.ts";

export * from "../../../../solutions/04-gradient-descent/gradient-descent.ts";
export const knownBug = { task: "gradient-descent", feedback: /not on ‖∇f/ };

export function gradientDescent(grad: VectorField, x0: Vector, options: DescentOptions): DescentResult {
  const { learningRate, maxIterations = 10_000, tolerance = 1e-8 } = options;
  const valid = learningRate > 0 && Number.isFinite(learningRate) && Number.isInteger(maxIterations);
  if (!valid || maxIterations < 1 || !(tolerance >= 0) || x0.length === 0) {
    throw new RangeError("gradientDescent: invalid options or empty x0");
  }
  let x = x0.slice();
  const path = [x];
  for (let k = 1; k <= maxIterations; k++) {
    const g = grad(x);
    if (norm(g) < tolerance) return { x, iterations: k - 1, converged: true, path };
    x = x.map((xi, i) => xi - learningRate * g[i]!);
    path.push(x);
    if (!x.every(Number.isFinite)) return { x, iterations: k, converged: false, path };
  }
  return { x, iterations: maxIterations, converged: false, path };
}
