/**
 * Lesson 00: how this course works.
 *
 * Fill in each function, then run `pnpm grade 00`. Read the feedback, fix, repeat.
 * Stuck? `pnpm hint 00 1` prints the hints for task 1.
 */
import type { ScalarFn } from "@calcml/math";

/**
 * Task 1. The square of a number: `square(x) = x²`.
 *
 * @example square(3) // 9
 */
export function square(x: number): number {
  // BEGIN SOLUTION: return x multiplied by itself.
  return x * x;
  // END SOLUTION
}

/**
 * Task 2. Slope of the secant line through `(a, f(a))` and `(b, f(b))`:
 * `(f(b) − f(a)) / (b − a)`. It is the same whichever point you call `a`.
 *
 * @throws RangeError when `a === b` (a single point has no secant line).
 * @example secantSlope(square, 1, 3) // (9 − 1) / (3 − 1) = 4
 */
export function secantSlope(f: ScalarFn, a: number, b: number): number {
  // BEGIN SOLUTION: reject a === b with a RangeError, then return rise over run.
  if (a === b)
    throw new RangeError(`secantSlope: a and b are equal (${a}); a secant needs two distinct points`);
  return (f(b) - f(a)) / (b - a);
  // END SOLUTION
}
