import { createRng, type Rng } from "@calcml/math";
import * as lesson from "@lesson/15-integration";
import { it } from "vitest";
import {
  check,
  expectClose,
  expectForAll,
  expectVectorClose,
  fc,
  finite,
  formatNumber,
  labelled,
  learnerCalls,
  portable,
  portableRng,
  suiteRng,
  task,
} from "../src/checks/index.ts";

const learner = learnerCalls(lesson);

/** An integrand, labelled for messages, that runs inside the sandbox: rules call it hundreds of times, uncounted. */
const integrand = <F extends (...args: never[]) => number>(
  label: string,
  fn: F,
  env?: Record<string, unknown>,
) => labelled(label, portable(fn, env));

const exp = integrand("x ↦ eˣ", (x: number) => Math.exp(x));

/** Error of a rule on ∫₀¹ eˣ = e − 1 with n subintervals. */
function errorOn(name: "trapezoid" | "simpson", n: number): number {
  return Math.abs(learner[name](exp, 0, 1, n).value - (Math.E - 1));
}

/** The observed order check: E(n)/E(2n) must be about 2^order (ratios 4 and 16 for orders 2 and 4). */
function expectConvergenceOrder(
  name: "trapezoid" | "simpson",
  ns: readonly number[],
  order: number,
  weights: string,
): void {
  const expected = 2 ** order;
  for (let i = 0; i + 1 < ns.length; i++) {
    const [n, m] = [ns[i]!, ns[i + 1]!];
    const ratio = errorOn(name, n) / errorOn(name, m);
    check(ratio > 0.85 * expected && ratio < 1.15 * expected, {
      called: `${learner[name].called(exp, 0, 1, n)} and the same with n = ${m}`,
      got: `the error fell by a factor ${formatNumber(ratio)} when h was halved`,
      expected: `about ${expected} (between ${0.85 * expected} and ${1.15 * expected}): the error of this rule shrinks like h^${order}`,
      why:
        ratio > 3 && ratio < 5 && order === 4
          ? "that is second order, like the trapezoid rule: Simpson's weights are h/3 · (1, 4, 2, 4, …, 2, 4, 1)"
          : ratio < 2.5
            ? `an error that barely shrinks means a weight is off: ${weights}`
            : undefined,
    });
  }
}

task("trapezoid", () => {
  it("is exact for straight lines", () => {
    const line = integrand("x ↦ 3x − 1", (x: number) => 3 * x - 1);
    for (const [a, b, n] of [
      [-1, 2, 1],
      [-1, 2, 5],
      [0.5, 4, 7],
    ] as const) {
      const { value, called } = learner.trapezoid(line, a, b, n);
      expectClose(value, 1.5 * (b * b - a * a) - (b - a), {
        called,
        oracle: "the exact area (3/2)(b² − a²) − (b − a); the trapezoid rule is exact for lines",
        rtol: 1e-12,
        atol: 1e-12,
      });
    }
  });

  it("gives 0.375 for x² on [0, 1] with two subintervals", () => {
    const square = integrand("x ↦ x²", (x: number) => x * x);
    const { value, called } = learner.trapezoid(square, 0, 1, 2);
    expectClose(value, 0.375, {
      called,
      oracle: "h·(f(0)/2 + f(0.5) + f(1)/2) with h = 0.5",
      rtol: 1e-12,
      why: (got) =>
        Math.abs(got - 0.625) < 1e-9
          ? "the two end points count half each: h·(f(x₀)/2 + f(x₁) + … + f(xₙ)/2)"
          : Math.abs(got - 0.75) < 1e-9
            ? "with n = 2 subintervals the width is h = (b − a)/n = 0.5"
            : undefined,
    });
  });

  it("has an error that falls about 4 times when the step is halved", () => {
    expectConvergenceOrder(
      "trapezoid",
      [8, 16, 32],
      2,
      "the two end points count half, every inner point once",
    );
  });

  it("approximates random smooth integrals within its error bound", () => {
    const rng = suiteRng("trapezoid random");
    for (let k = 0; k < 5; k++) {
      const a = rng.uniform() * 2 - 1;
      const b = a + 0.5 + 2 * rng.uniform();
      const c = 0.5 + rng.uniform();
      const f = integrand(`x ↦ sin(${formatNumber(c)}x)`, (x: number) => Math.sin(c * x), { c });
      const n = 200;
      // |error| ≤ (b − a)·h²·max|f″|/12 with |f″| ≤ c².
      const bound = ((b - a) ** 3 * c * c) / (12 * n * n);
      const { value, called } = learner.trapezoid(f, a, b, n);
      expectClose(value, (Math.cos(c * a) - Math.cos(c * b)) / c, {
        called,
        oracle: "the antiderivative −cos(cx)/c",
        rtol: 0,
        atol: 1.01 * bound + 1e-13,
      });
    }
  });

  it("rejects n that is not a whole number of at least 1", () => {
    learner.trapezoid.rangeError("n must be at least 1", exp, 0, 1, 0);
    learner.trapezoid.rangeError("n must be a whole number", exp, 0, 1, 2.5);
  });
});

task("simpson", () => {
  it("is exact for cubics", () => {
    const rng = suiteRng("simpson cubics");
    for (let k = 0; k < 4; k++) {
      const [c0, c1, c2, c3] = rng.normalVector(4, 2) as [number, number, number, number];
      const cubic = integrand("a random cubic", (x: number) => c0 + x * (c1 + x * (c2 + x * c3)), {
        c0,
        c1,
        c2,
        c3,
      });
      const F = (x: number) => x * (c0 + x * (c1 / 2 + x * (c2 / 3 + (x * c3) / 4)));
      const a = rng.normal(0, 1);
      const b = a + 0.5 + rng.uniform() * 2;
      for (const n of [2, 6]) {
        const { value, called } = learner.simpson(cubic, a, b, n);
        expectClose(value, F(b) - F(a), {
          called,
          oracle: "the exact integral from the antiderivative; Simpson's rule is exact for cubics",
          rtol: 1e-10,
          atol: 1e-10,
        });
      }
    }
  });

  it("has an error that falls about 16 times when the step is halved", () => {
    expectConvergenceOrder("simpson", [4, 8, 16], 4, "the pattern is h/3 · (1, 4, 2, 4, …, 2, 4, 1)");
  });

  it("rejects an odd n and an n below 2", () => {
    learner.simpson.rangeError("n must be even", exp, 0, 1, 3);
    learner.simpson.rangeError("n must be at least 2", exp, 0, 1, 0);
  });
});

/** createRng(seed), re-created from its seed inside the sandbox (portableRng): draws cost no round trip. */
const seeded = (seed: number) => labelled(`createRng(${seed})`, portableRng(createRng(seed), seed));

/** The mean and sample standard deviation (two passes, N − 1) of g(u) over `samples` draws of `rng`. */
function replay(rng: Rng, samples: number, g: (u: number) => number): { mean: number; sd: number } {
  const values = Array.from({ length: samples }, () => g(rng.uniform()));
  const mean = values.reduce((sum, v) => sum + v, 0) / samples;
  const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (samples - 1));
  return { mean, sd };
}

task("monte-carlo", () => {
  // f(x, y) = 1 + x + 2y on [0, 1] × [0, 2]: integral 7, and Var f = 1/12 + 4·(4/12) = 17/12.
  const plane = integrand("(x, y) ↦ 1 + x + 2y", (p: readonly number[]) => 1 + p[0]! + 2 * p[1]!);
  const lower = [0, 0];
  const upper = [1, 2];
  const exact = 7;
  const trueStandardError = (samples: number) => (2 * Math.sqrt(17 / 12)) / Math.sqrt(samples);
  const run = (samples: number, seed: number) =>
    learner.monteCarloIntegral(plane, lower, upper, samples, seeded(seed));
  const estimate = (samples: number, seed: number) => run(samples, seed).value;

  it("lands within four standard errors of the exact integral, and reports a sensible standard error", () => {
    const samples = 4000;
    const { value: result, called } = run(samples, 11);
    const { estimate: value, standardError } = result;
    expectClose(standardError, trueStandardError(samples), {
      called,
      oracle: "V·σ/√N with σ² = 17/12 the variance of f over the box",
      // A sample standard deviation from N = 4000 values is within about 1/√(2N) ≈ 1.1 % of σ (and
      // dividing by N or N − 1 moves it 0.01 %): 5 % is about four of those spreads.
      rtol: 0.05,
      why: (got, want) =>
        Math.abs(got - want * Math.sqrt(samples)) < 0.2 * want * Math.sqrt(samples)
          ? "divide the standard deviation by √N"
          : Math.abs(got - (want * want * samples) / 2) < 0.2 * ((want * want * samples) / 2)
            ? "take the square root of the variance"
            : undefined,
    });
    check(Math.abs(value - exact) <= 4 * standardError, {
      called,
      got: `estimate ${formatNumber(value)}`,
      expected: `${exact} ± ${formatNumber(4 * standardError)} (four standard errors)`,
      why:
        Math.abs(value - exact / 2) < 0.5
          ? "multiply the mean of f by the volume of the box (here 2)"
          : undefined,
    });
  });

  it("shrinks its error like 1/√N: 16 times the samples, a quarter of the error", () => {
    const rms = (samples: number) => {
      let sum = 0;
      for (let seed = 1; seed <= 30; seed++) sum += (estimate(samples, seed).estimate - exact) ** 2;
      return Math.sqrt(sum / 30);
    };
    const ratio = rms(100) / rms(1600);
    check(ratio > 2.5 && ratio < 6.5, {
      called: "monteCarloIntegral with N = 100 and N = 1600 samples, 30 seeds each",
      got: `the root-mean-square error fell by a factor ${formatNumber(ratio)}`,
      expected: "about √16 = 4 (between 2.5 and 6.5 for 30 seeds)",
      why: "each estimate must average N fresh uniform points in the box",
    });
  });

  it("reports standard errors that match the errors it actually makes", () => {
    let sum = 0;
    for (let seed = 100; seed < 140; seed++) {
      const { estimate: value, standardError } = estimate(500, seed);
      sum += ((value - exact) / standardError) ** 2;
    }
    const meanSquare = sum / 40;
    check(meanSquare > 0.4 && meanSquare < 2.2, {
      called: "monteCarloIntegral with N = 500 samples, 40 seeds",
      got: `mean of ((estimate − 7)/standardError)² = ${formatNumber(meanSquare)}`,
      expected: "about 1 (between 0.4 and 2.2): the standard error is the typical size of the error",
      why: "standardError = V·s/√N, with s the sample standard deviation of the values of f",
    });
  });

  it("draws from the generator it is given: the same seed gives the same estimate, another seed another", () => {
    const seed = 1 + suiteRng("monte carlo seed").int(1000);
    const first = estimate(200, seed);
    const second = estimate(200, seed);
    const other = estimate(200, seed + 1);
    check(first.estimate === second.estimate && first.estimate !== other.estimate, {
      called: `monteCarloIntegral twice with createRng(${seed}), then with createRng(${seed + 1})`,
      got: `${formatNumber(first.estimate)}, ${formatNumber(second.estimate)}, then ${formatNumber(other.estimate)}`,
      expected: "the same estimate for the same seed and a different one for another seed",
      why:
        first.estimate !== second.estimate
          ? "draw every coordinate with rng.uniform() from the rng you are given, never Math.random()"
          : "the estimate ignores the rng it is given: draw from it, not from a generator of your own",
    });
  });

  it("reproduces the worked example: ∫₀² x dx from createRng(1) and N = 1000 is about 1.973 ± 0.036", () => {
    const line = integrand("x ↦ x", (p: readonly number[]) => p[0]!);
    const { value, called } = learner.monteCarloIntegral(line, [0], [2], 1000, seeded(1));
    // Oracle: the same 1000 draws replayed here, x = 0 + 2·u, then V·mean and V·s/√N (two passes).
    const { mean, sd } = replay(createRng(1), 1000, (u) => 2 * u);
    expectClose(value.estimate, 2 * mean, {
      called: `${called}.estimate`,
      oracle: "V·mean of the values at x = 2·rng.uniform(), replayed here (about 1.973)",
      rtol: 1e-10,
      why: (got) => (Math.abs(got - mean) < 1e-9 ? "multiply the mean by the volume V = 2" : undefined),
    });
    expectClose(value.standardError, (2 * sd) / Math.sqrt(1000), {
      called: `${called}.standardError`,
      oracle: "V·s/√N with s the sample standard deviation (divide by N − 1), about 0.036",
      rtol: 1e-8,
      why: (got) =>
        Math.abs(got - 2 * sd) < 1e-6 * sd
          ? "divide by √N"
          : Math.abs(got - (2 * sd * Math.sqrt(999 / 1000)) / Math.sqrt(1000)) < 1e-9
            ? "the sample standard deviation divides by N − 1, not N"
            : undefined,
    });
  });

  it("keeps its standard error accurate when the values are large next to their spread", () => {
    // f = 1e9 + x on [0, 1]: s ≈ 1/√12. The one-pass (Σv² − N·v̄²)/(N − 1) loses every digit here.
    const offset = integrand("x ↦ 1e9 + x", (p: readonly number[]) => 1e9 + p[0]!);
    const seed = 1 + suiteRng("monte carlo offset").int(1000);
    const { value, called } = learner.monteCarloIntegral(offset, [0], [1], 1000, seeded(seed));
    const { sd } = replay(createRng(seed), 1000, (u) => 1e9 + u);
    expectClose(value.standardError, sd / Math.sqrt(1000), {
      called: `${called}.standardError`,
      oracle: "V·s/√N, s from the replayed draws in two passes (about 0.0091)",
      rtol: 1e-4,
      why: "compute s in two passes (mean first, then Σ(v − v̄)²) or with Welford's update: (Σv² − N·v̄²) cancels catastrophically when the values are near 1e9",
    });
  });

  it("keeps the sign of V for a reversed bound: the oriented integral", () => {
    const line = integrand("x ↦ x", (p: readonly number[]) => p[0]!);
    const seed = 1 + suiteRng("monte carlo reversed").int(1000);
    const { value, called } = learner.monteCarloIntegral(line, [2], [0], 1000, seeded(seed));
    // x = 2 + (0 − 2)·u, V = −2: the estimate is about −2 (∫ from 2 to 0 of x dx).
    const { mean, sd } = replay(createRng(seed), 1000, (u) => 2 - 2 * u);
    expectClose(value.estimate, -2 * mean, {
      called: `${called}.estimate`,
      oracle: "V·mean with the signed volume V = 0 − 2 = −2 (about −2, as trapezoid(f, 2, 0, n) gives)",
      rtol: 1e-10,
      why: (got) =>
        Math.abs(got + 2 * mean) < 1e-9 * Math.abs(mean)
          ? "do not take |V|: keep the sign of Π(upperᵢ − lowerᵢ)"
          : undefined,
    });
    expectClose(Math.abs(value.standardError), (2 * sd) / Math.sqrt(1000), {
      called: `${called}, |standardError|`,
      oracle: "|V|·s/√N (only its size is graded)",
      rtol: 1e-8,
    });
  });

  it("accepts samples = 2, the fewest a standard error needs", () => {
    const line = integrand("x ↦ x", (p: readonly number[]) => p[0]!);
    const seed = 1 + suiteRng("monte carlo two samples").int(1000);
    const { value, called } = learner.monteCarloIntegral(line, [0], [2], 2, seeded(seed));
    // Oracle: the same two draws replayed here, x = 2·u, then V·mean and V·s/√2 with s dividing by N − 1 = 1.
    const { mean, sd } = replay(createRng(seed), 2, (u) => 2 * u);
    expectClose(value.estimate, 2 * mean, {
      called: `${called}.estimate`,
      oracle: "V·mean of the two values at x = 2·rng.uniform(), replayed here",
      rtol: 1e-10,
    });
    expectClose(value.standardError, (2 * sd) / Math.sqrt(2), {
      called: `${called}.standardError`,
      oracle: "V·s/√N with N = 2 and s dividing by N − 1 = 1",
      rtol: 1e-8,
    });
  });

  it("rejects bounds of different lengths or no dimensions, and fewer than two samples", () => {
    learner.monteCarloIntegral.rangeError("bounds differ in length", plane, [0], [1, 2], 10, createRng(1));
    learner.monteCarloIntegral.rangeError("samples < 2", plane, lower, upper, 1, createRng(1));
    learner.monteCarloIntegral.rangeError("an empty box", plane, [], [], 10, createRng(1));
  });
});

task("expectation", () => {
  it("gives the mean and the variance of a uniform variable", () => {
    const rng = suiteRng("expectation uniform");
    const a = rng.normal(0, 2);
    const b = a + 1 + 3 * rng.uniform();
    const pdf = integrand("x ↦ 1/(b − a)", () => 1 / (b - a), { a, b });
    const identity = integrand("x ↦ x", (x: number) => x);
    const mean = (a + b) / 2;
    const squaredDeviation = integrand("x ↦ (x − μ)²", (x: number) => (x - mean) ** 2, { mean });
    const first = learner.expectation(pdf, identity, a, b);
    expectClose(first.value, mean, { called: first.called, oracle: "(a + b)/2", rtol: 1e-8, atol: 1e-10 });
    const second = learner.expectation(pdf, squaredDeviation, a, b, 2000);
    expectClose(second.value, (b - a) ** 2 / 12, {
      called: second.called,
      oracle: "the variance (b − a)²/12",
      rtol: 1e-5,
    });
  });

  it("gives E[X²] = 1 for a standard normal density", () => {
    const normal = integrand(
      "the N(0, 1) density",
      (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI),
    );
    const square = integrand("x ↦ x²", (x: number) => x * x);
    const { value, called } = learner.expectation(normal, square, -10, 10);
    expectClose(value, 1, {
      called,
      oracle: "the variance of a standard normal variable",
      rtol: 1e-5,
      why: (got) =>
        Math.abs(got - 2000 / 3) < 1 ? "multiply g(x) by the density pdf(x) before integrating" : undefined,
    });
  });

  it("weights g by the density: the mean of an exponential variable is 1/λ", () => {
    const rate = 0.5 + 1.5 * suiteRng("expectation exponential").uniform();
    const pdf = integrand(
      `x ↦ λe^(−λx), λ = ${formatNumber(rate)}`,
      (x: number) => rate * Math.exp(-rate * x),
      { rate },
    );
    const identity = integrand("x ↦ x", (x: number) => x);
    const b = 30 / rate;
    const { value, called } = learner.expectation(pdf, identity, 0, b);
    expectClose(value, 1 / rate, {
      called,
      oracle: "1/λ (the mass beyond 30/λ is e⁻³⁰, negligible)",
      rtol: 1e-3,
      why: (got) =>
        Math.abs(got - (b * b) / 2) < 1e-3 * b * b
          ? "multiply g(x) by the density pdf(x) before integrating"
          : undefined,
    });
  });
});

/** The AUC by definition: the share of (positive, negative) pairs ordered right, ties counting ½. */
function pairCount(scores: readonly number[], labels: readonly number[], tieWeight = 0.5): number {
  let favourable = 0;
  let pairs = 0;
  scores.forEach((p, i) => {
    if (labels[i] !== 1) return;
    scores.forEach((q, j) => {
      if (labels[j] !== 0) return;
      pairs += 1;
      favourable += p > q ? 1 : p === q ? tieWeight : 0;
    });
  });
  return favourable / pairs;
}

task("roc-auc", () => {
  it("gives 1 for a perfect ranking, 0 for a reversed one and ½ when every score ties", () => {
    for (const [scores, auc] of [
      [[4, 3, 2, 1], 1],
      [[1, 2, 3, 4], 0],
      [[5, 5, 5, 5], 0.5],
    ] as const) {
      const { value, called } = learner.rocAuc(scores, [1, 1, 0, 0]);
      expectClose(value, auc, {
        called,
        oracle: "the share of (positive, negative) pairs ranked right, ties counting ½",
        rtol: 1e-12,
        atol: 1e-12,
      });
    }
  });

  it("gives 0.75 for the worked example", () => {
    const { value, called } = learner.rocAuc([0.9, 0.8, 0.3, 0.1], [1, 0, 1, 0]);
    expectClose(value, 0.75, {
      called,
      oracle: "3 of the 4 (positive, negative) pairs are ordered right",
      rtol: 1e-12,
    });
  });

  it("gives 0.875 for the worked example with a tie", () => {
    const { value, called } = learner.rocAuc([0.8, 0.5, 0.5, 0.2], [1, 1, 0, 0]);
    expectClose(value, 0.875, {
      called,
      oracle: "3.5 of the 4 (positive, negative) pairs: the tie (0.5, 0.5) counts ½",
      rtol: 1e-12,
      why: (got) =>
        Math.abs(got - 0.75) < 1e-12 || Math.abs(got - 1) < 1e-12
          ? "the tied group {0.5, 0.5} holds a positive and a negative: it moves the curve in one diagonal step, so the tie counts ½"
          : undefined,
    });
  });

  it("equals the pair count for any scores and labels, and ignores a monotone rescaling of the scores", () => {
    const labelled01 = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 1 })), {
        minLength: 2,
        maxLength: 12,
      })
      .filter((pairs) => pairs.some(([, y]) => y === 1) && pairs.some(([, y]) => y === 0));
    expectForAll(
      "auc pair count for all",
      [labelled01, finite(0.1, 10), finite(-5, 5)],
      (pairs, scale, shift) => {
        const labels = pairs.map(([, y]) => y);
        const scores = pairs.map(([score]) => score);
        const expected = pairCount(scores, labels);
        // An increasing map of the scores keeps every order and every tie: the AUC must not change.
        const rescaled = scores.map((x) => Math.exp((scale * x) / 10) + shift);
        for (const s of [scores, rescaled]) {
          const { value, called } = learner.rocAuc(s, labels);
          expectClose(value, expected, {
            called,
            oracle: "a brute-force count over all (positive, negative) pairs, a tie counting ½",
            rtol: 1e-12,
            atol: 1e-12,
            why: (got) =>
              Math.abs(got - pairCount(scores, labels, 1)) < 1e-12 ||
              Math.abs(got - pairCount(scores, labels, 0)) < 1e-12
                ? "tied scores must move the ROC curve in one diagonal step (a tie counts ½, not 0 or 1)"
                : undefined,
          });
        }
      },
      { numRuns: 40 },
    );
  });

  it("agrees with a brute-force count of ordered pairs on random data with ties", () => {
    const rng = suiteRng("auc random");
    for (let trial = 0; trial < 6; trial++) {
      const n = 20 + rng.int(40);
      const labels = Array.from({ length: n }, (_, i) => (i < 2 ? i : rng.uniform() < 0.4 ? 1 : 0));
      // Positives score higher on average; one decimal place makes ties common.
      const scores = labels.map((y) => Math.round((rng.normal(y, 1) + 5) * 10) / 10);
      const expected = pairCount(scores, labels);
      const { value, called } = learner.rocAuc(scores, labels);
      expectClose(value, expected, {
        called,
        oracle: "a brute-force count over all (positive, negative) pairs, a tie counting ½",
        rtol: 1e-12,
        atol: 1e-12,
        why: (got) =>
          Math.abs(got - pairCount(scores, labels, 1)) < 1e-12 ||
          Math.abs(got - pairCount(scores, labels, 0)) < 1e-12
            ? "tied scores must move the ROC curve in one diagonal step (a tie counts ½, not 0 or 1)"
            : Math.abs(got - (1 - expected)) < 1e-12
              ? "sort by score from highest to lowest: the highest scores are predicted positive first"
              : undefined,
      });
    }
  });

  it("rejects mismatched lengths, labels other than 0 and 1, and a single class", () => {
    learner.rocAuc.rangeError("lengths differ", [0.1, 0.2], [1]);
    learner.rocAuc.rangeError("lengths differ", [0.1, 0.2, 0.3], [1, 0]);
    learner.rocAuc.rangeError("labels must be 0 or 1", [0.1, 0.2], [1, 2]);
    learner.rocAuc.rangeError("needs both classes: no negative", [0.1, 0.2], [1, 1]);
    learner.rocAuc.rangeError("needs both classes: no positive", [0.1, 0.2], [0, 0]);
  });
});

task("cumulative-integral", () => {
  it("accumulates cos into sin", () => {
    const xs = [0, 0.5, 1, 2, 3];
    const cos = integrand("cos", (x: number) => Math.cos(x));
    const { value, called } = learner.cumulativeIntegral(cos, 0, xs);
    expectVectorClose(value, xs.map(Math.sin), {
      called,
      oracle: "sin x, the integral of cos from 0 (trapezoid error ≤ x³/(12·200²) < 6e-5)",
      rtol: 0,
      atol: 2e-4,
    });
  });

  it("integrates from a, to the left of a as well as to the right", () => {
    const xs = [1, 3, -2, 0.5];
    const twice = integrand("t ↦ 2t", (t: number) => 2 * t);
    const { value, called } = learner.cumulativeIntegral(twice, 1, xs);
    expectVectorClose(
      value,
      xs.map((x) => x * x - 1),
      {
        called,
        oracle: "x² − 1, the integral of 2t from 1 to x (exact for a line)",
        rtol: 1e-10,
        atol: 1e-10,
        why: (got, want) => (Math.abs(got - want - 1) < 1e-6 ? "integrate from a, not from 0" : undefined),
      },
    );
  });

  it("gives f back when its result is differentiated (the fundamental theorem)", () => {
    const bell = integrand("t ↦ e^(−t²)", (t: number) => Math.exp(-t * t));
    const a = -1 - suiteRng("fundamental theorem").uniform();
    const h = 1e-3;
    for (const x of [-0.5, 0, 0.7, 1.3]) {
      const { value, called } = learner.cumulativeIntegral(bell, a, [x - h, x + h]);
      const [left, right] = value as [number, number];
      expectClose((right - left) / (2 * h), bell(x), {
        called: `${called}, then (F(x + h) − F(x − h))/2h`,
        oracle: `f(${formatNumber(x)}), since F′ = f`,
        rtol: 1e-3,
        atol: 1e-4,
      });
    }
  });
});
