import type { Vector } from "../types.ts";

/**
 * Outer product `a·bᵀ`: an `a.length × b.length` matrix with entries `aᵢ bⱼ`.
 *
 * @example
 * outer([1, 2], [3, 4, 5]); // [[3, 4, 5], [6, 8, 10]]
 */
export function outer(a: Vector, b: Vector): number[][] {
  return a.map((ai) => b.map((bj) => ai * bj));
}
