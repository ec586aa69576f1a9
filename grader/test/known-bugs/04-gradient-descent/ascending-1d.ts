/** Known bug: the 1-D descent adds η·f'(x) instead of subtracting it (gradient ascent). */
import type { ScalarFn } from "@calcml/math";
import type { DescentOptions } from "../../../../solutions/04-gradient-descent/gradient-descent.ts";

export * from "../../../../solutions/04-gradient-descent/gradient-descent.ts";
export const knownBug = { task: "gradient-descent-1d", feedback: /uphill/ };

export function gradientDescent1D(df: ScalarFn, x0: number, options: DescentOptions) {
  const { learningRate, maxIterations = 10_000, tolerance = 1e-8 } = options;
  const valid = learningRate > 0 && Number.isFinite(learningRate) && Number.isInteger(maxIterations);
  if (!valid || maxIterations < 1 || !(tolerance >= 0))
    throw new RangeError("gradientDescent1D: invalid options");
  let x = x0;
  const path = [x];
  for (let k = 1; k <= maxIterations; k++) {
    const step = learningRate * df(x);
    x += step;
    path.push(x);
    if (!Number.isFinite(x)) return { x, iterations: k, converged: false, path };
    if (Math.abs(step) < tolerance) return { x, iterations: k, converged: true, path };
  }
  return { x, iterations: maxIterations, converged: false, path };
}
