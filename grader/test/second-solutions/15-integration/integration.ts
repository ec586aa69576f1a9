/**
 * Second solution of lesson 15, written from the README and the stub only: it must earn full marks.
 * Simpson's rule sums its odd and even points separately, the Monte Carlo variance comes from Welford's
 * running update, and the AUC from mid-ranks (the Mann–Whitney count), which equals the area under the
 * tie-aware ROC curve.
 */
import type { Rng, ScalarField, ScalarFn, Vector } from "@calcml/math";

export function trapezoid(f: ScalarFn, a: number, b: number, n: number): number {
  if (!(Number.isInteger(n) && n >= 1))
    throw new RangeError(`trapezoid: n must be a whole number ≥ 1 (got ${n})`);
  const h = (b - a) / n;
  let inner = 0;
  for (let i = 1; i < n; i++) inner += f(a + i * h);
  return h * ((f(a) + f(b)) / 2 + inner);
}

export function simpson(f: ScalarFn, a: number, b: number, n: number): number {
  if (!(Number.isInteger(n) && n >= 2 && n % 2 === 0))
    throw new RangeError(`simpson: n must be an even whole number ≥ 2 (got ${n})`);
  const h = (b - a) / n;
  let odd = 0;
  let even = 0;
  for (let i = 1; i < n; i += 2) odd += f(a + i * h);
  for (let i = 2; i < n; i += 2) even += f(a + i * h);
  return (h / 3) * (f(a) + f(b) + 4 * odd + 2 * even);
}

export function monteCarloIntegral(
  f: ScalarField,
  lower: Vector,
  upper: Vector,
  samples: number,
  rng: Rng,
): { estimate: number; standardError: number } {
  if (lower.length !== upper.length)
    throw new RangeError(
      `monteCarloIntegral: lower and upper differ in length (${lower.length} vs ${upper.length})`,
    );
  if (lower.length === 0) throw new RangeError("monteCarloIntegral: the box has no dimensions");
  if (!(Number.isInteger(samples) && samples >= 2))
    throw new RangeError(`monteCarloIntegral: samples must be at least 2 (got ${samples})`);
  const k = lower.length;
  let volume = 1;
  for (let i = 0; i < k; i++) volume *= (upper[i] as number) - (lower[i] as number);
  // Welford: running mean and sum of squared deviations, no cancellation.
  let mean = 0;
  let m2 = 0;
  for (let j = 1; j <= samples; j++) {
    const point: number[] = [];
    for (let i = 0; i < k; i++) {
      const lo = lower[i] as number;
      point.push(lo + ((upper[i] as number) - lo) * rng.uniform());
    }
    const y = f(point);
    const delta = y - mean;
    mean += delta / j;
    m2 += delta * (y - mean);
  }
  const s = Math.sqrt(m2 / (samples - 1));
  return { estimate: volume * mean, standardError: (volume * s) / Math.sqrt(samples) };
}

export function expectation(pdf: ScalarFn, g: ScalarFn, a: number, b: number, n = 1000): number {
  return trapezoid((x) => g(x) * pdf(x), a, b, n);
}

export function rocAuc(scores: Vector, labels: Vector): number {
  if (scores.length !== labels.length)
    throw new RangeError(`rocAuc: scores and labels differ in length (${scores.length} vs ${labels.length})`);
  let positives = 0;
  let negatives = 0;
  for (const label of labels) {
    if (label === 1) positives++;
    else if (label === 0) negatives++;
    else throw new RangeError(`rocAuc: every label must be 0 or 1 (got ${label})`);
  }
  if (positives === 0 || negatives === 0) throw new RangeError("rocAuc: both classes must be present");
  // Mid-ranks in ascending order of score: a tied group shares the mean of its ranks.
  const order = scores.map((_, i) => i).sort((i, j) => (scores[i] as number) - (scores[j] as number));
  let rankSumOfPositives = 0;
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1] as number] === scores[order[start] as number])
      end++;
    const midRank = (start + end) / 2 + 1;
    for (let r = start; r <= end; r++) if (labels[order[r] as number] === 1) rankSumOfPositives += midRank;
    start = end + 1;
  }
  const wins = rankSumOfPositives - (positives * (positives + 1)) / 2;
  return wins / (positives * negatives);
}

export function cumulativeIntegral(f: ScalarFn, a: number, xs: Vector, n = 200): number[] {
  const out: number[] = [];
  for (const x of xs) out.push(trapezoid(f, a, x, n));
  return out;
}
