import type { Vector } from "../types.ts";

/**
 * The p-norm of `v`: `1` (sum of |vᵢ|), `2` (Euclidean, the default) or `"inf"` (max |vᵢ|).
 * The 2-norm divides by the largest entry before squaring, so `norm([1e200, 1e200])` does not overflow.
 * The norm of an empty vector is 0.
 *
 * @param p which norm; default 2.
 * @example
 * norm([3, 4]); // 5
 * norm([3, -4], 1); // 7
 * norm([3, -4], "inf"); // 4
 */
export function norm(v: Vector, p: 1 | 2 | "inf" = 2): number {
  let largest = 0;
  let sumAbs = 0;
  for (const x of v) {
    const a = Math.abs(x);
    sumAbs += a;
    if (a > largest || Number.isNaN(a)) largest = a;
  }
  if (p === 1) return sumAbs;
  if (p === "inf") return largest;
  if (p !== 2) throw new RangeError(`norm: p must be 1, 2 or "inf" (got ${String(p)})`);
  if (largest === 0 || !Number.isFinite(largest)) return largest;
  let s = 0;
  for (const x of v) s += (x / largest) ** 2;
  return largest * Math.sqrt(s);
}
