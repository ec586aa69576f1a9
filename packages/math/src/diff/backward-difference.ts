import type { ScalarFn } from "../types.ts";
import { stepSize } from "./step-size.ts";

/**
 * One-sided backward difference `(f(x) − f(x − h)) / h`, error O(h). With the forward difference it
 * detects kinks: at |x|'s corner the two disagree (−1 vs 1).
 *
 * @param h relative step, default 1e-6; the step used is `stepSize(x, h)`.
 * @example
 * backwardDifference(Math.abs, 0); // -1
 */
export function backwardDifference(f: ScalarFn, x: number, h = 1e-6): number {
  const s = stepSize(x, h);
  return (f(x) - f(x - s)) / s;
}
