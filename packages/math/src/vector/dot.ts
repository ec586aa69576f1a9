import type { Vector } from "../types.ts";
import { assertSameLength } from "./assert-same-length.ts";

/**
 * Inner product `Σ aᵢ bᵢ`, summed left to right (plain summation: deterministic, and accurate enough
 * for the course's sizes).
 *
 * @throws RangeError `dot: vectors differ in length (3 vs 4)` when the lengths differ.
 * @example
 * dot([1, 2, 3], [4, 5, 6]); // 32
 */
export function dot(a: Vector, b: Vector): number {
  assertSameLength("dot", a, b);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}
