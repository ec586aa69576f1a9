/** Known bug: the gradient of x²y + 3y² forgets the 3y² term. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/02-gradients/gradients.ts";
export const knownBug = { task: "gradient-of-x2y-plus-3y2", feedback: /missing 6y/i };

export function gradXSquaredYPlus3YSquared(p: Vector): number[] {
  if (p.length !== 2) throw new RangeError("gradXSquaredYPlus3YSquared: expected [x, y]");
  const [x, y] = p as [number, number];
  return [2 * x * y, x * x];
}
