/** Known bug: the derivative of 3y² is put in the x-component instead of the y-component. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/02-gradients/gradients.ts";
export const knownBug = { task: "gradient-of-x2y-plus-3y2", feedback: /belongs to ∂f\/∂y/i };

export function gradXSquaredYPlus3YSquared(p: Vector): number[] {
  if (p.length !== 2) throw new RangeError("gradXSquaredYPlus3YSquared: expected [x, y]");
  const [x, y] = p as [number, number];
  return [2 * x * y + 6 * y, x * x];
}
