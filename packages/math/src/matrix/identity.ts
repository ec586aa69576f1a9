/**
 * The n×n identity matrix.
 *
 * @throws RangeError when `n` is not a non-negative integer.
 * @example
 * identity(2); // [[1, 0], [0, 1]]
 */
export function identity(n: number): number[][] {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`identity: n must be a non-negative integer (got ${n})`);
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}
