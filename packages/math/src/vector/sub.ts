import type { Vector } from "../types.ts";
import { assertSameLength } from "./assert-same-length.ts";

/**
 * Elementwise difference `a − b`, a new array.
 *
 * @throws RangeError when the lengths differ.
 * @example
 * sub([5, 5], [1, 2]); // [4, 3]
 */
export function sub(a: Vector, b: Vector): number[] {
  assertSameLength("sub", a, b);
  return a.map((ai, i) => ai - (b[i] as number));
}
