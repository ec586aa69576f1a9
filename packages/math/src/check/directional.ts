import { directionStep } from "../diff/direction-step.ts";
import type { Rng } from "../random/rng.ts";
import { norm } from "../vector/norm.ts";
import { withinTolerance } from "./pass-rule.ts";
import type { DirectionalReport } from "./types.ts";

/** What a random-direction check needs from the engine. */
export interface DirectionalInput {
  F: (x: number[]) => number[];
  center: () => number[];
  x: number[];
  m: number;
  n: number;
  analytic: readonly number[];
  projection: readonly number[];
  h: number;
  rtol: number;
  atol: number;
  kinks: boolean;
}

/**
 * One random-direction check (PyTorch's fast mode): draws a standard Gaussian `v`, and compares
 * `rᵀ A v` with `rᵀ (F(x + t v) − F(x − t v)) / 2t`. Each component of the difference may be off
 * by up to `atol`, so the absolute tolerance is scaled by `‖v‖₁ ‖r‖₁`. A disagreement between the
 * one-sided slopes along `v` is a kink, where any value between them is accepted.
 *
 * @example
 * // used by runCheck; see gradcheck for the public entry point
 */
export function directionalCheck(d: DirectionalInput, rng: Rng): DirectionalReport {
  const v = rng.normalVector(d.n);
  const { t, plus, minus } = directionStep(d.x, v, d.h);
  let analytic = 0;
  for (let i = 0; i < d.m; i++) {
    let row = 0;
    for (let j = 0; j < d.n; j++) row += (d.analytic[i * d.n + j] as number) * (v[j] as number);
    analytic += (d.projection[i] as number) * row;
  }
  const fp = d.F(plus);
  const fm = d.F(minus);
  const project = (a: readonly number[], b: readonly number[], div: number): number => {
    let s = 0;
    for (let i = 0; i < d.m; i++)
      s += ((d.projection[i] as number) * ((a[i] as number) - (b[i] as number))) / div;
    return s;
  };
  const numeric = project(fp, fm, 2 * t);
  const atol = d.atol * norm(v, 1) * norm(d.projection, 1);
  let ok = withinTolerance(analytic, numeric, d.rtol, atol);
  if (!ok && d.kinks && Number.isFinite(numeric)) {
    const f0 = d.center();
    const forward = project(fp, f0, t);
    const backward = project(f0, fm, t);
    ok = acceptsAtKink(analytic, forward, backward, d.rtol, atol);
  }
  return { analytic, numeric, ok };
}

/**
 * At a kink the one-sided slopes disagree and every value between them is a valid (sub)gradient, so
 * an analytic value inside `[min, max]` (widened by the tolerance) is accepted. Returns false when the
 * slopes agree: then the point is smooth and the central difference stands.
 *
 * @example
 * acceptsAtKink(0, 1, 0, 1e-4, 1e-6); // true: ReLU'(0) = 0 lies between the slopes 0 and 1
 */
export function acceptsAtKink(
  a: number,
  forward: number,
  backward: number,
  rtol: number,
  atol: number,
): boolean {
  if (withinTolerance(forward, backward, rtol, atol)) return false;
  const lo = Math.min(forward, backward);
  const hi = Math.max(forward, backward);
  return a >= lo - (atol + rtol * Math.abs(lo)) && a <= hi + (atol + rtol * Math.abs(hi));
}
