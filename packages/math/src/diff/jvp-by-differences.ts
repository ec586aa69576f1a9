import type { Vector, VectorField } from "../types.ts";
import { assertSameLength } from "../vector/assert-same-length.ts";
import { directionStep } from "./direction-step.ts";

/**
 * Jacobian-vector product `J(x)·v` from two evaluations of `F`, never building `J`:
 * `(F(x + t·v) − F(x − t·v)) / 2t`, where `t` moves the largest coordinate by `h · max(1, ‖x‖∞)`.
 * A zero `v` gives zeros (after one evaluation of `F`, to learn the output length).
 *
 * @param h relative step, default 1e-5.
 * @throws RangeError when `x` and `v` differ in length.
 * @example
 * jvpByDifferences((p) => [p[0]! * p[1]!, p[0]!], [2, 3], [1, 0]); // ≈ [3, 1]
 */
export function jvpByDifferences(F: VectorField, x: Vector, v: Vector, h = 1e-5): number[] {
  assertSameLength("jvpByDifferences", x, v);
  const { t, plus, minus } = directionStep(x, v, h);
  if (t === 0) return F(x.slice()).map(() => 0);
  const fp = F(plus);
  const fm = F(minus);
  if (fp.length !== fm.length) {
    throw new RangeError(
      `jvpByDifferences: F returned outputs of different lengths (${fp.length} vs ${fm.length})`,
    );
  }
  return fp.map((a, i) => (a - (fm[i] as number)) / (2 * t));
}
