/** Known bug: the "analytic" gradient is a finite-difference estimate in disguise. */
import type { Vector } from "@calcml/math";
import { numericalGradient } from "../../../../solutions/02-gradients/gradients.ts";

export * from "../../../../solutions/02-gradients/gradients.ts";
export const knownBug = { task: "gradient-of-x2y-plus-3y2", feedback: /finite-difference estimate/i };

export function gradXSquaredYPlus3YSquared(p: Vector): number[] {
  if (p.length !== 2) throw new RangeError("gradXSquaredYPlus3YSquared: expected [x, y]");
  return numericalGradient(([x, y]) => (x as number) ** 2 * (y as number) + 3 * (y as number) ** 2, p);
}
