/** Known bug: Huber's gradient on the linear branch is sign(r)/n, not δ·sign(r)/n. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/08-loss-functions/loss-functions.ts";
export const knownBug = { task: "huber", feedback: /scaled by δ/ };

export function huberGradient(pred: Vector, target: Vector, delta = 1): number[] {
  if (pred.length !== target.length || pred.length === 0) throw new RangeError("huberGradient: bad batch");
  if (!(delta > 0)) throw new RangeError("huberGradient: delta must be positive");
  return pred.map((p, i) => {
    const r = p - target[i]!;
    return (Math.abs(r) <= delta ? r : Math.sign(r)) / pred.length;
  });
}
