/** Known bug: soft-thresholding subtracts t·sign(w) without stopping at 0, so small entries cross zero. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/12-regularization-and-clipping/regularization-and-clipping.ts";
export const knownBug = { task: "soft-threshold", feedback: /exactly 0/ };

export function softThreshold(w: Vector, t: number): number[] {
  if (t < 0) throw new RangeError("softThreshold: negative threshold");
  return w.map((x) => x - t * Math.sign(x));
}
