/**
 * Lesson 04: gradient descent, and what the learning rate does to it.
 *
 * Fill in each function, then run `pnpm grade 04`. Stuck? `pnpm hint 04 2` prints the hints for task 2.
 */
import { eigSym, type Matrix, norm, type ScalarFn, type Vector, type VectorField } from "@calcml/math";

/** Default cap on the number of steps. */
export const DEFAULT_MAX_ITERATIONS = 10_000;
/** Default stopping threshold on the length of one step. */
export const DEFAULT_TOLERANCE = 1e-8;

/**
 * How to run gradient descent.
 * - `learningRate` (η): the step is `−η·gradient`; must be a positive, finite number.
 * - `maxIterations`: most steps to take; a positive integer, default {@link DEFAULT_MAX_ITERATIONS} (10 000).
 * - `tolerance`: stop once a step is shorter than this; a number ≥ 0, default {@link DEFAULT_TOLERANCE} (1e-8).
 */
export type DescentOptions = { learningRate: number; maxIterations?: number; tolerance?: number };

/**
 * The outcome of a run: the last iterate `x`, the number of steps taken, whether the last step was
 * shorter than the tolerance, and every iterate from the start (`path[0]` is `x0`, so
 * `path.length === iterations + 1`).
 */
export type DescentResult = { x: number[]; iterations: number; converged: boolean; path: number[][] };

/**
 * Task 1. Gradient descent on a function of one variable: `x ← x − η·f'(x)`, repeated.
 * After each step, record the new x; stop when `|step| < tolerance` (converged), when x is no longer
 * finite (diverged: `converged: false`, no exception), or after `maxIterations` steps.
 *
 * @param df the derivative f'.
 * @param options `learningRate` η (required), `maxIterations` (default 10 000), `tolerance` (default 1e-8).
 * @throws RangeError when `learningRate` is not a positive finite number, `maxIterations` not a positive
 * integer, or `tolerance` negative.
 * @example
 * gradientDescent1D((x) => 2 * (x - 3), 0, { learningRate: 0.25 });
 * // f = (x − 3)²: x = 1.5, 2.25, 2.625, … → { x: ≈3, converged: true, path: [0, 1.5, 2.25, …] }
 */
export function gradientDescent1D(
  df: ScalarFn,
  x0: number,
  options: DescentOptions,
): { x: number; iterations: number; converged: boolean; path: number[] } {
  // TODO: check the options, then loop: step = −η·f'(x), move, record, and stop as described.
  throw new Error("TODO: implement gradientDescent1D");
}

/**
 * Task 2. Gradient descent in n dimensions: `x ← x − η·∇f(x)`, repeated. After each step, record a
 * fresh copy of the new x; stop when the step's Euclidean length `‖step‖ < tolerance` (converged),
 * when an entry of x is no longer finite (diverged: `converged: false`, no exception), or after
 * `maxIterations` steps.
 *
 * @param grad the gradient ∇f; returns a fresh array as long as its input.
 * @param x0 the start, not modified.
 * @param options `learningRate` η (required), `maxIterations` (default 10 000), `tolerance` (default 1e-8).
 * @throws RangeError for invalid options (as in {@link gradientDescent1D}) or an empty `x0`.
 * @example
 * gradientDescent((p) => [2 * p[0]!, 20 * p[1]!], [1, 1], { learningRate: 0.05 });
 * // f = x² + 10y²: → { x: ≈[0, 0], converged: true, path: [[1, 1], [0.9, 0], …] }
 */
export function gradientDescent(grad: VectorField, x0: Vector, options: DescentOptions): DescentResult {
  // TODO: as in 1-D, with vectors: step = −η·∇f(x), and the step's length is its Euclidean norm.
  throw new Error("TODO: implement gradientDescent");
}

/**
 * Task 3. What gradient descent does on `f(x) = ½·a·x²` (curvature `a`) with learning rate η. One step
 * multiplies x by `1 − η·a`, so:
 * `η·a < 1` → `'converges'` (monotonically); `η·a = 1` → `'one-step'` (lands on 0 at once);
 * `1 < η·a ≤ 2` → `'oscillates'` (flips sign each step; shrinks while `η·a < 2`, constant size at exactly 2);
 * `η·a > 2` → `'diverges'`. Boundaries are compared exactly, without a tolerance.
 *
 * @throws RangeError when `curvature` or `learningRate` is not a positive finite number.
 * @example classifyLearningRate(4, 0.25) // 'one-step'
 */
export function classifyLearningRate(
  curvature: number,
  learningRate: number,
): "converges" | "oscillates" | "one-step" | "diverges" {
  // TODO: reject non-positive inputs, then compare η·a with 1 and 2.
  throw new Error("TODO: implement classifyLearningRate");
}

/**
 * Task 4. The edge of the convergent range of gradient descent on a quadratic with Hessian H:
 * `2 / λmax(H)`. Descent converges iff `η < 2/λmax`; at exactly `2/λmax` it oscillates for ever (the best
 * fixed rate is `2/(λmin + λmax)`). Use `eigSym` from `@calcml/math` (eigenvalues in ascending order).
 *
 * @throws RangeError when H is empty, not square, not symmetric, or not positive definite (its smallest
 * eigenvalue is ≤ 1e-8·max(1, max|λ|)).
 * @example maxStableLearningRate([[3, 1], [1, 3]]) // eigenvalues 2 and 4: 2/4 = 0.5
 */
export function maxStableLearningRate(hessian: Matrix): number {
  // TODO: check the shape, get the eigenvalues, check positive definiteness, return 2/λmax.
  throw new Error("TODO: implement maxStableLearningRate");
}
