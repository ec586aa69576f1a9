import type { Vector, VectorField } from "../types.ts";
import { stepSize } from "./step-size.ts";

/**
 * Jacobian of `F: ℝⁿ → ℝᵐ` at `x` by central differences: `J[i][j] = ∂Fᵢ/∂xⱼ` (rows are outputs,
 * columns inputs). Costs 2n evaluations of `F`, each giving a whole column.
 *
 * @param h relative step, default 1e-5; column j uses `stepSize(xⱼ, h)`.
 * @throws RangeError when `F` returns outputs of different lengths.
 * @example
 * numericalJacobian((p) => [p[0]! * p[1]!, p[0]!], [2, 3]); // ≈ [[3, 2], [1, 0]]
 */
export function numericalJacobian(F: VectorField, x: Vector, h = 1e-5): number[][] {
  const n = x.length;
  if (n === 0) return F(x.slice()).map(() => []);
  let J: number[][] = [];
  for (let j = 0; j < n; j++) {
    const xj = x[j] as number;
    const s = stepSize(xj, h);
    const plus = x.slice();
    plus[j] = xj + s;
    const minus = x.slice();
    minus[j] = xj - s;
    const fp = F(plus);
    const fm = F(minus);
    if (j === 0) J = fp.map(() => new Array<number>(n));
    if (fp.length !== J.length || fm.length !== J.length) {
      throw new RangeError(
        `numericalJacobian: F returned outputs of different lengths (${J.length}, ${fp.length}, ${fm.length})`,
      );
    }
    for (let i = 0; i < J.length; i++)
      (J[i] as number[])[j] = ((fp[i] as number) - (fm[i] as number)) / (2 * s);
  }
  return J;
}
