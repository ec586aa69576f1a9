/** Known bug: the L2 gradient is 2λw, forgetting that the ½ of ½λ‖w‖² cancels the 2. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/12-regularization-and-clipping/regularization-and-clipping.ts";
export const knownBug = { task: "l2", feedback: /missing ½/ };

export function l2Gradient(w: Vector, lambda: number): number[] {
  return w.map((x) => 2 * lambda * x);
}
