/** Known bug: the L1 penalty sums the entries instead of their absolute values. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/12-regularization-and-clipping/regularization-and-clipping.ts";
export const knownBug = { task: "l1", feedback: /absolute value/ };

export function l1Penalty(w: Vector, lambda: number): number {
  return lambda * w.reduce((s, x) => s + x, 0);
}
