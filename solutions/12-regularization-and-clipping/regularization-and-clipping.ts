/**
 * Lesson 12: regularisation and gradient clipping.
 *
 * Penalties that keep weights small (L2, L1, elastic net) with their (sub)gradients, the proximal step
 * of L1 (soft-thresholding), and two ways to tame an exploding gradient (clipping by value and by
 * global norm). Fill in each function, then run `pnpm grade 12`.
 */
import type { Vector } from "@calcml/math";

/**
 * Task 1a. The L2 penalty (weight decay): `½·λ·‖w‖² = ½·λ·Σᵢ wᵢ²`.
 *
 * @example l2Penalty([3, 4], 0.1) // ½ · 0.1 · 25 = 1.25
 */
export function l2Penalty(w: Vector, lambda: number): number {
  // BEGIN SOLUTION: sum the squares of the entries, then multiply by λ/2.
  let sumOfSquares = 0;
  for (const x of w) sumOfSquares += x * x;
  return 0.5 * lambda * sumOfSquares;
  // END SOLUTION
}

/**
 * Task 1b. The gradient of the L2 penalty: `∇(½·λ·‖w‖²) = λ·w` (the ½ cancels the 2 of the square).
 *
 * @example l2Gradient([3, 4], 0.1) // [0.3, 0.4]
 */
export function l2Gradient(w: Vector, lambda: number): number[] {
  // BEGIN SOLUTION: multiply every entry by λ.
  return w.map((x) => lambda * x);
  // END SOLUTION
}

/**
 * Task 2a. The L1 penalty (lasso): `λ·‖w‖₁ = λ·Σᵢ |wᵢ|`.
 *
 * @example l1Penalty([3, -4], 0.1) // 0.1 · 7 = 0.7
 */
export function l1Penalty(w: Vector, lambda: number): number {
  // BEGIN SOLUTION: sum the absolute values of the entries, then multiply by λ.
  let sum = 0;
  for (const x of w) sum += Math.abs(x);
  return lambda * sum;
  // END SOLUTION
}

/**
 * Task 2b. A subgradient of the L1 penalty: `λ·sign(wᵢ)` per entry, and exactly 0 where `wᵢ = 0`
 * (the minimum-norm choice in [−λ, λ], where |x| has its kink).
 *
 * @example l1Subgradient([3, 0, -4], 0.1) // [0.1, 0, -0.1]
 */
export function l1Subgradient(w: Vector, lambda: number): number[] {
  // BEGIN SOLUTION: λ times the sign of each entry, with sign(0) = 0.
  return w.map((x) => (x > 0 ? lambda : x < 0 ? -lambda : 0));
  // END SOLUTION
}

/**
 * Task 3a. The elastic net: `l1·‖w‖₁ + ½·l2·‖w‖²`, L1 and L2 together.
 *
 * @example elasticNet([3, -4], 0.1, 0.2) // 0.1 · 7 + ½ · 0.2 · 25 = 3.2
 */
export function elasticNet(w: Vector, l1: number, l2: number): number {
  // BEGIN SOLUTION: add the L1 penalty with weight l1 and the L2 penalty with weight l2.
  return l1Penalty(w, l1) + l2Penalty(w, l2);
  // END SOLUTION
}

/**
 * Task 3b. A subgradient of the elastic net: `l1·sign(wᵢ) + l2·wᵢ` per entry (0 where `wᵢ = 0`).
 *
 * @example elasticNetGradient([3, 0, -4], 0.1, 0.2) // [0.7, 0, -0.9]
 */
export function elasticNetGradient(w: Vector, l1: number, l2: number): number[] {
  // BEGIN SOLUTION: add the L1 subgradient (weight l1) and the L2 gradient (weight l2), entry by entry.
  const fromL1 = l1Subgradient(w, l1);
  return l2Gradient(w, l2).map((g, i) => g + fromL1[i]!);
  // END SOLUTION
}

/**
 * Task 4. Soft-thresholding, the proximal step of L1: `sign(wᵢ)·max(|wᵢ| − t, 0)` per entry. It
 * minimises `½(x − wᵢ)² + t·|x|`: every entry moves `t` towards 0 and stops there, so entries with
 * `|wᵢ| ≤ t` become exactly 0.
 *
 * @throws RangeError when `t` is negative (or NaN).
 * @example softThreshold([3, -0.5, -2], 1) // [2, 0, -1]
 */
export function softThreshold(w: Vector, t: number): number[] {
  // BEGIN SOLUTION: reject t < 0, then shrink each |wᵢ| by t, stopping at exactly 0, and keep the sign.
  if (!(t >= 0)) throw new RangeError(`softThreshold: the threshold must be >= 0 (got ${t})`);
  return w.map((x) => (x > t ? x - t : x < -t ? x + t : 0));
  // END SOLUTION
}

/**
 * Task 5. Clipping by value: each entry clamped into `[−limit, limit]`, `min(max(gᵢ, −limit), limit)`.
 *
 * @throws RangeError when `limit` is negative (or NaN).
 * @example clipByValue([0.5, -3, 2], 1) // [0.5, -1, 1]
 */
export function clipByValue(g: Vector, limit: number): number[] {
  // BEGIN SOLUTION: reject a negative limit, then clamp every entry between −limit and limit.
  if (!(limit >= 0)) throw new RangeError(`clipByValue: the limit must be >= 0 (got ${limit})`);
  return g.map((x) => Math.min(Math.max(x, -limit), limit));
  // END SOLUTION
}

/**
 * Task 6. Clipping by global norm. The norm runs over every entry of every tensor together:
 * `‖g‖ = √(Σ_tensors Σᵢ gᵢ²)`. Every tensor is scaled by the same factor `min(1, maxNorm / ‖g‖)`, so
 * the combined direction is kept and nothing changes below the limit. An all-zero gradient stays zero.
 *
 * @returns `clipped`, one fresh array per tensor, and `norm`, the global norm **before** clipping.
 * @throws RangeError when `maxNorm` is not positive.
 * @example clipByGlobalNorm([[3], [4]], 1) // { clipped: [[0.6], [0.8]], norm: 5 }
 */
export function clipByGlobalNorm(
  grads: readonly Vector[],
  maxNorm: number,
): { clipped: number[][]; norm: number } {
  // BEGIN SOLUTION: reject maxNorm <= 0, compute the norm over all tensors, scale everything by min(1, maxNorm / norm).
  if (!(maxNorm > 0)) throw new RangeError(`clipByGlobalNorm: maxNorm must be > 0 (got ${maxNorm})`);
  let sumOfSquares = 0;
  for (const tensor of grads) for (const x of tensor) sumOfSquares += x * x;
  const norm = Math.sqrt(sumOfSquares);
  const factor = norm > maxNorm ? maxNorm / norm : 1;
  return { clipped: grads.map((tensor) => tensor.map((x) => x * factor)), norm };
  // END SOLUTION
}
