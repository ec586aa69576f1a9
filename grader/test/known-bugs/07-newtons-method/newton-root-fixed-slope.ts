/** Known bug: the derivative is taken once at the start and reused (the chord method: linear convergence). */
import type { ScalarFn } from "@calcml/math";
import type { RootOptions } from "../../../../solutions/07-newtons-method/newtons-method.ts";

export * from "../../../../solutions/07-newtons-method/newtons-method.ts";
export const knownBug = { task: "newton-root", feedback: /digits double/ };

export function newtonRoot(f: ScalarFn, df: ScalarFn, x0: number, options: RootOptions = {}) {
  const { tolerance = 1e-12, maxIterations = 50 } = options;
  const slope = df(x0);
  let x = x0;
  for (let k = 1; k <= maxIterations; k++) {
    if (slope === 0) return { root: x, iterations: k - 1, converged: false };
    const step = f(x) / slope;
    x -= step;
    if (Math.abs(step) <= tolerance * Math.max(1, Math.abs(x)))
      return { root: x, iterations: k, converged: true };
  }
  return { root: x, iterations: maxIterations, converged: false };
}
