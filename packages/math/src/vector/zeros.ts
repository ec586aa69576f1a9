/**
 * A new vector of `n` zeros.
 *
 * @throws RangeError when `n` is not a non-negative integer.
 * @example
 * zeros(3); // [0, 0, 0]
 */
export function zeros(n: number): number[] {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`zeros: n must be a non-negative integer (got ${n})`);
  return new Array<number>(n).fill(0);
}
