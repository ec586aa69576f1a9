import type { Matrix } from "../types.ts";
import { shapeOf } from "./shape.ts";

/**
 * The transpose `Aᵀ`: `transpose(A)[j][i] = A[i][j]`.
 *
 * @throws RangeError for a ragged array.
 * @example
 * transpose([[1, 2, 3]]); // [[1], [2], [3]]
 */
export function transpose(A: Matrix): number[][] {
  const [m, n] = shapeOf(A, "transpose");
  return Array.from({ length: n }, (_, j) =>
    Array.from({ length: m }, (_, i) => (A[i] as readonly number[])[j] as number),
  );
}
