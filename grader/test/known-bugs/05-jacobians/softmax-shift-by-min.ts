/** Known bug: softmax subtracts the smallest entry instead of the largest, so z = [0, 1000] overflows. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/05-jacobians/jacobians.ts";
export const knownBug = { task: "softmax", feedback: /largest entry max\(z\)/i };

export function softmax(z: Vector): number[] {
  if (z.length === 0) throw new RangeError("softmax: z is empty");
  const bottom = Math.min(...z);
  const e = z.map((zi) => Math.exp(zi - bottom));
  const sum = e.reduce((acc, v) => acc + v, 0);
  return e.map((v) => v / sum);
}
