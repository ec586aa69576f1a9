/** Known bug: the gradient of Σ xᵢ² drops the factor 2. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/02-gradients/gradients.ts";
export const knownBug = { task: "gradient-of-sum-of-squares", feedback: /factor 2/i };

export function gradSumOfSquares(p: Vector): number[] {
  return p.slice();
}
