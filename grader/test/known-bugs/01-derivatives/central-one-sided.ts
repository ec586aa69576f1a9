/** Known bug: the "central" difference is the one-sided forward difference in disguise. */
import type { ScalarFn } from "@calcml/math";

export * from "../../../../solutions/01-derivatives/derivatives.ts";
export const knownBug = { task: "central-difference", feedback: /one-sided/i };

export function centralDifference(f: ScalarFn, x: number, h = 1e-5): number {
  return (f(x + h) - f(x)) / h;
}
