import type { ScalarFn } from "../types.ts";
import { stepSize } from "./step-size.ts";

/**
 * Five-point stencil `(−f(x+2h) + 8f(x+h) − 8f(x−h) + f(x−2h)) / 12h`, error O(h⁴): the
 * high-accuracy reference (≤ 1e-10 on smooth problems at h ≈ 1e-3). Its wider stencil straddles
 * kinks more often than the central difference does.
 *
 * @param h relative step, default 1e-3; the step used is `stepSize(x, h)`.
 * @example
 * fivePointDifference(Math.exp, 1); // ≈ e, error ≈ 1e-13
 */
export function fivePointDifference(f: ScalarFn, x: number, h = 1e-3): number {
  const s = stepSize(x, h);
  return (-f(x + 2 * s) + 8 * f(x + s) - 8 * f(x - s) + f(x - 2 * s)) / (12 * s);
}
