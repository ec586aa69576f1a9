/** Known bug: no check that the direction descends; an uphill direction just backtracks to a tiny step. */
import { dot, type ScalarField, type Vector } from "@calcml/math";
import type { LineSearchOptions } from "../../../../solutions/07-newtons-method/newtons-method.ts";

export * from "../../../../solutions/07-newtons-method/newtons-method.ts";
export const knownBug = { task: "backtracking-line-search", feedback: /RangeError/ };

export function backtrackingLineSearch(
  f: ScalarField,
  gradient: Vector,
  x: Vector,
  direction: Vector,
  options: LineSearchOptions = {},
): number {
  const { initialStep = 1, shrink = 0.5, c1 = 1e-4, maxHalvings = 50 } = options;
  const slope = dot(gradient, direction);
  const fx = f(x);
  let alpha = initialStep;
  for (let k = 0; k <= maxHalvings; k++, alpha *= shrink) {
    if (f(x.map((xi, i) => xi + alpha * direction[i]!)) <= fx + c1 * alpha * slope) return alpha;
  }
  return 0;
}
