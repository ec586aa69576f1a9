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
  // TODO: sum the squares of the entries, then multiply by λ/2.
  throw new Error("TODO: implement l2Penalty");
}

/**
 * Task 1b. The gradient of the L2 penalty: `∇(½·λ·‖w‖²) = λ·w` (the ½ cancels the 2 of the square).
 *
 * @example l2Gradient([3, 4], 0.1) // [0.3, 0.4]
 */
export function l2Gradient(w: Vector, lambda: number): number[] {
  // TODO: multiply every entry by λ.
  throw new Error("TODO: implement l2Gradient");
}

/**
 * Task 2a. The L1 penalty (lasso): `λ·‖w‖₁ = λ·Σᵢ |wᵢ|`.
 *
 * @example l1Penalty([3, -4], 0.1) // 0.1 · 7 = 0.7
 */
export function l1Penalty(w: Vector, lambda: number): number {
  // TODO: sum the absolute values of the entries, then multiply by λ.
  throw new Error("TODO: implement l1Penalty");
}

/**
 * Task 2b. A subgradient of the L1 penalty: `λ·sign(wᵢ)` per entry, and exactly 0 where `wᵢ = 0`
 * (the minimum-norm choice in [−λ, λ], where |x| has its kink).
 *
 * @example l1Subgradient([3, 0, -4], 0.1) // [0.1, 0, -0.1]
 */
export function l1Subgradient(w: Vector, lambda: number): number[] {
  // TODO: λ times the sign of each entry, with sign(0) = 0.
  throw new Error("TODO: implement l1Subgradient");
}

/**
 * Task 3a. The elastic net: `l1·‖w‖₁ + ½·l2·‖w‖²`, L1 and L2 together.
 *
 * @example elasticNet([3, -4], 0.1, 0.2) // 0.1 · 7 + ½ · 0.2 · 25 = 3.2
 */
export function elasticNet(w: Vector, l1: number, l2: number): number {
  // TODO: add the L1 penalty with weight l1 and the L2 penalty with weight l2.
  throw new Error("TODO: implement elasticNet");
}

/**
 * Task 3b. A subgradient of the elastic net: `l1·sign(wᵢ) + l2·wᵢ` per entry (0 where `wᵢ = 0`).
 *
 * @example elasticNetGradient([3, 0, -4], 0.1, 0.2) // [0.7, 0, -0.9]
 */
export function elasticNetGradient(w: Vector, l1: number, l2: number): number[] {
  // TODO: add the L1 subgradient (weight l1) and the L2 gradient (weight l2), entry by entry.
  throw new Error("TODO: implement elasticNetGradient");
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
  // TODO: reject t < 0, then shrink each |wᵢ| by t, stopping at exactly 0, and keep the sign.
  throw new Error("TODO: implement softThreshold");
}

/**
 * Task 5. Clipping by value: each entry clamped into `[−limit, limit]`, `min(max(gᵢ, −limit), limit)`.
 *
 * @throws RangeError when `limit` is negative (or NaN).
 * @example clipByValue([0.5, -3, 2], 1) // [0.5, -1, 1]
 */
export function clipByValue(g: Vector, limit: number): number[] {
  // TODO: reject a negative limit, then clamp every entry between −limit and limit.
  throw new Error("TODO: implement clipByValue");
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
  // TODO: reject maxNorm <= 0, compute the norm over all tensors, scale everything by min(1, maxNorm / norm).
  throw new Error("TODO: implement clipByGlobalNorm");
}
