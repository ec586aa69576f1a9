import type { ScalarField, Vector } from "../types.ts";
import { runCheck } from "./engine.ts";
import { assertFinitePoint, FIRST_ORDER, resolveOptions } from "./options.ts";
import { rejected } from "./result.ts";
import type { CheckOptions, CheckResult } from "./types.ts";
import { validateVector } from "./validate.ts";

/**
 * Checks an analytic gradient of `f` at `x` against central differences, per docs/numerics.md: every
 * component must satisfy `|a − n| ≤ atol + rtol·max(|a|,|n|)` (rtol 1e-4, atol 1e-6·max(1,‖n‖∞)),
 * the gradient must have one finite entry per input, and kinks are re-probed with one-sided slopes.
 * Up to `fullCheckLimit` (100) inputs every coordinate is checked (2n calls of `f`); above, a seeded
 * subset of 10 coordinates plus 3 random-direction checks.
 *
 * @param gradient the gradient at `x`, or a function computing it (called once, with a copy of `x`).
 * @param options defaults: rtol 1e-4, atol 1e-6, h 1e-5, fullCheckLimit 100, seed 0, kinks true.
 * @returns a `CheckResult`; `evaluations` counts the calls of `f`.
 * @throws RangeError when `x` has a non-finite entry or an option is invalid.
 * @example
 * const r = gradcheck((x) => x[0]! ** 2 + 3 * x[1]!, (x) => [2 * x[0]!, 3], [1, 2]);
 * r.ok; // true
 */
export function gradcheck(
  f: ScalarField,
  gradient: Vector | ((x: Vector) => Vector),
  x: Vector,
  options: CheckOptions = {},
): CheckResult {
  assertFinitePoint("gradcheck", x);
  const o = resolveOptions("gradcheck", options, FIRST_ORDER);
  const n = x.length;
  const shape = o.shape ? [...o.shape] : [n];
  if (shape.reduce((p, d) => p * d, 1) !== n) {
    throw new RangeError(`gradcheck: shape [${shape.join(", ")}] does not match the point's ${n} entries`);
  }
  let calls = 0;
  const F = (p: number[]): number[] => {
    calls++;
    return [f(p)];
  };
  const point = x.slice();
  const given = typeof gradient === "function" ? gradient(x.slice()) : gradient;
  const v = validateVector(given, n, "the gradient", `f takes ${n} inputs`);
  if (!v.ok) return rejected(v, { n, point, options: o, evaluations: calls, expectedShape: shape });
  return runCheck({
    F,
    m: 1,
    n,
    analytic: v.flat,
    x: point,
    options: o,
    labelShape: shape,
    symmetrise: false,
    evaluations: () => calls,
    expectedShape: shape,
    hintContext: { point },
  });
}
