import type { ScalarField, Vector } from "../types.ts";
import { stepSize } from "./step-size.ts";

/**
 * Hessian of `f` at `x` by differences of `f` alone: the 3-point second difference on the diagonal,
 * `(f(x+hᵢ) − 2f(x) + f(x−hᵢ)) / hᵢ²`, and the 4-point formula off it,
 * `(f(x+hᵢ+hⱼ) − f(x+hᵢ−hⱼ) − f(x−hᵢ+hⱼ) + f(x−hᵢ−hⱼ)) / 4hᵢhⱼ`. The 4-point formula is symmetric
 * in i and j, so the result is exactly symmetric (the `(H + Hᵀ)/2` of a differenced Hessian is built in).
 * Costs 1 + 2n + 2n(n−1) evaluations.
 *
 * @param h relative step, default 1e-4 (second differences divide by h², so the step is larger than
 * for gradients to keep rounding error ε|f|/h² small).
 * @example
 * numericalHessian((p) => p[0]! ** 2 * p[1]!, [1, 2]); // ≈ [[4, 2], [2, 0]]
 */
export function numericalHessian(f: ScalarField, x: Vector, h = 1e-4): number[][] {
  const n = x.length;
  const steps = x.map((xi) => stepSize(xi, h));
  const at = (i: number, si: number, j: number, sj: number): number => {
    const p = x.slice();
    p[i] = (p[i] as number) + si;
    p[j] = (p[j] as number) + sj;
    return f(p);
  };
  const H: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const f0 = n > 0 ? f(x.slice()) : 0;
  for (let i = 0; i < n; i++) {
    const hi = steps[i] as number;
    const row = H[i] as number[];
    row[i] = (at(i, hi, i, 0) - 2 * f0 + at(i, -hi, i, 0)) / (hi * hi);
    for (let j = i + 1; j < n; j++) {
      const hj = steps[j] as number;
      const v =
        (at(i, hi, j, hj) - at(i, hi, j, -hj) - at(i, -hi, j, hj) + at(i, -hi, j, -hj)) / (4 * hi * hj);
      row[j] = v;
      (H[j] as number[])[i] = v;
    }
  }
  return H;
}
