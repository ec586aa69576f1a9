/** Known bug: the central difference divides by h instead of 2h. */
import type { ScalarFn } from "@calcml/math";

export * from "../../../../solutions/01-derivatives/derivatives.ts";
export const knownBug = { task: "central-difference", feedback: /twice|2h/i };

export function centralDifference(f: ScalarFn, x: number, h = 1e-5): number {
  return (f(x + h) - f(x - h)) / h;
}
