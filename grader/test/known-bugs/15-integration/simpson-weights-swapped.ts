/** Known bug: Simpson's weights 4 and 2 are swapped (2 on odd points, 4 on even ones). */
import type { ScalarFn } from "@calcml/math";

export * from "../../../../solutions/15-integration/integration.ts";
export const knownBug = { task: "simpson", feedback: /h\/3 · \(1, 4, 2, 4/ };

export function simpson(f: ScalarFn, a: number, b: number, n: number): number {
  if (!Number.isInteger(n) || n < 2 || n % 2 !== 0) throw new RangeError("simpson: n must be even");
  const h = (b - a) / n;
  let sum = f(a) + f(b);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 2 : 4) * f(a + i * h);
  return (sum * h) / 3;
}
