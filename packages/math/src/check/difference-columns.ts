import { stepSize } from "../diff/step-size.ts";

/** The two evaluations behind one column, kept for the one-sided slopes of the kink check. */
export interface ColumnSides {
  s: number;
  fp: number[];
  fm: number[];
}

/**
 * Central differences of `F` along the given input coordinates: column j of the numeric Jacobian
 * from `F(x ± sⱼeⱼ)`, `sⱼ = stepSize(xⱼ, h)`, 2 evaluations per column. Returns the numeric Jacobian
 * flattened row-major (`numeric[i·n + j]`, NaN in columns not visited) and the raw evaluations.
 *
 * @example
 * differenceColumns((p) => [p[0]! * p[1]!], [2, 3], [0, 1], 1, 1e-5).numeric; // ≈ [3, 2]
 */
export function differenceColumns(
  F: (x: number[]) => number[],
  x: readonly number[],
  columns: readonly number[],
  m: number,
  h: number,
): { numeric: number[]; sides: Map<number, ColumnSides> } {
  const n = x.length;
  const numeric = new Array<number>(m * n).fill(Number.NaN);
  const sides = new Map<number, ColumnSides>();
  for (const j of columns) {
    const s = stepSize(x[j] as number, h);
    const plus = x.slice();
    plus[j] = (x[j] as number) + s;
    const minus = x.slice();
    minus[j] = (x[j] as number) - s;
    const fp = F(plus);
    const fm = F(minus);
    sides.set(j, { s, fp, fm });
    for (let i = 0; i < m; i++) numeric[i * n + j] = ((fp[i] as number) - (fm[i] as number)) / (2 * s);
  }
  return { numeric, sides };
}

/**
 * `(N + Nᵀ)/2` in place, for a square n×n numeric Hessian stored row-major (docs/numerics.md: a Hessian
 * by differences is symmetrised).
 *
 * @example
 * const N = [1, 2, 4, 1];
 * symmetrise(N, 2); // N is now [1, 3, 3, 1]
 */
export function symmetrise(numeric: number[], n: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const avg = ((numeric[i * n + j] as number) + (numeric[j * n + i] as number)) / 2;
      numeric[i * n + j] = avg;
      numeric[j * n + i] = avg;
    }
  }
}

/**
 * Whether flat index `k` of an n×n matrix is off the diagonal. After symmetrising, such an entry no
 * longer comes from one column's slopes, so the kink test does not apply to it.
 *
 * @example
 * isOffDiagonal(1, 2); // true: entry [0][1]
 */
export function isOffDiagonal(k: number, n: number): boolean {
  return Math.floor(k / n) !== k % n;
}
