import type { Matrix } from "../types.ts";

/**
 * The shape `[rows, cols]` of a matrix. An empty matrix is `[0, 0]`.
 *
 * @throws RangeError naming `fn` when the rows differ in length (a ragged array is not a matrix).
 * @example
 * shapeOf([[1, 2, 3], [4, 5, 6]]); // [2, 3]
 */
export function shapeOf(A: Matrix, fn = "shapeOf"): [number, number] {
  const rows = A.length;
  const cols = rows === 0 ? 0 : (A[0] as readonly number[]).length;
  for (let i = 1; i < rows; i++) {
    const len = (A[i] as readonly number[]).length;
    if (len !== cols)
      throw new RangeError(`${fn}: rows differ in length (row 0 has ${cols}, row ${i} has ${len})`);
  }
  return [rows, cols];
}

/**
 * `2×3`-style text for messages.
 *
 * @example
 * shapeText([2, 3]); // "2×3"
 */
export function shapeText(shape: readonly [number, number]): string {
  return `${shape[0]}×${shape[1]}`;
}

/**
 * The size n of a square matrix.
 *
 * @throws RangeError `"<fn>: matrix must be square (2×3)"` otherwise.
 * @example
 * assertSquare("solve", [[1, 0], [0, 1]]); // 2
 */
export function assertSquare(fn: string, A: Matrix): number {
  const s = shapeOf(A, fn);
  if (s[0] !== s[1]) throw new RangeError(`${fn}: matrix must be square (${shapeText(s)})`);
  return s[0];
}
