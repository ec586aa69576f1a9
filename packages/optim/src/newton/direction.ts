import { cholesky, type Matrix } from "@calcml/math";
import { allFinite, checkCount, checkPositive } from "../internal/check.ts";
import type { Params } from "../types.ts";
import { choleskySolve } from "./cholesky-solve.ts";

/** Options of {@link newtonDirection}. */
export interface NewtonDirectionOptions {
  /** First shift `τ` tried when `H` is not positive definite. Default `1e-3`. */
  readonly initialShift?: number;
  /** Most doublings of `τ` before giving up. Default `100` (`τ` up to ≈ 6e26). */
  readonly maxDoublings?: number;
}

/** A (modified) Newton direction. */
export interface NewtonDirection {
  /** `p` solving `(H + τI)·p = −∇f`. */
  readonly direction: number[];
  /** The shift `τ` that made `H + τI` positive definite (`0` when `H` already was). */
  readonly shift: number;
  /** Cholesky factorisations attempted (1 when `H` was positive definite). */
  readonly factorizations: number;
}

/**
 * Newton's direction with the Hessian modification of Nocedal & Wright (Alg. 3.3): solve
 * `(H + τI)·p = −g` with the smallest `τ ∈ {0, τ₀, 2τ₀, 4τ₀, …}` for which Cholesky (`@calcml/math`)
 * succeeds (`τ₀ = 1e-3`), using that factor, so `p` is always a descent direction. `H` is symmetrised
 * first, `(H + Hᵀ)/2`. A shift whose solve overflows (a tiny pivot) counts as a failure and `τ` grows.
 *
 * @throws RangeError on mismatched shapes, non-finite entries, or when no shift within the budget works.
 */
export function newtonDirection(
  gradient: Params,
  hessian: Matrix,
  { initialShift = 1e-3, maxDoublings = 100 }: NewtonDirectionOptions = {},
): NewtonDirection {
  const where = "newtonDirection";
  checkPositive(where, "initialShift", initialShift);
  checkCount(where, "maxDoublings", maxDoublings);
  const n = gradient.length;
  if (hessian.length !== n || hessian.some((row) => row.length !== n)) {
    throw new RangeError(`${where}: the Hessian must be ${n}×${n} to match a gradient of length ${n}`);
  }
  if (!allFinite(gradient) || !hessian.every(allFinite)) {
    throw new RangeError(`${where}: the gradient and Hessian must be finite`);
  }
  const H = hessian.map((row, i) => row.map((hij, j) => 0.5 * (hij + hessian[j]![i]!)));
  const rhs = gradient.map((g) => -g);
  let shift = 0;
  for (let k = 0; k <= maxDoublings + 1; k++) {
    const shifted = shift === 0 ? H : H.map((row, i) => row.map((hij, j) => (i === j ? hij + shift : hij)));
    const L = factor(shifted);
    // A factor with a tiny pivot can still overflow the solve: treat that as a failure too.
    const direction = L === undefined ? undefined : choleskySolve(L, rhs);
    if (direction !== undefined && allFinite(direction)) return { direction, shift, factorizations: k + 1 };
    shift = shift === 0 ? initialShift : 2 * shift;
  }
  throw new RangeError(`${where}: H + τI was not positive definite for any τ up to ${shift / 2}`);
}

/** The Cholesky factor of `A`, or `undefined` when `A` is not positive definite (`cholesky` throws). */
function factor(A: Matrix): Matrix | undefined {
  try {
    return cholesky(A);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}
