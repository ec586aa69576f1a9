import { checkCount, checkInRange, checkPositive } from "../internal/check.ts";
import type { Gradient, Objective, Params } from "../types.ts";
import { along, descentSlope } from "./directional.ts";
import type { LineSearchOptions, LineSearchResult } from "./types.ts";

/** Options of {@link armijoBacktracking}. */
export interface ArmijoOptions extends LineSearchOptions {
  /** Factor applied to `α` after each rejected trial, in `(0, 1)`. Default `0.5`. */
  readonly shrink?: number;
  /** Most shrinks before giving up. Default `50`. */
  readonly maxBacktracks?: number;
}

/**
 * Backtracking line search: the first `α = α₀·ρᵏ` (`k = 0, 1, …`) with the sufficient decrease
 * (Armijo) condition `f(x + αp) ≤ f(x) + c₁·α·∇f(x)·p`.
 *
 * Defaults: `c₁ = 1e-4`, `α₀ = 1`, `ρ = 0.5`, at most 50 shrinks. When no step passes, returns
 * `success: false`, `step: 0` and `x` unchanged. A non-finite `f(x + αp)` counts as a rejection.
 *
 * @param grad - `∇f`, called once at `x` unless `options.gradient` is given.
 * @throws RangeError when `p` is not a descent direction (`∇f(x)·p ≥ 0`, or NaN).
 */
export function armijoBacktracking(
  f: Objective,
  grad: Gradient,
  x: Params,
  p: Params,
  options: ArmijoOptions = {},
): LineSearchResult {
  const where = "armijoBacktracking";
  const { c1 = 1e-4, initialStep = 1, shrink = 0.5, maxBacktracks = 50 } = options;
  checkInRange(where, "c1", c1, 0, 1, { openMin: true, openMax: true });
  checkPositive(where, "initialStep", initialStep);
  checkInRange(where, "shrink", shrink, 0, 1, { openMin: true, openMax: true });
  checkCount(where, "maxBacktracks", maxBacktracks);

  let gradientEvaluations = 0;
  let g = options.gradient;
  if (g === undefined) {
    g = grad(x);
    gradientEvaluations++;
  }
  const slope = descentSlope(where, x, p, g);
  let functionEvaluations = 0;
  let fx = options.value;
  if (fx === undefined) {
    fx = f(x);
    functionEvaluations++;
  }

  let alpha = initialStep;
  for (let k = 0; k <= maxBacktracks; k++, alpha *= shrink) {
    const trial = along(x, alpha, p);
    const value = f(trial);
    functionEvaluations++;
    if (value <= fx + c1 * alpha * slope) {
      const success = true;
      return {
        step: alpha,
        x: trial,
        value,
        initialSlope: slope,
        success,
        functionEvaluations,
        gradientEvaluations,
      };
    }
  }
  return {
    step: 0,
    x: x.slice(),
    value: fx,
    initialSlope: slope,
    success: false,
    functionEvaluations,
    gradientEvaluations,
  };
}
