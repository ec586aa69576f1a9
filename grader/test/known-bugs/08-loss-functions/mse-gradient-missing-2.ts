/** Known bug: the MSE gradient drops the factor 2 of the square (residual / n). */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/08-loss-functions/loss-functions.ts";
export const knownBug = { task: "mse", feedback: /factor 2|half/i };

export function mseGradient(pred: Vector, target: Vector): number[] {
  if (pred.length !== target.length || pred.length === 0) throw new RangeError("mseGradient: bad batch");
  return pred.map((p, i) => (p - target[i]!) / pred.length);
}
