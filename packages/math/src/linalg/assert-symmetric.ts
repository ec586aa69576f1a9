import { assertSquare } from "../matrix/shape.ts";
import type { Matrix } from "../types.ts";

/**
 * Checks a matrix claimed symmetric, per docs/numerics.md: `‖A − Aᵀ‖max ≤ 1e-12 · max(1, ‖A‖max)`. The
 * tolerance allows rounding in a computed Hessian but not a mis-signed or missing cross term.
 * Also rejects non-finite entries (a NaN would pass any comparison silently).
 *
 * @param fn the caller's name, for the message.
 * @returns n, the size of the matrix.
 * @throws RangeError `"eigSym: matrix is not symmetric (|A[0][1] − A[1][0]| = 2 > 1e-12)"`, or for a
 * non-square matrix or a non-finite entry.
 * @example
 * assertSymmetric([[2, 1], [1, 3]]); // 2
 */
export function assertSymmetric(A: Matrix, fn = "assertSymmetric"): number {
  const n = assertSquare(fn, A);
  let largest = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = (A[i] as readonly number[])[j] as number;
      if (!Number.isFinite(v))
        throw new RangeError(`${fn}: matrix has a non-finite entry at [${i}][${j}] (${v})`);
      largest = Math.max(largest, Math.abs(v));
    }
  }
  const tol = 1e-12 * Math.max(1, largest);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const gap = Math.abs(
        ((A[i] as readonly number[])[j] as number) - ((A[j] as readonly number[])[i] as number),
      );
      if (gap > tol) {
        throw new RangeError(
          `${fn}: matrix is not symmetric (|A[${i}][${j}] − A[${j}][${i}]| = ${gap.toPrecision(3)} > ${tol.toPrecision(3)})`,
        );
      }
    }
  }
  return n;
}
