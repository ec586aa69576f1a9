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

// BEGIN HIDE
/** Validates the options and fills in the defaults; `name` goes into the error message. */
function settings(name: string, options: DescentOptions): Required<DescentOptions> {
  const { learningRate, maxIterations = DEFAULT_MAX_ITERATIONS, tolerance = DEFAULT_TOLERANCE } = options;
  if (!(learningRate > 0 && Number.isFinite(learningRate))) {
    throw new RangeError(`${name}: learningRate must be a positive number (got ${learningRate})`);
  }
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) {
    throw new RangeError(`${name}: maxIterations must be a positive integer (got ${maxIterations})`);
  }
  if (!(tolerance >= 0)) throw new RangeError(`${name}: tolerance must be ≥ 0 (got ${tolerance})`);
  return { learningRate, maxIterations, tolerance };
}
// END HIDE
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
  // BEGIN SOLUTION: check the options, then loop: step = −η·f'(x), move, record, and stop as described.
  const { learningRate, maxIterations, tolerance } = settings("gradientDescent1D", options);
  let x = x0;
  const path = [x];
  for (let k = 1; k <= maxIterations; k++) {
    const step = -learningRate * df(x);
    x += step;
    path.push(x);
    if (!Number.isFinite(x)) return { x, iterations: k, converged: false, path };
    if (Math.abs(step) < tolerance) return { x, iterations: k, converged: true, path };
  }
  return { x, iterations: maxIterations, converged: false, path };
  // END SOLUTION
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
  // BEGIN SOLUTION: as in 1-D, with vectors: step = −η·∇f(x), and the step's length is its Euclidean norm.
  const { learningRate, maxIterations, tolerance } = settings("gradientDescent", options);
  if (x0.length === 0) throw new RangeError("gradientDescent: x0 is empty");
  let x = x0.slice();
  const path = [x];
  for (let k = 1; k <= maxIterations; k++) {
    const g = grad(x);
    const step = x.map((_, i) => -learningRate * (g[i] as number));
    x = x.map((xi, i) => xi + (step[i] as number));
    path.push(x);
    if (!x.every(Number.isFinite)) return { x, iterations: k, converged: false, path };
    if (norm(step) < tolerance) return { x, iterations: k, converged: true, path };
  }
  return { x, iterations: maxIterations, converged: false, path };
  // END SOLUTION
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
  // BEGIN SOLUTION: reject non-positive inputs, then compare η·a with 1 and 2.
  if (!(curvature > 0 && Number.isFinite(curvature))) {
    throw new RangeError(`classifyLearningRate: curvature must be a positive number (got ${curvature})`);
  }
  if (!(learningRate > 0 && Number.isFinite(learningRate))) {
    throw new RangeError(
      `classifyLearningRate: learningRate must be a positive number (got ${learningRate})`,
    );
  }
  const product = learningRate * curvature;
  if (product < 1) return "converges";
  if (product === 1) return "one-step";
  return product <= 2 ? "oscillates" : "diverges";
  // END SOLUTION
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
  // BEGIN SOLUTION: check the shape, get the eigenvalues, check positive definiteness, return 2/λmax.
  if (hessian.length === 0) throw new RangeError("maxStableLearningRate: the Hessian is empty");
  if (hessian.some((row) => row.length !== hessian.length)) {
    throw new RangeError(`maxStableLearningRate: the Hessian is not square (${hessian.length} rows)`);
  }
  let values: number[];
  try {
    values = eigSym(hessian).values;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new RangeError(`maxStableLearningRate: ${why.replace(/^eigSym: /, "")}`);
  }
  const largest = values[values.length - 1] as number;
  const smallest = values[0] as number;
  if (!(smallest > 1e-8 * Math.max(1, Math.abs(largest), Math.abs(smallest)))) {
    throw new RangeError(
      `maxStableLearningRate: the Hessian is not positive definite (smallest eigenvalue ${smallest})`,
    );
  }
  return 2 / largest;
  // END SOLUTION
}
