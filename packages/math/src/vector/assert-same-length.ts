import type { Vector } from "../types.ts";

/**
 * Throws `RangeError("<fn>: vectors differ in length (3 vs 4)")` unless `a` and `b` have equal length.
 * Shared by every elementwise operation so the message reads the same everywhere.
 *
 * @example
 * assertSameLength("dot", [1, 2], [3, 4]); // passes
 */
export function assertSameLength(fn: string, a: Vector, b: Vector): void {
  if (a.length !== b.length) {
    throw new RangeError(`${fn}: vectors differ in length (${a.length} vs ${b.length})`);
  }
}
