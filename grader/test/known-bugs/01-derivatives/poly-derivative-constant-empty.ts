/** Known bug: the derivative of a constant comes back as [] instead of [0]. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/01-derivatives/derivatives.ts";
export const knownBug = { task: "poly-derivative", feedback: /zero polynomial/i };

export function polyDerivative(coeffs: Vector): number[] {
  return coeffs.slice(1).map((c, k) => (k + 1) * c);
}
