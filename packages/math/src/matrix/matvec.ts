import type { Matrix, Vector } from "../types.ts";
import { shapeOf, shapeText } from "./shape.ts";

/**
 * Matrix-vector product `A·x`.
 *
 * @throws RangeError `"matvec: matrix is 2×3 but the vector has length 2"` on a mismatch.
 * @example
 * matvec([[1, 2], [3, 4]], [1, 1]); // [3, 7]
 */
export function matvec(A: Matrix, x: Vector): number[] {
  const s = shapeOf(A, "matvec");
  if (s[1] !== x.length && s[0] > 0) {
    throw new RangeError(`matvec: matrix is ${shapeText(s)} but the vector has length ${x.length}`);
  }
  return A.map((row) => {
    let sum = 0;
    for (let j = 0; j < row.length; j++) sum += (row[j] as number) * (x[j] as number);
    return sum;
  });
}
