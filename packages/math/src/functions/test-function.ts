import type { ScalarField, Vector } from "../types.ts";

/**
 * An optimisation test problem with its exact derivatives: what lessons descend on and what the
 * checks verify against.
 *
 * @example
 * const { f, gradient, start } = rosenbrock;
 * f(start); // 24.2
 */
export interface TestFunction {
  /** Short display name, e.g. `"rosenbrock"`. */
  readonly name: string;
  /** Number of inputs. */
  readonly dimension: number;
  readonly f: ScalarField;
  /** Exact gradient ∇f(x). */
  readonly gradient: (x: Vector) => number[];
  /** Exact Hessian ∇²f(x) (symmetric). */
  readonly hessian: (x: Vector) => number[][];
  /** Every known global minimiser (empty when f is unbounded below, as for the saddle). */
  readonly minima: readonly Vector[];
  /** f at the minima; `-Infinity` when unbounded below. */
  readonly minimumValue: number;
  /** The customary starting point. */
  readonly start: Vector;
}

/**
 * Throws a `RangeError` unless `x` has `n` entries: a 2-D test function given a 3-vector is a bug.
 *
 * @example
 * assertDimension("booth", [1, 2], 2); // passes
 */
export function assertDimension(name: string, x: Vector, n: number): void {
  if (x.length !== n) throw new RangeError(`${name}: expected a point with ${n} entries (got ${x.length})`);
}
