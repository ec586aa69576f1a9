/**
 * Lesson 01: the derivative as a limit.
 *
 * Fill in each function, then run `pnpm grade 01`. Stuck on task 3? `pnpm hint 01 3`.
 * Conventions: `h` is the step itself (you move from `x` to `x + h`); coefficient arrays list the
 * constant term first (`coeffs[i]` multiplies `xⁱ`); never change an array you are given.
 */
import type { ScalarFn, Vector } from "@calcml/math";

/**
 * Task 1. Forward difference: `f'(x) ≈ (f(x + h) − f(x)) / h`. Its error shrinks like `h`.
 *
 * @param h the step, default `1e-6` (near the best step for this scheme, √ε ≈ 1.5e-8, yet safe).
 * @example forwardDifference((x) => x * x, 3, 0.1) // (9.61 − 9) / 0.1 = 6.1 (exact slope 6)
 */
export function forwardDifference(f: ScalarFn, x: number, h = 1e-6): number {
  // TODO: step forward by h and divide the rise by the run h.
  throw new Error("TODO: implement forwardDifference");
}

/**
 * Task 2. Central difference: `f'(x) ≈ (f(x + h) − f(x − h)) / 2h`. One step on each side of `x`;
 * its error shrinks like `h²`.
 *
 * @param h the step, default `1e-5` (near the best step for this scheme, ε^(1/3) ≈ 6e-6).
 * @example centralDifference((x) => x * x, 3, 0.1) // (9.61 − 8.41) / 0.2 = 6 (exact for parabolas)
 */
export function centralDifference(f: ScalarFn, x: number, h = 1e-5): number {
  // TODO: evaluate f one step on each side of x; the two points are 2h apart.
  throw new Error("TODO: implement centralDifference");
}

/**
 * Task 3. Value of the polynomial `coeffs[0] + coeffs[1]·x + … + coeffs[n−1]·xⁿ⁻¹` by Horner's rule:
 * start from the highest coefficient, then repeatedly multiply by `x` and add the next one down.
 * An empty array is the zero polynomial (value 0).
 *
 * @example polyEval([7, -4, 2, 3], 2) // 3·8 + 2·4 − 4·2 + 7 = ((3·2 + 2)·2 − 4)·2 + 7 = 31
 */
export function polyEval(coeffs: Vector, x: number): number {
  // TODO: walk the coefficients from the highest power down: value = value·x + coeffs[i].
  throw new Error("TODO: implement polyEval");
}

/**
 * Task 4. Coefficients of the derivative, by the power rule `d/dx (c·xⁱ) = i·c·xⁱ⁻¹`: entry `i − 1`
 * of the result is `i · coeffs[i]`, so the result has one entry fewer than `coeffs`. The derivative
 * of a constant is the zero polynomial, written `[0]` (never `[]`). Returns a fresh array.
 *
 * @example polyDerivative([7, -4, 2, 3]) // 3x³ + 2x² − 4x + 7 ↦ 9x² + 4x − 4, i.e. [-4, 4, 9]
 * @example polyDerivative([5]) // [0]
 */
export function polyDerivative(coeffs: Vector): number[] {
  // TODO: multiply each coefficient by its power and shift it down one place; a constant gives [0].
  throw new Error("TODO: implement polyDerivative");
}

/**
 * Task 5. The tangent line to `f` at `x0`, written `y = slope·x + intercept`: it touches the graph
 * at `(x0, f(x0))` with slope `f'(x0) = df(x0)`, so `intercept = f(x0) − slope·x0` (the height of
 * the line at `x = 0`).
 *
 * @param df the exact derivative of `f`.
 * @example tangentLine((x) => x * x, (x) => 2 * x, 3) // { slope: 6, intercept: 9 − 6·3 = −9 }
 */
export function tangentLine(f: ScalarFn, df: ScalarFn, x0: number): { slope: number; intercept: number } {
  // TODO: the slope is df(x0); choose the intercept so that the line passes through (x0, f(x0)).
  throw new Error("TODO: implement tangentLine");
}

/**
 * Task 6. How the error of both schemes depends on the step: for each `h = steps[k]`,
 * `forward[k] = |forwardDifference(f, x, h) − df(x)|` and `central[k] = |centralDifference(f, x, h) − df(x)|`
 * (absolute errors, never negative). Plotted against `h` on log-log axes each makes a V: the error
 * falls as `h` shrinks, until rounding error (about `ε·|f(x)|/h`, ε ≈ 2.2e-16) takes over and it rises.
 *
 * @param df the exact derivative of `f`.
 * @example stepSizeErrors((x) => x * x, (x) => 2 * x, 3, [0.1]) // { forward: [≈0.1], central: [≈0] }
 */
export function stepSizeErrors(
  f: ScalarFn,
  df: ScalarFn,
  x: number,
  steps: Vector,
): { forward: number[]; central: number[] } {
  // TODO: for each step, compare both of your difference quotients with df(x) and keep |error|.
  throw new Error("TODO: implement stepSizeErrors");
}
