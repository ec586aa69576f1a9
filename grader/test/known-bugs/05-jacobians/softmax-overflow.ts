/** Known bug: softmax exponentiates z directly, so exp(1000) overflows to Infinity and the result is NaN. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/05-jacobians/jacobians.ts";
export const knownBug = { task: "softmax", feedback: /(overflow|underflow).*max\(z\)/i };

export function softmax(z: Vector): number[] {
  if (z.length === 0) throw new RangeError("softmax: z is empty");
  const e = z.map(Math.exp);
  const sum = e.reduce((acc, v) => acc + v, 0);
  return e.map((v) => v / sum);
}
