/**
 * Lesson 05: derivatives of vector-valued functions.
 *
 * A function `F: ℝⁿ → ℝᵐ` has an m×n Jacobian `J` with `J[i][j] = ∂Fᵢ/∂xⱼ`: one row per output,
 * one column per input. Fill in each function, then run `pnpm grade 05`. Stuck? `pnpm hint 05 1`.
 */
import type { Matrix, Vector, VectorField } from "@calcml/math";

/**
 * Task 1. Jacobian of `F: ℝⁿ → ℝᵐ` at `x` by central differences, one input at a time:
 * `J[i][j] = (Fᵢ(x + sⱼ·eⱼ) − Fᵢ(x − sⱼ·eⱼ)) / 2sⱼ` with the step `sⱼ = h·max(1, |xⱼ|)`.
 * Rows are outputs, columns are inputs (m×n). Each pair of calls of `F` gives a whole column, so the
 * Jacobian costs 2n calls.
 *
 * @param h relative step, default 1e-5 (the course's numeric rules, docs/numerics.md).
 * @throws RangeError when `x` is empty.
 * @example numericalJacobian((p) => [p[0]! * p[1]!, p[0]!], [2, 3]) // ≈ [[3, 2], [1, 0]]
 */
export function numericalJacobian(F: VectorField, x: Vector, h = 1e-5): number[][] {
  // TODO: for each input j, nudge x[j] by ±h·max(1, |x[j]|) and fill column j with (F(x₊) − F(x₋)) / 2s.
  throw new Error("TODO: implement numericalJacobian");
}

/**
 * Task 2a. Jacobian of the polar-to-Cartesian map `(r, θ) ↦ (r·cos θ, r·sin θ)`:
 * `[[cos θ, −r·sin θ], [sin θ, r·cos θ]]` (row 0 is x, row 1 is y; column 0 is r, column 1 is θ).
 *
 * @throws RangeError when `p` does not hold exactly two numbers `[r, θ]`.
 * @example polarToCartesianJacobian([2, 0]) // [[1, 0], [0, 2]]
 */
export function polarToCartesianJacobian(p: Vector): number[][] {
  // TODO: differentiate x = r·cos θ and y = r·sin θ by r (column 0) and by θ (column 1).
  throw new Error("TODO: implement polarToCartesianJacobian");
}

/**
 * Task 2b. Determinant of a 2×2 matrix `[[a, b], [c, d]]`: `a·d − b·c`. For a Jacobian, its absolute
 * value `|det J|` is the factor by which the map stretches small areas; the sign is negative when the
 * map flips orientation.
 *
 * @throws RangeError when `J` is not 2×2.
 * @example jacobianDeterminant2x2([[1, 2], [3, 4]]) // 1·4 − 2·3 = −2
 */
export function jacobianDeterminant2x2(J: Matrix): number {
  // TODO: check the shape, then return a·d − b·c.
  throw new Error("TODO: implement jacobianDeterminant2x2");
}

/**
 * Task 3. Softmax: `sᵢ = exp(zᵢ) / Σⱼ exp(zⱼ)`, computed stably as `exp(zᵢ − max z) / Σⱼ exp(zⱼ − max z)`
 * (the same numbers, since softmax ignores a constant added to every entry; no overflow at z = 1000).
 *
 * @throws RangeError when `z` is empty.
 * @example softmax([0, Math.log(3)]) // [0.25, 0.75]
 */
export function softmax(z: Vector): number[] {
  // TODO: subtract the largest entry, exponentiate, and divide by the sum.
  throw new Error("TODO: implement softmax");
}

/**
 * Task 4. Jacobian of softmax at `z`: `J = diag(s) − s·sᵀ` with `s = softmax(z)`, that is
 * `J[i][j] = sᵢ·(δᵢⱼ − sⱼ)`. It is symmetric and each row sums to 0.
 *
 * @throws RangeError when `z` is empty (the error of `softmax`, naming `softmax`, is fine).
 * @example softmaxJacobian([0, 0]) // [[0.25, −0.25], [−0.25, 0.25]]
 */
export function softmaxJacobian(z: Vector): number[][] {
  // TODO: compute s = softmax(z) once, then J[i][j] = s[i]·((i === j ? 1 : 0) − s[j]).
  throw new Error("TODO: implement softmaxJacobian");
}

/**
 * Task 5. Jacobian-vector product `J(x)·v` from exactly two calls of `F`, never building `J`:
 * `(F(x + t·v) − F(x − t·v)) / 2t`, with `t = h·max(1, ‖x‖∞) / ‖v‖∞` so that the largest coordinate
 * moves by `h·max(1, ‖x‖∞)`. A zero `v` gives a vector of zeros.
 *
 * @param h relative step, default 1e-5.
 * @throws RangeError when `x` and `v` differ in length.
 * @example jvp((p) => [p[0]! * p[1]!, p[0]!], [2, 3], [1, 0]) // ≈ [3, 1]
 */
export function jvp(F: VectorField, x: Vector, v: Vector, h = 1e-5): number[] {
  // TODO: step along v both ways: (F(x + t·v) − F(x − t·v)) / 2t, two calls of F in all.
  throw new Error("TODO: implement jvp");
}

/**
 * Task 6. Vector-Jacobian product `uᵀ·J`: entry j is `Σᵢ uᵢ·J[i][j]`, one entry per column of `J`.
 * It is the gradient of `x ↦ u·F(x)`: what backpropagation sends from the outputs to the inputs.
 *
 * @throws RangeError when `u` does not have one entry per row of `J`, or `J` is empty.
 * @example vjp([[1, 2], [3, 4], [5, 6]], [1, 0, 1]) // [6, 8]
 */
export function vjp(J: Matrix, u: Vector): number[] {
  // TODO: check u has one entry per row, then sum u[i]·J[i][j] down each column j.
  throw new Error("TODO: implement vjp");
}

/**
 * Task 7. The chain rule for Jacobians: for `G∘F`, `J_{G∘F}(x) = J_G(F(x))·J_F(x)`, so the product is
 * `Jouter·Jinner` (outer on the left). A p×m `Jouter` times an m×n `Jinner` gives a p×n matrix.
 *
 * @throws RangeError when `Jouter` does not have one column per row of `Jinner`.
 * @example chainJacobians([[1, 1]], [[2, 0], [0, 3]]) // [[2, 3]]
 */
export function chainJacobians(Jouter: Matrix, Jinner: Matrix): number[][] {
  // TODO: check that Jouter has as many columns as Jinner has rows, then multiply Jouter·Jinner.
  throw new Error("TODO: implement chainJacobians");
}
