import type { Vector } from "../types.ts";

/**
 * The vector `s · v`, a new array. The vector comes first, the scalar second.
 *
 * @example
 * scale([1, -2], 3); // [3, -6]
 */
export function scale(v: Vector, s: number): number[] {
  return v.map((vi) => s * vi);
}
