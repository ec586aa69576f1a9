/** Known bug: the L2 penalty is λ‖w‖², without the ½. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/12-regularization-and-clipping/regularization-and-clipping.ts";
export const knownBug = { task: "l2", feedback: /twice.*½/ };

export function l2Penalty(w: Vector, lambda: number): number {
  return lambda * w.reduce((s, x) => s + x * x, 0);
}
