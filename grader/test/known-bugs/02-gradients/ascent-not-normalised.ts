/** Known bug: steepest ascent returns the gradient itself, not a unit vector. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/02-gradients/gradients.ts";
export const knownBug = { task: "steepest-ascent", feedback: /unit vector/i };

export function steepestAscent(grad: Vector): number[] {
  if (grad.every((g) => g === 0)) throw new RangeError("steepestAscent: zero gradient");
  return grad.slice();
}
