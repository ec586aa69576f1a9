/**
 * Lesson 07: Newton's method, second-order optimisation.
 *
 * Fill in each function, then run `pnpm grade 07`. Stuck? `pnpm hint 07 <task>`.
 * `solve`, `cholesky`, `dot` and `norm` from `@calcml/math` are yours to use; `@calcml/optim` is not.
 */
import {
  cholesky,
  dot,
  type Matrix,
  norm,
  type ScalarField,
  type ScalarFn,
  solve,
  type Vector,
} from "@calcml/math";

/** The result of an iterative minimiser (the same shape as lesson 04's). */
export type DescentResult = {
  /** The last iterate. */
  x: number[];
  /** Steps taken: `path.length − 1`. */
  iterations: number;
  /** Whether the stopping test passed (as opposed to running out of iterations or failing). */
  converged: boolean;
  /** Every iterate, the start first. */
  path: number[][];
};

/** Options of {@link backtrackingLineSearch}; every field is optional. */
export type LineSearchOptions = {
  /** First step tried, α₀. Default 1. */
  initialStep?: number;
  /** Factor ρ applied to α after each rejected step. Default 0.5. */
  shrink?: number;
  /** Sufficient-decrease constant c₁ of the Armijo inequality. Default 1e-4. */
  c1?: number;
  /** Most shrinks: the steps tried are α₀, α₀ρ, …, α₀ρ^maxHalvings. Default 50. */
  maxHalvings?: number;
};

/** Options of {@link newtonsMethod}. */
export type NewtonOptions = {
  /** Stop (converged) once `‖∇f(x)‖ < tolerance`. Default 1e-10. */
  tolerance?: number;
  /** Most Newton steps. Default 100. */
  maxIterations?: number;
};

/** Options of {@link newtonRoot}. */
export type RootOptions = {
  /** Stop (converged) once the step satisfies `|Δx| ≤ tolerance · max(1, |x|)`. Default 1e-12. */
  tolerance?: number;
  /** Most Newton steps. Default 50. */
  maxIterations?: number;
};

/**
 * Task 1. The Newton step `p` that solves `H·p = −g`: the minimiser of the quadratic model
 * `f(x) + gᵀp + ½pᵀHp` when H is positive definite.
 *
 * @throws RangeError (message starting `newtonStep:`) when H is not n×n for a gradient of length n,
 * or when H is singular (catch the error of `solve` and throw your own).
 * @example newtonStep([2, -3], [[4, 0], [0, 1.5]]) // [-0.5, 2]
 */
export function newtonStep(gradient: Vector, hessian: Matrix): number[] {
  // BEGIN SOLUTION: check the shapes, then solve H·p = −g with `solve`, rethrowing its error as yours.
  const n = gradient.length;
  if (hessian.length !== n || hessian.some((row) => row.length !== n)) {
    throw new RangeError(`newtonStep: the Hessian must be ${n}×${n} for a gradient of length ${n}`);
  }
  try {
    return solve(
      hessian,
      gradient.map((g) => -g),
    );
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new RangeError(`newtonStep: the Hessian is singular or not finite (${why})`);
  }
  // END SOLUTION
}

/**
 * Task 2. Armijo backtracking: the first step `α = α₀·ρᵏ` (k = 0, 1, …, maxHalvings) with
 * `f(x + α·p) ≤ f(x) + c₁·α·(∇f(x)·p)`; 0 when none of them passes.
 *
 * @param gradient ∇f at `x` (a vector, already computed).
 * @param direction the search direction p; it must point downhill: `∇f(x)·p < 0`.
 * @param options defaults α₀ = 1, ρ = 0.5, c₁ = 1e-4, maxHalvings = 50.
 * @throws RangeError when the lengths differ or `∇f(x)·p ≥ 0` (not a descent direction).
 * @example backtrackingLineSearch(([x]) => x! ** 2, [2], [1], [-10]) // 0.125
 */
export function backtrackingLineSearch(
  f: ScalarField,
  gradient: Vector,
  x: Vector,
  direction: Vector,
  options: LineSearchOptions = {},
): number {
  // BEGIN SOLUTION: reject a non-descent direction, then try α₀, α₀ρ, … until the Armijo inequality holds.
  const { initialStep = 1, shrink = 0.5, c1 = 1e-4, maxHalvings = 50 } = options;
  if (gradient.length !== x.length || direction.length !== x.length) {
    throw new RangeError(
      `backtrackingLineSearch: x, gradient and direction differ in length (${x.length}, ${gradient.length}, ${direction.length})`,
    );
  }
  const slope = dot(gradient, direction);
  if (!(slope < 0)) {
    throw new RangeError(`backtrackingLineSearch: not a descent direction (∇f·p = ${slope}, must be < 0)`);
  }
  const fx = f(x);
  let alpha = initialStep;
  for (let k = 0; k <= maxHalvings; k++) {
    const trial = x.map((xi, i) => xi + alpha * direction[i]!);
    if (f(trial) <= fx + c1 * alpha * slope) return alpha;
    alpha *= shrink;
  }
  return 0;
  // END SOLUTION
}

// BEGIN HIDE
/** Most doublings of τ before giving up (τ reaches about 1e-3 · 2²⁰⁰). */
const MAX_DOUBLINGS = 200;
/** First shift tried when H is not positive definite (the course's numeric rules, docs/numerics.md). */
const INITIAL_SHIFT = 1e-3;

/** `(H + Hᵀ)/2 + τI` with the smallest τ in {0, 1e-3, 2e-3, 4e-3, …} that Cholesky accepts; undefined if none. */
function positiveDefinite(H: Matrix): number[][] | undefined {
  const sym = H.map((row, i) => row.map((h, j) => 0.5 * (h + H[j]![i]!)));
  let tau = 0;
  for (let k = 0; k <= MAX_DOUBLINGS; k++) {
    const shifted = sym.map((row, i) => row.map((h, j) => (i === j ? h + tau : h)));
    try {
      cholesky(shifted);
      return shifted;
    } catch {
      tau = tau === 0 ? INITIAL_SHIFT : 2 * tau;
    }
  }
  return undefined;
}
// END HIDE

/**
 * Task 3. Damped Newton's method. At each iterate x: stop (converged) if `‖∇f(x)‖ < tolerance`;
 * otherwise make H = hess(x) positive definite by adding τI (τ = 0, then 1e-3, doubling, until Cholesky
 * succeeds; give up with `converged: false` after a generous cap, e.g. τ = 1e-3·2¹⁹⁹), take the Newton
 * step p for it, and move to `x + α·p` with α from the line search.
 * Stops with `converged: false` after `maxIterations` steps, when the line search finds no step, or when
 * an iterate, gradient or Hessian is not finite (a failure is a result, not an exception). The gradient
 * test comes first, so it wins when it passes at the point reached by the last allowed step. A failed line
 * search adds nothing to `path`; a non-finite iterate is recorded as the last entry.
 *
 * @param options defaults: tolerance 1e-10 (on the gradient norm), maxIterations 100.
 * @example newtonsMethod(([x, y]) => x! ** 2 + 3 * y! ** 2, ([x, y]) => [2 * x!, 6 * y!], () => [[2, 0], [0, 6]], [1, 1])
 * // { x: [0, 0], iterations: 1, converged: true, path: [[1, 1], [0, 0]] }
 */
export function newtonsMethod(
  f: ScalarField,
  grad: (x: Vector) => number[],
  hess: (x: Vector) => number[][],
  x0: Vector,
  options: NewtonOptions = {},
): DescentResult {
  // BEGIN SOLUTION: loop: test ‖∇f‖, make H positive definite, Newton step, line search, move; record the path.
  const { tolerance = 1e-10, maxIterations = 100 } = options;
  let x = x0.slice();
  const path = [x.slice()];
  const result = (converged: boolean): DescentResult => ({ x, iterations: path.length - 1, converged, path });
  for (;;) {
    const g = grad(x);
    if (!g.every(Number.isFinite)) return result(false);
    if (norm(g) < tolerance) return result(true);
    if (path.length - 1 >= maxIterations) return result(false);
    const H = hess(x);
    if (!H.every((row) => row.every(Number.isFinite))) return result(false);
    const shifted = positiveDefinite(H);
    if (shifted === undefined) return result(false);
    const p = newtonStep(g, shifted);
    const alpha = backtrackingLineSearch(f, g, x, p);
    if (alpha === 0) return result(false);
    x = x.map((xi, i) => xi + alpha * p[i]!);
    path.push(x.slice());
    if (!x.every(Number.isFinite)) return result(false);
  }
  // END SOLUTION
}

/**
 * Task 4. Newton's method for a root of f: `x ← x − f(x)/f'(x)`, until the step is small,
 * `|Δx| ≤ tolerance · max(1, |x|)` (converged), or `maxIterations` steps (not converged). The step test
 * comes right after each step, so a small step number `maxIterations` still counts as converged.
 * An exact root (`f(x) === 0`) stops at once (converged). A zero or non-finite derivative, or a
 * non-finite iterate, stops with `converged: false`, never an exception.
 *
 * @param options defaults: tolerance 1e-12, maxIterations 50.
 * @returns the last iterate as `root`, the number of steps taken, and whether it converged.
 * @example newtonRoot((x) => x * x - 2, (x) => 2 * x, 1) // { root: 1.414213562373095, iterations: 6, converged: true }
 */
export function newtonRoot(
  f: ScalarFn,
  df: ScalarFn,
  x0: number,
  options: RootOptions = {},
): { root: number; iterations: number; converged: boolean } {
  // BEGIN SOLUTION: repeat x ← x − f(x)/f'(x), stopping on a small step, an exact root or a bad derivative.
  const { tolerance = 1e-12, maxIterations = 50 } = options;
  let x = x0;
  for (let iterations = 0; iterations < maxIterations; iterations++) {
    const fx = f(x);
    if (fx === 0) return { root: x, iterations, converged: true };
    const slope = df(x);
    if (slope === 0 || !Number.isFinite(slope) || !Number.isFinite(fx)) {
      return { root: x, iterations, converged: false };
    }
    const step = fx / slope;
    x -= step;
    if (!Number.isFinite(x)) return { root: x, iterations: iterations + 1, converged: false };
    if (Math.abs(step) <= tolerance * Math.max(1, Math.abs(x))) {
      return { root: x, iterations: iterations + 1, converged: true };
    }
  }
  return { root: x, iterations: maxIterations, converged: false };
  // END SOLUTION
}
