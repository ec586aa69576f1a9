import { applyUpdates } from "./apply-updates.ts";
import { allFinite, checkCount, checkLength, checkPositive } from "./internal/check.ts";
import { type MinimizeResult, norm2, type StopReason } from "./minimize-result.ts";
import type { Gradient, GradientTransformation, Objective, Params } from "./types.ts";

/** What `onStep` receives after each step of {@link minimize}. */
export interface StepInfo<S> {
  /** The step just taken, from 1. */
  readonly iteration: number;
  readonly x: readonly number[];
  readonly value: number;
  readonly gradient: readonly number[];
  readonly state: S;
}

/** Options of {@link minimize}. */
export interface MinimizeOptions<S> {
  /** Most steps. Default `1000`. */
  readonly maxIterations?: number;
  /** Stop when `‖∇f(x)‖₂ ≤ tolerance`. Default `1e-6`. */
  readonly tolerance?: number;
  /** Called after every step (for plots and logs). */
  readonly onStep?: (info: StepInfo<S>) => void;
}

/**
 * Run an optimiser from `x0`: `[u, s] = update(∇f(x), s, x)`, `x ← x + u`, until `‖∇f(x)‖₂ ≤ tolerance`,
 * the budget runs out, or something becomes non-finite. The start is checked first (0 iterations when
 * it already satisfies the tolerance).
 *
 * Defaults: `maxIterations = 1000`, `tolerance = 1e-6`.
 *
 * @example
 * const { x, converged } = minimize(f, grad, [-1.2, 1], adam({ learningRate: 0.02 }), { maxIterations: 5000 });
 */
export function minimize<S>(
  f: Objective,
  grad: Gradient,
  x0: Params,
  optimizer: GradientTransformation<S>,
  { maxIterations = 1000, tolerance = 1e-6, onStep }: MinimizeOptions<S> = {},
): MinimizeResult {
  checkCount("minimize", "maxIterations", maxIterations);
  checkPositive("minimize", "tolerance", tolerance, true);
  let x = x0.slice();
  let state = optimizer.init(x);
  let value = f(x);
  let gradient = grad(x);
  checkLength("minimize", "∇f(x0)", gradient, x.length);
  const path = [x];
  const values = [value];
  const finish = (iterations: number, reason: StopReason): MinimizeResult => ({
    x,
    path,
    values,
    iterations,
    converged: reason === "tolerance",
    reason,
  });

  if (!Number.isFinite(value) || !allFinite(x) || !allFinite(gradient)) return finish(0, "non-finite");
  if (norm2(gradient) <= tolerance) return finish(0, "tolerance");
  for (let k = 1; k <= maxIterations; k++) {
    const [updates, next] = optimizer.update(gradient, state, x);
    state = next;
    x = applyUpdates(x, updates);
    value = f(x);
    gradient = grad(x);
    path.push(x);
    values.push(value);
    onStep?.({ iteration: k, x, value, gradient, state });
    if (!Number.isFinite(value) || !allFinite(x) || !allFinite(gradient)) return finish(k, "non-finite");
    if (norm2(gradient) <= tolerance) return finish(k, "tolerance");
  }
  return finish(maxIterations, "max-iterations");
}
