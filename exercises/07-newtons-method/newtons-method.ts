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
  // TODO: check the shapes, then solve H·p = −g with `solve`, rethrowing its error as yours.
  throw new Error("TODO: implement newtonStep");
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
  // TODO: reject a non-descent direction, then try α₀, α₀ρ, … until the Armijo inequality holds.
  throw new Error("TODO: implement backtrackingLineSearch");
}

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
  // TODO: loop: test ‖∇f‖, make H positive definite, Newton step, line search, move; record the path.
  throw new Error("TODO: implement newtonsMethod");
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
  // TODO: repeat x ← x − f(x)/f'(x), stopping on a small step, an exact root or a bad derivative.
  throw new Error("TODO: implement newtonRoot");
}
