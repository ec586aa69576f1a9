/** Known bug: the MAE gradient gives +1/n at a tie instead of the subgradient 0. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/08-loss-functions/loss-functions.ts";
export const knownBug = { task: "mae", feedback: /tie|subgradient 0/i };

export function maeGradient(pred: Vector, target: Vector): number[] {
  if (pred.length !== target.length || pred.length === 0) throw new RangeError("maeGradient: bad batch");
  return pred.map((p, i) => (p >= target[i]! ? 1 : -1) / pred.length);
}
