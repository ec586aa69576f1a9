/** Known bug: Simpson's rule runs with an odd number of subintervals instead of refusing it. */
import type { ScalarFn } from "@calcml/math";

export * from "../../../../solutions/15-integration/integration.ts";
export const knownBug = { task: "simpson", feedback: /RangeError: n must be even/ };

export function simpson(f: ScalarFn, a: number, b: number, n: number): number {
  const h = (b - a) / n;
  let sum = f(a) + f(b);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}
