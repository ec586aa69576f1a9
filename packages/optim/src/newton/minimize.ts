import type { Matrix } from "@calcml/math";
import { allFinite, checkCount, checkPositive } from "../internal/check.ts";
import { armijoBacktracking } from "../linesearch/armijo.ts";
import { along } from "../linesearch/directional.ts";
import { type MinimizeResult, norm2, type StopReason } from "../minimize-result.ts";
import type { Gradient, Objective, Params } from "../types.ts";
import { type NewtonDirectionOptions, newtonDirection } from "./direction.ts";

/** What `onStep` receives after each Newton step. */
export interface NewtonStepInfo {
  readonly iteration: number;
  readonly x: readonly number[];
  readonly value: number;
  readonly gradient: readonly number[];
  /** The Hessian shift `τ` used for this step. */
  readonly shift: number;
  /** The step length `α` along the Newton direction. */
  readonly step: number;
}

/** Options of {@link newtonMinimize}. */
export interface NewtonMinimizeOptions extends NewtonDirectionOptions {
  /** Most steps. Default `100`. */
  readonly maxIterations?: number;
  /** Stop when `‖∇f(x)‖₂ ≤ tolerance`. Default `1e-8`. */
  readonly tolerance?: number;
  /** Damp steps with Armijo backtracking (`α₀ = 1`); `false` takes full steps. Default `true`. */
  readonly lineSearch?: boolean;
  readonly onStep?: (info: NewtonStepInfo) => void;
}

/** Why {@link newtonMinimize} stopped: those of `minimize`, or no Armijo step was found. */
export type NewtonStopReason = StopReason | "line-search-failed";

/** A Newton run also reports the shift `τ` used at each step. */
export interface NewtonMinimizeResult extends Omit<MinimizeResult, "reason"> {
  /** As for `minimize`, plus `"line-search-failed"`: no Armijo step within 50 halvings (usually rounding). */
  readonly reason: NewtonStopReason;
  /** The shift `τ` of each step. */
  readonly shifts: number[];
}

/**
 * Newton's method with the Hessian modification (see {@link newtonDirection}) and, by default, Armijo
 * backtracking from the full step. On a strictly convex quadratic it converges in one step.
 *
 * Defaults: `maxIterations = 100`, `tolerance = 1e-8`, `lineSearch = true`, `τ₀ = 1e-3`.
 */
export function newtonMinimize(
  f: Objective,
  grad: Gradient,
  hessian: (x: Params) => Matrix,
  x0: Params,
  options: NewtonMinimizeOptions = {},
): NewtonMinimizeResult {
  const { maxIterations = 100, tolerance = 1e-8, lineSearch = true, onStep } = options;
  checkCount("newtonMinimize", "maxIterations", maxIterations);
  checkPositive("newtonMinimize", "tolerance", tolerance, true);
  let x = x0.slice();
  let value = f(x);
  let gradient = grad(x);
  const path = [x];
  const values = [value];
  const shifts: number[] = [];
  const finish = (iterations: number, reason: NewtonStopReason): NewtonMinimizeResult => ({
    x,
    path,
    values,
    iterations,
    converged: reason === "tolerance",
    reason,
    shifts,
  });
  const finite = () => Number.isFinite(value) && allFinite(x) && allFinite(gradient);

  if (!finite()) return finish(0, "non-finite");
  if (norm2(gradient) <= tolerance) return finish(0, "tolerance");
  for (let k = 1; k <= maxIterations; k++) {
    const { direction, shift } = newtonDirection(gradient, hessian(x), options);
    let step = 1;
    if (lineSearch) {
      const search = armijoBacktracking(f, grad, x, direction, { value, gradient });
      if (!search.success) return finish(k - 1, "line-search-failed");
      ({ step, x, value } = search);
    } else {
      x = along(x, 1, direction);
      value = f(x);
    }
    gradient = grad(x);
    path.push(x);
    values.push(value);
    shifts.push(shift);
    onStep?.({ iteration: k, x, value, gradient, shift, step });
    if (!finite()) return finish(k, "non-finite");
    if (norm2(gradient) <= tolerance) return finish(k, "tolerance");
  }
  return finish(maxIterations, "max-iterations");
}
