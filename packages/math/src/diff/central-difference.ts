import type { ScalarFn } from "../types.ts";
import { stepSize } from "./step-size.ts";

/**
 * Central difference `(f(x + h) − f(x − h)) / 2h`, error O(h²): the default scheme everywhere in
 * the course.
 *
 * @param h relative step, default 1e-5 (calibrated window 6e-6 … 1e-4); the step used is
 * `stepSize(x, h)`.
 * @example
 * centralDifference(Math.sin, 0); // ≈ 1 (error ≈ 1.7e-11)
 */
export function centralDifference(f: ScalarFn, x: number, h = 1e-5): number {
  const s = stepSize(x, h);
  return (f(x + s) - f(x - s)) / (2 * s);
}
