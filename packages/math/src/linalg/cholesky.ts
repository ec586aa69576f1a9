import type { Matrix } from "../types.ts";
import { assertSymmetric } from "./assert-symmetric.ts";

/**
 * Cholesky factor of a symmetric positive-definite matrix: the lower-triangular `L` with positive
 * diagonal and `L·Lᵀ = A` (Cholesky–Banachiewicz, row by row). It succeeds exactly when every pivot
 * `Aⱼⱼ − Σ Lⱼₖ²` is positive, which is why Newton's method uses it to test a shifted Hessian `H + τI`.
 *
 * @throws RangeError `"cholesky: matrix is not positive definite (pivot 1 is -3)"`, or when the matrix
 * is not symmetric (the tolerance of `assertSymmetric`), not square, or has a non-finite entry.
 * @example
 * cholesky([[4, 2], [2, 3]]); // [[2, 0], [1, 1.4142135623730951]]
 */
export function cholesky(A: Matrix): number[][] {
  const n = assertSymmetric(A, "cholesky");
  const L = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const li = L[i] as number[];
    const ai = A[i] as readonly number[];
    for (let j = 0; j <= i; j++) {
      const lj = L[j] as number[];
      let s = ai[j] as number;
      for (let k = 0; k < j; k++) s -= (li[k] as number) * (lj[k] as number);
      if (i === j) {
        if (!(s > 0)) {
          throw new RangeError(
            `cholesky: matrix is not positive definite (pivot ${i} is ${s.toPrecision(3)})`,
          );
        }
        li[i] = Math.sqrt(s);
      } else {
        li[j] = s / (lj[j] as number);
      }
    }
  }
  return L;
}
