/** Known bug: log Σ e^z without the shift, which overflows at 1000 and takes log(0) at −1000. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/08-loss-functions/loss-functions.ts";
export const knownBug = { task: "log-sum-exp", feedback: /overflows/ };

export function logSumExp(z: Vector): number {
  if (z.length === 0) throw new RangeError("logSumExp: empty vector");
  return Math.log(z.reduce((s, zi) => s + Math.exp(zi), 0));
}
