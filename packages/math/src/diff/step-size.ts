/**
 * The finite-difference step actually used at `x`: `h · max(1, |x|)`, rounded so that `x + step` and
 * `x − step` are exactly `step` away from `x` in floating point (`step = (x + s) − x`). Without that
 * rounding the divisor would differ from the true perturbation by up to one ulp of `x`, an error of
 * order ε|x|/h in the derivative (SciPy and numdifftools do the same).
 *
 * @param h relative step; default 1e-5 (the central-difference default, docs/numerics.md).
 * @example
 * stepSize(0); // 1e-5
 * stepSize(1000); // ≈ 0.01, exactly representable as (1000 + 0.01) − 1000
 */
export function stepSize(x: number, h = 1e-5): number {
  const s = h * Math.max(1, Math.abs(x));
  return x + s - x;
}
