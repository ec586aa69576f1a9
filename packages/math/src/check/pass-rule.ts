/**
 * The per-component pass rule of docs/numerics.md, `|a − n| ≤ atol + rtol · max(|a|, |n|)`. `atol` here is the
 * absolute tolerance already scaled by `max(1, ‖n‖∞)`. NaN never passes, and an infinite value passes
 * only against the same infinity (otherwise `rtol · ∞` would accept anything).
 *
 * @example
 * withinTolerance(1.00001, 1, 1e-4, 1e-6); // true
 * withinTolerance(1.01, 1, 1e-4, 1e-6); // false
 */
export function withinTolerance(a: number, n: number, rtol: number, atol: number): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(n)) return a === n;
  return Math.abs(a - n) <= atol + rtol * Math.max(Math.abs(a), Math.abs(n));
}

/**
 * How far outside the tolerance a pair is: `|a − n| / (atol + rtol · max(|a|, |n|))`, > 1 when failing.
 * Used to rank failing components, so the "worst" are the most decisive ones.
 *
 * @example
 * toleranceExcess(1.01, 1, 1e-4, 1e-6); // ≈ 99
 */
export function toleranceExcess(a: number, n: number, rtol: number, atol: number): number {
  return Math.abs(a - n) / (atol + rtol * Math.max(Math.abs(a), Math.abs(n)));
}

/**
 * The CS231n relative error `|a − n| / max(1e-8, |a| + |n|)`: ≤ 1e-7 excellent, ≤ 1e-4 fine with
 * kinks, ≤ 1e-2 suspicious, above that wrong. Reported, not graded on.
 *
 * @example
 * relativeError(1.01, 1); // ≈ 0.004975
 */
export function relativeError(a: number, n: number): number {
  return Math.abs(a - n) / Math.max(1e-8, Math.abs(a) + Math.abs(n));
}
