import { assertSquare } from "../matrix/shape.ts";
import type { Matrix } from "../types.ts";

/** The factors of `P·A = L·U`. */
export interface LUDecomposition {
  /** Unit lower-triangular factor (ones on the diagonal). */
  L: number[][];
  /** Upper-triangular factor; a (near-)zero diagonal entry means A is singular. */
  U: number[][];
  /** Row `i` of `P·A` is row `perm[i]` of `A`. */
  perm: number[];
  /** Sign of the permutation, so `det(A) = sign · Π Uᵢᵢ`. */
  sign: 1 | -1;
}

/**
 * LU decomposition with partial pivoting (Doolittle): at each column the row with the largest
 * |entry| becomes the pivot, which keeps every multiplier ≤ 1 in magnitude and the elimination stable
 * in practice. Does not throw on a singular matrix: a zero pivot is skipped and left on U's diagonal
 * (`solve` decides what counts as singular).
 *
 * @throws RangeError for a non-square matrix.
 * @example
 * const { L, U, perm } = luDecompose([[0, 1], [2, 3]]);
 * // perm = [1, 0], L = [[1, 0], [0, 1]], U = [[2, 3], [0, 1]]
 */
export function luDecompose(A: Matrix): LUDecomposition {
  const n = assertSquare("luDecompose", A);
  const U = A.map((row) => row.slice());
  const L = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  const perm = Array.from({ length: n }, (_, i) => i);
  let sign: 1 | -1 = 1;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) {
      if (Math.abs((U[i] as number[])[k] as number) > Math.abs((U[p] as number[])[k] as number)) p = i;
    }
    if (p !== k) {
      [U[k], U[p]] = [U[p] as number[], U[k] as number[]];
      [perm[k], perm[p]] = [perm[p] as number, perm[k] as number];
      // The multipliers already computed move with their rows.
      for (let j = 0; j < k; j++) {
        const lk = L[k] as number[];
        const lp = L[p] as number[];
        [lk[j], lp[j]] = [lp[j] as number, lk[j] as number];
      }
      sign = sign === 1 ? -1 : 1;
    }
    const uk = U[k] as number[];
    const pivot = uk[k] as number;
    if (pivot === 0) continue;
    for (let i = k + 1; i < n; i++) {
      const ui = U[i] as number[];
      const factor = (ui[k] as number) / pivot;
      (L[i] as number[])[k] = factor;
      ui[k] = 0;
      if (factor === 0) continue;
      for (let j = k + 1; j < n; j++) ui[j] = (ui[j] as number) - factor * (uk[j] as number);
    }
  }
  return { L, U, perm, sign };
}
