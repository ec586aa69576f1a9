/** Known bug: the power rule applied with the coefficients read highest power first. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/01-derivatives/derivatives.ts";
export const knownBug = { task: "poly-derivative", feedback: /highest power first/i };

export function polyDerivative(coeffs: Vector): number[] {
  if (coeffs.length <= 1) return [0];
  return coeffs.slice(0, -1).map((c, i) => c * (coeffs.length - 1 - i));
}
