/**
 * An m×n matrix of zeros (fresh rows, no sharing).
 *
 * @throws RangeError when `m` or `n` is not a non-negative integer.
 * @example
 * zerosMatrix(2, 3); // [[0, 0, 0], [0, 0, 0]]
 */
export function zerosMatrix(m: number, n: number): number[][] {
  for (const d of [m, n]) {
    if (!Number.isInteger(d) || d < 0) {
      throw new RangeError(`zerosMatrix: dimensions must be non-negative integers (got ${m}, ${n})`);
    }
  }
  return Array.from({ length: m }, () => new Array<number>(n).fill(0));
}
