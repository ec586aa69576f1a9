import type { Vector } from "../types.ts";
import { assertSameLength } from "./assert-same-length.ts";

/**
 * Elementwise sum `a + b`, a new array.
 *
 * @throws RangeError when the lengths differ.
 * @example
 * add([1, 2], [10, 20]); // [11, 22]
 */
export function add(a: Vector, b: Vector): number[] {
  assertSameLength("add", a, b);
  return a.map((ai, i) => ai + (b[i] as number));
}
