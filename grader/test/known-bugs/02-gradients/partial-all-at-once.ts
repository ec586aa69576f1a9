/** Known bug: the partial derivative moves every coordinate at once instead of coordinate i only. */
import type { ScalarField, Vector } from "@calcml/math";

export * from "../../../../solutions/02-gradients/gradients.ts";
export const knownBug = { task: "partial-derivative", feedback: /every coordinate was moved at once/i };

export function partialDerivative(f: ScalarField, x: Vector, i: number, h = 1e-5): number {
  if (!Number.isInteger(i) || i < 0 || i >= x.length)
    throw new RangeError(`partialDerivative: bad index ${i}`);
  return (f(x.map((v) => v + h)) - f(x.map((v) => v - h))) / (2 * h);
}
