/**
 * Lesson 15: accumulation, expectations and AUC.
 *
 * Fill in each function, then run `pnpm grade 15`. Stuck on task 5? `pnpm hint 15 5`.
 * Conventions: `n` counts subintervals (so there are n + 1 grid points); invalid input throws a
 * `RangeError` whose message starts with the function's name; never change an array you are given.
 */
import type { Rng, ScalarField, ScalarFn, Vector } from "@calcml/math";

/**
 * Task 1. The composite trapezoid rule with `n` equal subintervals of width `h = (b − a)/n`:
 * `∫ₐᵇ f ≈ h·(f(x₀)/2 + f(x₁) + … + f(xₙ₋₁) + f(xₙ)/2)`, where `xᵢ = a + i·h`. Its error shrinks like `h²`.
 *
 * @throws RangeError when `n` is not a whole number ≥ 1.
 * @example trapezoid((x) => x * x, 0, 1, 2) // h = 0.5: 0.5·(0/2 + 0.25 + 1/2) = 0.375 (exact 1/3)
 */
export function trapezoid(f: ScalarFn, a: number, b: number, n: number): number {
  // BEGIN SOLUTION: check n, then add the inner points once and the two ends half each, times h.
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`trapezoid: n must be a whole number ≥ 1 (got ${n})`);
  const h = (b - a) / n;
  let sum = (f(a) + f(b)) / 2;
  for (let i = 1; i < n; i++) sum += f(a + i * h);
  return sum * h;
  // END SOLUTION
}

/**
 * Task 2. Composite Simpson's rule with an even number `n` of subintervals, `h = (b − a)/n`:
 * `∫ₐᵇ f ≈ (h/3)·(f(x₀) + 4f(x₁) + 2f(x₂) + 4f(x₃) + … + 4f(xₙ₋₁) + f(xₙ))`. It fits a parabola through
 * each pair of subintervals; its error shrinks like `h⁴`.
 *
 * @throws RangeError when `n` is not an even whole number ≥ 2.
 * @example simpson((x) => x ** 3, 0, 2, 2) // (1/3)·(0 + 4·1 + 8) = 4, exact for cubics
 */
export function simpson(f: ScalarFn, a: number, b: number, n: number): number {
  // BEGIN SOLUTION: check n is even, then weight the ends 1, odd points 4 and inner even points 2, times h/3.
  if (!Number.isInteger(n) || n < 2 || n % 2 !== 0) {
    throw new RangeError(`simpson: n must be an even whole number ≥ 2 (got ${n})`);
  }
  const h = (b - a) / n;
  let sum = f(a) + f(b);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
  // END SOLUTION
}

/**
 * Task 3. Monte Carlo integration over the box `[lower₁, upper₁] × … × [lowerₖ, upperₖ]`: draw `samples`
 * points uniformly in the box (each coordinate `lowerᵢ + (upperᵢ − lowerᵢ)·rng.uniform()`), and return
 * `estimate = V·mean(f)` with `V` the box's volume, and its standard error `V·s/√N`, where `s` is the
 * sample standard deviation of the values of f (divide by N − 1; compute it in two passes or by Welford's
 * update, never as `(Σv² − N·v̄²)/(N − 1)`, which cancels). The error shrinks like `1/√N`.
 *
 * `V = Π(upperᵢ − lowerᵢ)` keeps its sign: a reversed bound gives the oriented integral and a negative
 * standardError (its size is |V|·s/√N).
 *
 * @throws RangeError when the bounds differ in length or are empty, or `samples < 2`.
 * @example monteCarloIntegral(([x]) => x, [0], [2], 1000, createRng(1)) // estimate ≈ 1.973, standardError ≈ 0.036
 */
export function monteCarloIntegral(
  f: ScalarField,
  lower: Vector,
  upper: Vector,
  samples: number,
  rng: Rng,
): { estimate: number; standardError: number } {
  // BEGIN SOLUTION: check the input, sample f at uniform points, then scale the mean and its standard error by the volume.
  if (lower.length !== upper.length || lower.length === 0) {
    throw new RangeError(
      `monteCarloIntegral: lower and upper must be non-empty and the same length (${lower.length} vs ${upper.length})`,
    );
  }
  if (!Number.isInteger(samples) || samples < 2)
    throw new RangeError(`monteCarloIntegral: samples must be a whole number ≥ 2 (got ${samples})`);
  const widths = lower.map((low, i) => (upper[i] as number) - low);
  const volume = widths.reduce((product, w) => product * w, 1);
  const values: number[] = [];
  for (let k = 0; k < samples; k++)
    values.push(f(lower.map((low, i) => low + (widths[i] as number) * rng.uniform())));
  // Two passes: the mean first, then the squared deviations from it (the one-pass Σv² − N·v̄² cancels).
  const mean = values.reduce((sum, v) => sum + v, 0) / samples;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (samples - 1);
  return { estimate: volume * mean, standardError: (volume * Math.sqrt(variance)) / Math.sqrt(samples) };
  // END SOLUTION
}

/**
 * Task 4. The expectation of `g(X)` when X has density `pdf` on `[a, b]`: `E[g(X)] = ∫ₐᵇ g(x)·pdf(x) dx`,
 * computed with `n` subintervals (use your `trapezoid` or `simpson`). The density is not renormalised:
 * choose `[a, b]` to hold (almost) all of its mass.
 *
 * @param n subintervals, default `1000`.
 * @example expectation(() => 1, (x) => x, 0, 1) // the mean of a uniform variable on [0, 1]: 0.5
 */
export function expectation(pdf: ScalarFn, g: ScalarFn, a: number, b: number, n = 1000): number {
  // BEGIN SOLUTION: integrate the product g(x)·pdf(x) over [a, b].
  return simpson((x) => g(x) * pdf(x), a, b, n % 2 === 0 ? n : n + 1);
  // END SOLUTION
}

/**
 * Task 5. Area under the ROC curve. Sort by score, descending; walk down, and after each group of
 * equal scores add a point (false-positive rate, true-positive rate); the area under these points by the
 * trapezoid rule is the AUC. It equals the chance that a random positive scores above a random negative,
 * counting a tie as ½.
 *
 * @param labels 1 for a positive, 0 for a negative.
 * @throws RangeError when lengths differ, a label is not 0 or 1, or either class is missing.
 * @example rocAuc([0.9, 0.8, 0.3, 0.1], [1, 0, 1, 0]) // 3 of 4 (positive, negative) pairs ordered right: 0.75
 */
export function rocAuc(scores: Vector, labels: Vector): number {
  // BEGIN SOLUTION: check the input, sort by score, then add a trapezoid for every group of tied scores.
  if (scores.length !== labels.length)
    throw new RangeError(`rocAuc: scores and labels differ in length (${scores.length} vs ${labels.length})`);
  if (labels.some((y) => y !== 0 && y !== 1)) throw new RangeError("rocAuc: every label must be 0 or 1");
  const positives = labels.filter((y) => y === 1).length;
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0)
    throw new RangeError("rocAuc: needs at least one positive and one negative label");
  const order = scores.map((_, i) => i).sort((i, j) => (scores[j] as number) - (scores[i] as number));
  let area = 0;
  let truePositives = 0;
  let falsePositives = 0;
  for (let k = 0; k < order.length; ) {
    const score = scores[order[k] as number];
    const [tpBefore, fpBefore] = [truePositives, falsePositives];
    for (; k < order.length && scores[order[k] as number] === score; k++) {
      if (labels[order[k] as number] === 1) truePositives++;
      else falsePositives++;
    }
    area += ((falsePositives - fpBefore) * (truePositives + tpBefore)) / 2;
  }
  return area / (positives * negatives);
  // END SOLUTION
}

/**
 * Task 6. The running integral `F(x) = ∫ₐˣ f(t) dt` at each `x` of `xs`, each with `n` subintervals of
 * `[a, x]` (use your `trapezoid`). By the fundamental theorem of calculus, `F′ = f`: differentiate the
 * result numerically and you get f back. `x` may lie left of `a` (the integral is then negative).
 *
 * @param n subintervals per integral, default `200`.
 * @example cumulativeIntegral(Math.cos, 0, [0, Math.PI / 2]) // ≈ [0, 1] (= sin x)
 */
export function cumulativeIntegral(f: ScalarFn, a: number, xs: Vector, n = 200): number[] {
  // BEGIN SOLUTION: integrate from a to each x in turn.
  return xs.map((x) => (x === a ? 0 : trapezoid(f, a, x, n)));
  // END SOLUTION
}
