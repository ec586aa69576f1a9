/** Known bug: Huber's linear branch is |r| − δ/2, not scaled by δ. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/08-loss-functions/loss-functions.ts";
export const knownBug = { task: "huber", feedback: /scaled by δ/ };

export function huber(pred: Vector, target: Vector, delta = 1): number {
  if (pred.length !== target.length || pred.length === 0) throw new RangeError("huber: bad batch");
  if (!(delta > 0)) throw new RangeError("huber: delta must be positive");
  let total = 0;
  for (let i = 0; i < pred.length; i++) {
    const r = Math.abs(pred[i]! - target[i]!);
    total += r <= delta ? 0.5 * r * r : r - 0.5 * delta;
  }
  return total / pred.length;
}
