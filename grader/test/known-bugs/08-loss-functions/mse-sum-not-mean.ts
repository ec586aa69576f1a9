/** Known bug: mse sums the squared residuals instead of averaging them. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/08-loss-functions/loss-functions.ts";
export const knownBug = { task: "mse", feedback: /sum .*mean|mean.*divide by n/i };

export function mse(pred: Vector, target: Vector): number {
  if (pred.length !== target.length || pred.length === 0) throw new RangeError("mse: bad batch");
  return pred.reduce((s, p, i) => s + (p - target[i]!) ** 2, 0);
}
