/** Known bug: the forward difference is written as the central one. */
import type { ScalarFn } from "@calcml/math";

export * from "../../../../solutions/01-derivatives/derivatives.ts";
export const knownBug = { task: "forward-difference", feedback: /central difference/i };

export function forwardDifference(f: ScalarFn, x: number, h = 1e-6): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}
