/** Known bug: the running integral starts at 0 instead of at a. */
import type { ScalarFn, Vector } from "@calcml/math";
import { trapezoid } from "../../../../solutions/15-integration/integration.ts";

export * from "../../../../solutions/15-integration/integration.ts";
export const knownBug = { task: "cumulative-integral", feedback: /integrate from a, not from 0/ };

export function cumulativeIntegral(f: ScalarFn, _a: number, xs: Vector, n = 200): number[] {
  return xs.map((x) => (x === 0 ? 0 : trapezoid(f, 0, x, n)));
}
