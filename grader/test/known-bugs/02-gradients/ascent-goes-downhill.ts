/** Known bug: steepest "ascent" returns −∇f/‖∇f‖, the direction of steepest descent. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/02-gradients/gradients.ts";
export const knownBug = { task: "steepest-ascent", feedback: /downhill/i };

export function steepestAscent(grad: Vector): number[] {
  const length = Math.sqrt(grad.reduce((s, g) => s + g * g, 0));
  if (length === 0) throw new RangeError("steepestAscent: zero gradient");
  return grad.map((g) => -g / length);
}
