import type { ScalarField, Vector } from "../types.ts";
import { stepSize } from "./step-size.ts";

/**
 * Gradient of `f` at `x` by central differences, one coordinate at a time (2n evaluations of `f`),
 * with the step scaled to each coordinate: `hᵢ = stepSize(xᵢ, h)`. Each call of `f` receives a
 * fresh copy of `x`, so `f` may keep or even mutate its argument.
 *
 * @param h relative step, default 1e-5.
 * @example
 * numericalGradient((p) => p[0]! ** 2 * p[1]!, [3, 2]); // ≈ [12, 9]
 */
export function numericalGradient(f: ScalarField, x: Vector, h = 1e-5): number[] {
  const g = new Array<number>(x.length);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const s = stepSize(xi, h);
    const plus = x.slice();
    plus[i] = xi + s;
    const minus = x.slice();
    minus[i] = xi - s;
    g[i] = (f(plus) - f(minus)) / (2 * s);
  }
  return g;
}
