/** Known bug: a run whose iterates blow up stops with converged: true. */
import { norm, type Vector, type VectorField } from "@calcml/math";
import type {
  DescentOptions,
  DescentResult,
} from "../../../../solutions/04-gradient-descent/gradient-descent.ts";

export * from "../../../../solutions/04-gradient-descent/gradient-descent.ts";
export const knownBug = { task: "gradient-descent", feedback: /reported as converged/ };

export function gradientDescent(grad: VectorField, x0: Vector, options: DescentOptions): DescentResult {
  const { learningRate, maxIterations = 10_000, tolerance = 1e-8 } = options;
  const valid = learningRate > 0 && Number.isFinite(learningRate) && Number.isInteger(maxIterations);
  if (!valid || maxIterations < 1 || !(tolerance >= 0) || x0.length === 0) {
    throw new RangeError("gradientDescent: invalid options or empty x0");
  }
  let x = x0.slice();
  const path = [x];
  for (let k = 1; k <= maxIterations; k++) {
    const step = grad(x).map((g) => -learningRate * g);
    x = x.map((xi, i) => xi + step[i]!);
    path.push(x);
    if (!x.every(Number.isFinite) || norm(step) < tolerance)
      return { x, iterations: k, converged: true, path };
  }
  return { x, iterations: maxIterations, converged: false, path };
}
