import { checkCount, checkInRange, checkPositive } from "../internal/check.ts";
import type { Gradient, Objective, Params } from "../types.ts";
import { descentSlope } from "./directional.ts";
import { LineFunction, type Trial } from "./line-function.ts";
import type { LineSearchOptions, LineSearchResult } from "./types.ts";
import { curvature, sufficientDecrease, type WolfeConstants, zoom } from "./zoom.ts";

/** Options of {@link strongWolfe}. */
export interface StrongWolfeOptions extends LineSearchOptions {
  /** Curvature constant `c₂`, with `c₁ < c₂ < 1`. Default `0.9`. */
  readonly c2?: number;
  /** Largest step tried while bracketing. Default `1e10`. */
  readonly maxStep?: number;
  /** Most trials in each phase (bracketing by doubling, then zooming). Default `50`. */
  readonly maxIterations?: number;
}

/** A strong Wolfe result also carries `∇f` at the new point. */
export interface StrongWolfeResult extends LineSearchResult {
  /** `∇f(x + αp)` (at `x` when the search failed with step 0). */
  readonly gradient: readonly number[];
}

/**
 * Line search for the strong Wolfe conditions (Nocedal & Wright, Algorithms 3.5 and 3.6):
 * `f(x + αp) ≤ f(x) + c₁·α·∇f(x)·p` and `|∇f(x + αp)·p| ≤ c₂·|∇f(x)·p|`.
 *
 * Defaults: `c₁ = 1e-4`, `c₂ = 0.9`, `α₀ = 1`; the step doubles until a bracket is found (at most
 * `maxStep = 1e10`), then the bracket is zoomed. When no step passes within the budget, returns
 * `success: false` with the best sufficient-decrease step found (possibly 0).
 *
 * @throws RangeError when `p` is not a descent direction (`∇f(x)·p ≥ 0`, or NaN).
 */
export function strongWolfe(
  f: Objective,
  grad: Gradient,
  x: Params,
  p: Params,
  options: StrongWolfeOptions = {},
): StrongWolfeResult {
  const where = "strongWolfe";
  const { c1 = 1e-4, c2 = 0.9, initialStep = 1, maxStep = 1e10, maxIterations = 50 } = options;
  checkInRange(where, "c1", c1, 0, 1, { openMin: true, openMax: true });
  checkInRange(where, "c2", c2, c1, 1, { openMin: true, openMax: true });
  checkPositive(where, "initialStep", initialStep);
  checkInRange(where, "maxStep", maxStep, initialStep, Infinity, { openMax: true });
  checkCount(where, "maxIterations", maxIterations, 1);

  const line = new LineFunction(f, grad, x, p);
  let g0 = options.gradient;
  if (g0 === undefined) {
    g0 = grad(x);
    line.gradientEvaluations++;
  }
  const slope0 = descentSlope(where, x, p, g0);
  let value0 = options.value;
  if (value0 === undefined) {
    value0 = f(x);
    line.functionEvaluations++;
  }
  const k: WolfeConstants = { c1, c2, value0, slope0, maxIterations };
  const start: Trial = { alpha: 0, x: x.slice(), value: value0, gradient: g0, slope: slope0 };

  const done = ({ trial, ok }: { trial: Trial; ok: boolean }): StrongWolfeResult => {
    line.slope(trial);
    return {
      step: trial.alpha,
      x: trial.x,
      value: trial.value,
      gradient: trial.gradient!,
      initialSlope: slope0,
      success: ok,
      functionEvaluations: line.functionEvaluations,
      gradientEvaluations: line.gradientEvaluations,
    };
  };

  let previous = start;
  let alpha = initialStep;
  for (let i = 0; i < maxIterations; i++) {
    const trial = line.at(alpha);
    if (!sufficientDecrease(trial, k) || (i > 0 && trial.value >= previous.value)) {
      return done(zoom(line, k, previous, trial));
    }
    const slope = line.slope(trial);
    if (curvature(slope, k)) return done({ trial, ok: true });
    if (slope >= 0) return done(zoom(line, k, trial, previous));
    previous = trial;
    if (alpha >= maxStep) break;
    alpha = Math.min(2 * alpha, maxStep);
  }
  return done({ trial: previous, ok: false });
}
