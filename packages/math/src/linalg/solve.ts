import { assertSquare } from "../matrix/shape.ts";
import type { Matrix, Vector } from "../types.ts";
import { luDecompose } from "./lu-decompose.ts";

/**
 * Solves `A·x = b` for square `A` by LU with partial pivoting, then forward and back substitution.
 *
 * Singularity: a pivot with `|Uₖₖ| ≤ n · ε · ‖A‖max` (ε = 2⁻⁵²) is treated as zero, because below that
 * size it is indistinguishable from the rounding error of the elimination itself.
 *
 * @throws RangeError `"solve: matrix is singular (pivot 2 is 0 ≤ 4.4e-16)"`; also for a non-square
 * matrix, a length mismatch or a non-finite entry.
 * @example
 * solve([[2, 1], [1, 3]], [3, 5]); // [0.8, 1.4]
 */
export function solve(A: Matrix, b: Vector): number[] {
  const n = assertSquare("solve", A);
  if (b.length !== n) throw new RangeError(`solve: matrix is ${n}×${n} but b has length ${b.length}`);
  let largest = 0;
  for (const row of A) {
    for (const v of row) {
      if (!Number.isFinite(v)) throw new RangeError(`solve: matrix has a non-finite entry (${v})`);
      largest = Math.max(largest, Math.abs(v));
    }
  }
  if (b.some((v) => !Number.isFinite(v))) throw new RangeError("solve: b has a non-finite entry");
  const { L, U, perm } = luDecompose(A);
  const tol = n * Number.EPSILON * largest;
  for (let k = 0; k < n; k++) {
    const pivot = (U[k] as number[])[k] as number;
    if (Math.abs(pivot) <= tol) {
      throw new RangeError(
        `solve: matrix is singular (pivot ${k} is ${pivot.toPrecision(3)}, at most n·ε·max|A| = ${tol.toPrecision(3)})`,
      );
    }
  }
  // L·y = P·b (forward), then U·x = y (backward).
  const y = perm.map((p) => b[p] as number);
  for (let i = 0; i < n; i++) {
    const li = L[i] as number[];
    let s = y[i] as number;
    for (let j = 0; j < i; j++) s -= (li[j] as number) * (y[j] as number);
    y[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    const ui = U[i] as number[];
    let s = y[i] as number;
    for (let j = i + 1; j < n; j++) s -= (ui[j] as number) * (y[j] as number);
    y[i] = s / (ui[i] as number);
  }
  return y;
}
