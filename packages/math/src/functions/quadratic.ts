import { assertSymmetric } from "../linalg/assert-symmetric.ts";
import { isPositiveDefinite } from "../linalg/is-positive-definite.ts";
import { solve } from "../linalg/solve.ts";
import { matvec } from "../matrix/matvec.ts";
import type { Matrix, Vector } from "../types.ts";
import { dot } from "../vector/dot.ts";
import { assertDimension, type TestFunction } from "./test-function.ts";

/**
 * The quadratic `f(x) = ½ xᵀAx − bᵀx` for symmetric `A` (the golden-trajectory form of docs/numerics.md):
 * gradient `Ax − b`, Hessian `A`. When A is positive definite the unique minimum is `x* = A⁻¹b` with
 * value `−½ bᵀx*`; otherwise `minima` is empty and `minimumValue` is −∞ (or, for a singular PSD `A`,
 * reported as unbounded too: the course only descends on definite ones). Start: `(1, …, 1)`.
 *
 * @throws RangeError when `A` is not symmetric or `b` has the wrong length.
 * @example
 * const q = quadratic([[3, 0], [0, 1]], [3, 1]);
 * q.minima; // [[1, 1]]
 * q.gradient([0, 0]); // [-3, -1]
 */
export function quadratic(A: Matrix, b: Vector): TestFunction {
  const n = assertSymmetric(A, "quadratic");
  if (b.length !== n) throw new RangeError(`quadratic: A is ${n}×${n} but b has length ${b.length}`);
  const Ac = A.map((row) => row.slice());
  const bc = b.slice();
  const definite = isPositiveDefinite(Ac);
  const xStar = definite ? solve(Ac, bc) : undefined;
  return {
    name: "quadratic",
    dimension: n,
    f: (x) => {
      assertDimension("quadratic", x, n);
      return 0.5 * dot(x, matvec(Ac, x)) - dot(bc, x);
    },
    gradient: (x) => {
      assertDimension("quadratic", x, n);
      return matvec(Ac, x).map((v, i) => v - (bc[i] as number));
    },
    hessian: (x) => {
      assertDimension("quadratic", x, n);
      return Ac.map((row) => row.slice());
    },
    minima: xStar ? [xStar] : [],
    minimumValue: xStar ? -0.5 * dot(bc, xStar) : Number.NEGATIVE_INFINITY,
    start: new Array<number>(n).fill(1),
  };
}
