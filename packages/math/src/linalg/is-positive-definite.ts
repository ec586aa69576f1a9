import type { Matrix } from "../types.ts";
import { assertSymmetric } from "./assert-symmetric.ts";
import { cholesky } from "./cholesky.ts";
import { eigSym } from "./eig-sym.ts";

/**
 * Whether a symmetric matrix is positive definite, with the zero band of docs/numerics.md: every eigenvalue must
 * exceed `1e-8 · max(1, max|λ|)`, so a matrix that is singular up to rounding (λ = 1e-17) counts as
 * semidefinite, not definite. Cholesky runs first as the cheap rejection: if it fails, some pivot is
 * ≤ 0 and the answer is false without an eigen-decomposition.
 *
 * @throws RangeError when the matrix is not square, not symmetric or has a non-finite entry.
 * @example
 * isPositiveDefinite([[2, 1], [1, 2]]); // true
 * isPositiveDefinite([[1, 1], [1, 1]]); // false (eigenvalues 0 and 2)
 */
export function isPositiveDefinite(A: Matrix): boolean {
  assertSymmetric(A, "isPositiveDefinite");
  try {
    cholesky(A);
  } catch {
    return false;
  }
  const { values } = eigSym(A);
  if (values.length === 0) return true;
  const largest = Math.max(...values.map(Math.abs));
  return (values[0] as number) > 1e-8 * Math.max(1, largest);
}
