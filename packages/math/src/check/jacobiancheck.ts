import type { Matrix, Vector, VectorField } from "../types.ts";
import { runCheck } from "./engine.ts";
import { assertFinitePoint, FIRST_ORDER, resolveOptions } from "./options.ts";
import { rejected } from "./result.ts";
import type { CheckOptions, CheckResult } from "./types.ts";
import { validateMatrix } from "./validate.ts";

/**
 * Checks an analytic Jacobian of `F: ℝⁿ → ℝᵐ` at `x` (rows outputs, columns inputs) against central
 * differences, with `gradcheck`'s rules applied to every entry (labels `[row][col]`). Above
 * `fullCheckLimit` inputs, 10 seeded columns are checked entry by entry, and 3 random directions `v`
 * compare `rᵀ J v` with a directional difference, projecting the outputs on a fixed seeded Gaussian `r`
 * (never on `sum(output)`, which hides zero-mean errors).
 *
 * @param jacobian the m×n Jacobian at `x`, or a function computing it (called once).
 * @param options as for `gradcheck` (`shape` is ignored: the shape is [m, n]).
 * @returns a `CheckResult`; `evaluations` counts calls of `F` (one at `x`, to learn m).
 * @example
 * jacobiancheck((p) => [p[0]! * p[1]!], (p) => [[p[1]!, p[0]!]], [2, 3]).ok; // true
 */
export function jacobiancheck(
  F: VectorField,
  jacobian: Matrix | ((x: Vector) => Matrix),
  x: Vector,
  options: CheckOptions = {},
): CheckResult {
  assertFinitePoint("jacobiancheck", x);
  const o = resolveOptions("jacobiancheck", options, FIRST_ORDER);
  let calls = 0;
  const counted = (p: number[]): number[] => {
    calls++;
    return F(p);
  };
  const point = x.slice();
  const f0 = counted(point.slice());
  const m = f0.length;
  const n = x.length;
  const shape = [m, n];
  const given = typeof jacobian === "function" ? jacobian(x.slice()) : jacobian;
  const v = validateMatrix(given, m, n, "the Jacobian");
  if (!v.ok) return rejected(v, { n, point, options: o, evaluations: calls, expectedShape: shape });
  return runCheck({
    F: counted,
    f0,
    m,
    n,
    analytic: v.flat,
    x: point,
    options: o,
    labelShape: shape,
    symmetrise: false,
    evaluations: () => calls,
    expectedShape: shape,
    hintContext: {},
  });
}
