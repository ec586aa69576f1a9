/** Known bug: the L1 subgradient treats 0 as positive (λ at wᵢ = 0 instead of 0). */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/12-regularization-and-clipping/regularization-and-clipping.ts";
export const knownBug = { task: "l1", feedback: /minimum-norm one, 0/ };

export function l1Subgradient(w: Vector, lambda: number): number[] {
  return w.map((x) => (x >= 0 ? lambda : -lambda));
}
