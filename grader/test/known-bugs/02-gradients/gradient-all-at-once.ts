/** Known bug: the numerical gradient moves every coordinate at once, so each entry is the sum of all partials. */
import type { ScalarField, Vector } from "@calcml/math";

export * from "../../../../solutions/02-gradients/gradients.ts";
export const knownBug = { task: "numerical-gradient", feedback: /every coordinate was moved at once/i };

export function numericalGradient(f: ScalarField, x: Vector, h = 1e-5): number[] {
  const slope = (f(x.map((v) => v + h)) - f(x.map((v) => v - h))) / (2 * h);
  return x.map(() => slope);
}
