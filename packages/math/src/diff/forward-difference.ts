import type { ScalarFn } from "../types.ts";
import { stepSize } from "./step-size.ts";

/**
 * One-sided forward difference `(f(x + h) − f(x)) / h`, error O(h). A teaching contrast to the
 * central difference: in calibration its error never got below ~2e-6.
 *
 * @param h relative step, default 1e-6 (≈ the optimal √ε ≈ 1.5e-8 would be better; 1e-6 is the
 * course's convention); the step used is `stepSize(x, h)`.
 * @example
 * forwardDifference(Math.exp, 0); // ≈ 1.0000005
 */
export function forwardDifference(f: ScalarFn, x: number, h = 1e-6): number {
  const s = stepSize(x, h);
  return (f(x + s) - f(x)) / s;
}
