/**
 * Lesson 06: curvature, Hessians and convexity.
 *
 * The Hessian `H[i][j] = ∂²f/∂xᵢ∂xⱼ` of `f: ℝⁿ → ℝ` describes how the slope changes: its eigenvalues say
 * whether a critical point is a minimum, a maximum or a saddle, and how hard f is to descend.
 * Fill in each function, then run `pnpm grade 06`. Stuck? `pnpm hint 06 1`.
 * Use `eigSym` and other helpers from `@calcml/math`, but not its `numericalHessian`, `rosenbrock` or
 * `testFunctions` (which holds `rosenbrock`): they are this lesson's answers, and the grader gives 0 to
 * the task that imports them.
 */
import { eigSym, type Matrix, type ScalarField, type Vector } from "@calcml/math";

/** An eigenvalue counts as zero when `|λ| ≤ ZERO_BAND · max(1, max|λ|)` (isConvexQuadratic, conditionNumber). */
export const ZERO_BAND = 1e-8;

/**
 * Task 1. Hessian of `f` at `x` by finite differences, with steps `sᵢ = h·max(1, |xᵢ|)`:
 * on the diagonal `(f(x + sᵢeᵢ) − 2f(x) + f(x − sᵢeᵢ)) / sᵢ²`, off it the 4-point formula
 * `(f(x + sᵢeᵢ + sⱼeⱼ) − f(x + sᵢeᵢ − sⱼeⱼ) − f(x − sᵢeᵢ + sⱼeⱼ) + f(x − sᵢeᵢ − sⱼeⱼ)) / 4sᵢsⱼ`.
 * The result is exactly symmetric: each off-diagonal entry is computed once and written to [i][j] and [j][i].
 *
 * @param h relative step, default 1e-4 (larger than for gradients: second differences divide by h²).
 * @throws RangeError when `x` is empty.
 * @example numericalHessian((p) => p[0]! ** 2 * p[1]!, [1, 2]) // ≈ [[4, 2], [2, 0]]
 */
export function numericalHessian(f: ScalarField, x: Vector, h = 1e-4): number[][] {
  // TODO: second differences on the diagonal, the 4-point formula off it; fill [i][j] and [j][i] together.
  throw new Error("TODO: implement numericalHessian");
}

/**
 * Task 2. Hessian of the quadratic `f(x) = ½·xᵀAx + bᵀx`: `(A + Aᵀ) / 2`, whatever `b` is.
 * When A is symmetric this is A itself; the ½ in f cancels the 2 from differentiating a square.
 *
 * @throws RangeError when `A` is empty or not square.
 * @example quadraticHessian([[2, 4], [0, 6]]) // [[2, 2], [2, 6]]
 */
export function quadraticHessian(A: Matrix): number[][] {
  // TODO: check A is square, then average it with its transpose.
  throw new Error("TODO: implement quadraticHessian");
}

/**
 * Task 3a. Rosenbrock's function (a = 1, b = 100): `f(x, y) = (1 − x)² + 100·(y − x²)²`.
 * Its minimum is 0 at (1, 1), at the bottom of a long curved valley.
 *
 * @throws RangeError when `p` does not hold exactly two numbers `[x, y]`.
 * @example rosenbrock([-1.2, 1]) // 2.2² + 100·(1 − 1.44)² = 24.2
 */
export function rosenbrock(p: Vector): number {
  // TODO: check p has 2 entries, then return (1 − x)² + 100(y − x²)².
  throw new Error("TODO: implement rosenbrock");
}

/**
 * Task 3b. Gradient of Rosenbrock's function: `[−2(1 − x) − 400x(y − x²), 200(y − x²)]`.
 *
 * @throws RangeError when `p` does not hold exactly two numbers.
 * @example rosenbrockGradient([1, 1]) // [0, 0]
 */
export function rosenbrockGradient(p: Vector): number[] {
  // TODO: differentiate (1 − x)² + 100(y − x²)² by x and by y (chain rule on each square).
  throw new Error("TODO: implement rosenbrockGradient");
}

/**
 * Task 3c. Hessian of Rosenbrock's function: `[[2 − 400(y − x²) + 800x², −400x], [−400x, 200]]`,
 * that is `[[1200x² − 400y + 2, −400x], [−400x, 200]]`.
 *
 * @throws RangeError when `p` does not hold exactly two numbers.
 * @example rosenbrockHessian([1, 1]) // [[802, −400], [−400, 200]]
 */
export function rosenbrockHessian(p: Vector): number[][] {
  // TODO: differentiate each entry of the gradient by x and by y; the cross term is −400x.
  throw new Error("TODO: implement rosenbrockHessian");
}

/**
 * Task 4. Eigenvalues of a symmetric 2×2 matrix `[[a, b], [b, d]]` in closed form, ascending:
 * `m ∓ r` with `m = (a + d)/2` and `r = √(((a − d)/2)² + b²)`. The quantity under the root is a sum of
 * squares, so rounding can never make it negative. Take `b = (H[0][1] + H[1][0]) / 2`.
 *
 * @throws RangeError when `H` is not 2×2, or not symmetric: `|H[0][1] − H[1][0]| > 1e-12·max(1, max|Hᵢⱼ|)`.
 * @example eigenvaluesSymmetric2x2([[2, 1], [1, 2]]) // [1, 3]
 */
export function eigenvaluesSymmetric2x2(H: Matrix): [number, number] {
  // TODO: check shape and symmetry, then return [m − r, m + r].
  throw new Error("TODO: implement eigenvaluesSymmetric2x2");
}

/**
 * Task 5. Classifies a critical point from the Hessian's eigenvalues (use `eigSym` from `@calcml/math`):
 * an eigenvalue counts as zero when `|λ| ≤ tolerance·max(1, max|λ|)`; eigenvalues of both signs make a
 * `'saddle'` (even if another is zero); otherwise any zero makes it `'degenerate'`; all positive is a
 * `'minimum'`, all negative a `'maximum'`.
 *
 * @param H a symmetric n×n Hessian, any n ≥ 1 (a non-symmetric one may be left to `eigSym`'s error).
 * @param tolerance relative width of the zero band, default 1e-8.
 * @throws RangeError when `H` is empty or not square. Check before calling `eigSym`: its error names
 * `eigSym`, and `eigSym([])` returns no eigenvalues instead of throwing.
 * @example classifyCriticalPoint([[2, 0], [0, -1]]) // 'saddle'
 */
export function classifyCriticalPoint(
  H: Matrix,
  tolerance = 1e-8,
): "minimum" | "maximum" | "saddle" | "degenerate" {
  // TODO: get the eigenvalues with eigSym, count positives, negatives and zeros (within the band), then decide.
  throw new Error("TODO: implement classifyCriticalPoint");
}

/**
 * Task 6a. Whether `f(x) = ½·xᵀAx + bᵀx` is convex: its Hessian `(A + Aᵀ)/2` must be positive
 * semidefinite, i.e. its smallest eigenvalue `λmin ≥ −ZERO_BAND·max(1, max|λ|)`.
 *
 * @throws RangeError when `A` is empty or not square.
 * @example isConvexQuadratic([[1, 4], [0, 1]]) // false: the symmetric part [[1, 2], [2, 1]] has eigenvalue −1
 */
export function isConvexQuadratic(A: Matrix): boolean {
  // TODO: symmetrise A, take eigenvalues with eigSym, and compare the smallest with the zero band.
  throw new Error("TODO: implement isConvexQuadratic");
}

/**
 * Task 6b. Condition number `λmax / λmin` of a symmetric positive-definite matrix (≥ 1). Gradient
 * descent on a quadratic with this Hessian needs on the order of κ steps. `H` must be symmetric
 * (`eigSym` throws otherwise).
 *
 * @throws RangeError when `H` is empty, not square, or not positive definite
 * (`λmin ≤ ZERO_BAND·max(1, max|λ|)`).
 * @example conditionNumber([[4, 0], [0, 1]]) // 4
 */
export function conditionNumber(H: Matrix): number {
  // TODO: take eigenvalues with eigSym; throw unless the smallest is clearly positive; return largest / smallest.
  throw new Error("TODO: implement conditionNumber");
}
