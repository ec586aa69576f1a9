/** Known bug: the Armijo test drops the α on the right: f(x + αp) ≤ f(x) + c₁·∇f·p. */
import { dot, type ScalarField, type Vector } from "@calcml/math";
import type { LineSearchOptions } from "../../../../solutions/07-newtons-method/newtons-method.ts";

export * from "../../../../solutions/07-newtons-method/newtons-method.ts";
export const knownBug = { task: "backtracking-line-search", feedback: /scale with the step/ };

export function backtrackingLineSearch(
  f: ScalarField,
  gradient: Vector,
  x: Vector,
  direction: Vector,
  options: LineSearchOptions = {},
): number {
  const { initialStep = 1, shrink = 0.5, c1 = 1e-4, maxHalvings = 50 } = options;
  if (gradient.length !== x.length || direction.length !== x.length)
    throw new RangeError("backtrackingLineSearch: lengths");
  const slope = dot(gradient, direction);
  if (!(slope < 0)) throw new RangeError("backtrackingLineSearch: not a descent direction");
  const fx = f(x);
  let alpha = initialStep;
  for (let k = 0; k <= maxHalvings; k++, alpha *= shrink) {
    if (f(x.map((xi, i) => xi + alpha * direction[i]!)) <= fx + c1 * slope) return alpha;
  }
  return 0;
}
