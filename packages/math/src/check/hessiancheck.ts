import { numericalGradient } from "../diff/numerical-gradient.ts";
import type { Matrix, ScalarField, Vector } from "../types.ts";
import { runCheck } from "./engine.ts";
import { assertFinitePoint, resolveOptions, SECOND_ORDER } from "./options.ts";
import { rejected } from "./result.ts";
import type { CheckOptions, CheckResult } from "./types.ts";
import { validateMatrix } from "./validate.ts";

/**
 * Checks an analytic Hessian of `f` at `x` with the second-order tolerances of docs/numerics.md (rtol 1e-3,
 * atol 1e-5·max(1,‖n‖∞), h 1e-4). The numeric Hessian is the central difference of `options.gradient`
 * when given (2n gradient calls), else of the central-difference gradient of `f` (which is the 4-point
 * formula, 4n² calls of `f`); in full mode it is symmetrised, `(H + Hᵀ)/2`.
 *
 * @param hessian the n×n Hessian at `x`, or a function computing it (called once).
 * @param options as for `gradcheck`, plus `gradient`: an exact gradient to difference (recommended).
 * @returns a `CheckResult`; `evaluations` counts calls of `gradient` when given, else of `f`.
 * @example
 * hessiancheck((p) => p[0]! ** 2 * p[1]!, (p) => [[2 * p[1]!, 2 * p[0]!], [2 * p[0]!, 0]], [1, 2]).ok; // true
 */
export function hessiancheck(
  f: ScalarField,
  hessian: Matrix | ((x: Vector) => Matrix),
  x: Vector,
  options: CheckOptions & { gradient?: (x: Vector) => Vector } = {},
): CheckResult {
  assertFinitePoint("hessiancheck", x);
  const o = resolveOptions("hessiancheck", options, SECOND_ORDER);
  const n = x.length;
  let calls = 0;
  const countedF = (p: Vector): number => {
    calls++;
    return f(p);
  };
  const { gradient } = options;
  const G = gradient
    ? (p: number[]): number[] => {
        calls++;
        return Array.from(gradient(p));
      }
    : (p: number[]): number[] => numericalGradient(countedF, p, o.h);
  const point = x.slice();
  const shape = [n, n];
  const given = typeof hessian === "function" ? hessian(x.slice()) : hessian;
  const v = validateMatrix(given, n, n, "the Hessian");
  if (!v.ok) return rejected(v, { n, point, options: o, evaluations: calls, expectedShape: shape });
  return runCheck({
    F: G,
    m: n,
    n,
    analytic: v.flat,
    x: point,
    options: o,
    labelShape: shape,
    symmetrise: true,
    evaluations: () => calls,
    expectedShape: shape,
    hintContext: {},
  });
}
