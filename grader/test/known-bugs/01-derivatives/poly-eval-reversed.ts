/** Known bug: Horner's rule run from coeffs[0], which reads the coefficients highest power first. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/01-derivatives/derivatives.ts";
export const knownBug = { task: "poly-eval", feedback: /highest power first/i };

export function polyEval(coeffs: Vector, x: number): number {
  let value = 0;
  for (const c of coeffs) value = value * x + c;
  return value;
}
