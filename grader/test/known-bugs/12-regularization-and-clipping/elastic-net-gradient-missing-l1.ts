/** Known bug: the elastic net's gradient keeps only the L2 part l2·w. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/12-regularization-and-clipping/regularization-and-clipping.ts";
export const knownBug = { task: "elastic-net", feedback: /L1 part l1·sign\(w\) is missing/ };

export function elasticNetGradient(w: Vector, _l1: number, l2: number): number[] {
  return w.map((x) => l2 * x);
}
