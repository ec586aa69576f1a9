import { createRng } from "@calcml/math";
import * as lesson from "@lesson/15-integration";
import { it } from "vitest";
import {
  callLearner,
  check,
  describeCall,
  expectClose,
  expectRangeError,
  expectVectorClose,
  formatNumber,
  frozen,
  labelled,
  suiteRng,
  task,
} from "../src/checks/index.ts";

const { trapezoid, simpson, monteCarloIntegral, expectation, rocAuc, cumulativeIntegral } = lesson;

const exp = labelled("x ↦ eˣ", (x: number) => Math.exp(x));

/** Error of a rule on ∫₀¹ eˣ = e − 1 with n subintervals. */
function errorOn(rule: typeof trapezoid, name: string, n: number): number {
  return Math.abs(callLearner(name, rule, exp, 0, 1, n) - (Math.E - 1));
}

/** The observed order check: E(n)/E(2n) must be about 2^order (ratios 4 and 16 for orders 2 and 4). */
function expectConvergenceOrder(
  rule: typeof trapezoid,
  name: string,
  ns: readonly number[],
  order: number,
  weights: string,
): void {
  const expected = 2 ** order;
  for (let i = 0; i + 1 < ns.length; i++) {
    const [n, m] = [ns[i]!, ns[i + 1]!];
    const ratio = errorOn(rule, name, n) / errorOn(rule, name, m);
    check(ratio > 0.85 * expected && ratio < 1.15 * expected, {
      called: `${describeCall(name, [exp, 0, 1, n])} and the same with n = ${m}`,
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
    const line = labelled("x ↦ 3x − 1", (x: number) => 3 * x - 1);
    for (const [a, b, n] of [
      [-1, 2, 1],
      [-1, 2, 5],
      [0.5, 4, 7],
    ] as const) {
      const exact = 1.5 * (b * b - a * a) - (b - a);
      expectClose(callLearner("trapezoid", trapezoid, line, a, b, n), exact, {
        called: describeCall("trapezoid", [line, a, b, n]),
        oracle: "the exact area (3/2)(b² − a²) − (b − a); the trapezoid rule is exact for lines",
        rtol: 1e-12,
        atol: 1e-12,
      });
    }
  });

  it("gives 0.375 for x² on [0, 1] with two subintervals", () => {
    const square = labelled("x ↦ x²", (x: number) => x * x);
    expectClose(callLearner("trapezoid", trapezoid, square, 0, 1, 2), 0.375, {
      called: describeCall("trapezoid", [square, 0, 1, 2]),
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
      trapezoid,
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
      const f = labelled(`x ↦ sin(${formatNumber(c)}x)`, (x: number) => Math.sin(c * x));
      const exact = (Math.cos(c * a) - Math.cos(c * b)) / c;
      const n = 200;
      // |error| ≤ (b − a)·h²·max|f″|/12 with |f″| ≤ c².
      const bound = ((b - a) ** 3 * c * c) / (12 * n * n);
      expectClose(callLearner("trapezoid", trapezoid, f, a, b, n), exact, {
        called: describeCall("trapezoid", [f, a, b, n]),
        oracle: "the antiderivative −cos(cx)/c",
        rtol: 0,
        atol: 1.01 * bound + 1e-13,
      });
    }
  });

  it("refuses n that is not a whole number of at least 1", () => {
    expectRangeError("trapezoid", trapezoid, [exp, 0, 1, 0], "n must be at least 1");
    expectRangeError("trapezoid", trapezoid, [exp, 0, 1, 2.5], "n must be a whole number");
  });
});

task("simpson", () => {
  it("is exact for cubics", () => {
    const rng = suiteRng("simpson cubics");
    for (let k = 0; k < 4; k++) {
      const [c0, c1, c2, c3] = rng.normalVector(4, 2) as [number, number, number, number];
      const cubic = labelled(`a random cubic`, (x: number) => c0 + x * (c1 + x * (c2 + x * c3)));
      const F = (x: number) => x * (c0 + x * (c1 / 2 + x * (c2 / 3 + (x * c3) / 4)));
      const a = rng.normal(0, 1);
      const b = a + 0.5 + rng.uniform() * 2;
      for (const n of [2, 6]) {
        expectClose(callLearner("simpson", simpson, cubic, a, b, n), F(b) - F(a), {
          called: describeCall("simpson", [cubic, a, b, n]),
          oracle: "the exact integral from the antiderivative; Simpson's rule is exact for cubics",
          rtol: 1e-10,
          atol: 1e-10,
        });
      }
    }
  });

  it("has an error that falls about 16 times when the step is halved", () => {
    expectConvergenceOrder(
      simpson,
      "simpson",
      [4, 8, 16],
      4,
      "the pattern is h/3 · (1, 4, 2, 4, …, 2, 4, 1)",
    );
  });

  it("refuses an odd n", () => {
    expectRangeError("simpson", simpson, [exp, 0, 1, 3], "n must be even");
    expectRangeError("simpson", simpson, [exp, 0, 1, 0], "n must be at least 2");
  });
});

task("monte-carlo", () => {
  // f(x, y) = 1 + x + 2y on [0, 1] × [0, 2]: integral 7, and Var f = 1/12 + 4·(4/12) = 17/12.
  const plane = labelled("(x, y) ↦ 1 + x + 2y", (p: readonly number[]) => 1 + p[0]! + 2 * p[1]!);
  const lower = frozen([0, 0]);
  const upper = frozen([1, 2]);
  const exact = 7;
  const trueStandardError = (samples: number) => (2 * Math.sqrt(17 / 12)) / Math.sqrt(samples);
  const estimate = (samples: number, seed: number) =>
    callLearner("monteCarloIntegral", monteCarloIntegral, plane, lower, upper, samples, createRng(seed));

  it("lands within four standard errors of the exact integral, and reports a sensible standard error", () => {
    const samples = 4000;
    const { estimate: value, standardError } = estimate(samples, 11);
    const called = describeCall("monteCarloIntegral", [plane, lower, upper, samples, "createRng(11)"]);
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

  it("draws from the generator it is given: the same seed gives the same estimate", () => {
    const first = estimate(200, 3);
    const second = estimate(200, 3);
    check(first.estimate === second.estimate, {
      called: "monteCarloIntegral twice with createRng(3)",
      got: `${formatNumber(first.estimate)} then ${formatNumber(second.estimate)}`,
      expected: "the same estimate: use rng.uniform(), never Math.random()",
    });
  });

  it("refuses bounds of different lengths and fewer than two samples", () => {
    expectRangeError(
      "monteCarloIntegral",
      monteCarloIntegral,
      [plane, [0], [1, 2], 10, createRng(1)],
      "bounds differ in length",
    );
    expectRangeError(
      "monteCarloIntegral",
      monteCarloIntegral,
      [plane, lower, upper, 1, createRng(1)],
      "samples < 2",
    );
  });
});

task("expectation", () => {
  it("gives the mean and the variance of a uniform variable", () => {
    const rng = suiteRng("expectation uniform");
    const a = rng.normal(0, 2);
    const b = a + 1 + 3 * rng.uniform();
    const pdf = labelled(`x ↦ 1/(b − a)`, () => 1 / (b - a));
    const identity = labelled("x ↦ x", (x: number) => x);
    const mean = (a + b) / 2;
    const squaredDeviation = labelled("x ↦ (x − μ)²", (x: number) => (x - mean) ** 2);
    expectClose(callLearner("expectation", expectation, pdf, identity, a, b), mean, {
      called: describeCall("expectation", [pdf, identity, a, b]),
      oracle: "(a + b)/2",
      rtol: 1e-8,
      atol: 1e-10,
    });
    expectClose(
      callLearner("expectation", expectation, pdf, squaredDeviation, a, b, 2000),
      (b - a) ** 2 / 12,
      {
        called: describeCall("expectation", [pdf, squaredDeviation, a, b, 2000]),
        oracle: "the variance (b − a)²/12",
        rtol: 1e-5,
      },
    );
  });

  it("gives E[X²] = 1 for a standard normal density", () => {
    const normal = labelled(
      "the N(0, 1) density",
      (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI),
    );
    const square = labelled("x ↦ x²", (x: number) => x * x);
    expectClose(callLearner("expectation", expectation, normal, square, -10, 10), 1, {
      called: describeCall("expectation", [normal, square, -10, 10]),
      oracle: "the variance of a standard normal variable",
      rtol: 1e-5,
      why: (got) =>
        Math.abs(got - 2000 / 3) < 1 ? "multiply g(x) by the density pdf(x) before integrating" : undefined,
    });
  });

  it("weights g by the density: the mean of an exponential variable is 1/λ", () => {
    const rng = suiteRng("expectation exponential");
    const rate = 0.5 + 1.5 * rng.uniform();
    const pdf = labelled(
      `x ↦ λe^(−λx), λ = ${formatNumber(rate)}`,
      (x: number) => rate * Math.exp(-rate * x),
    );
    const identity = labelled("x ↦ x", (x: number) => x);
    const b = 30 / rate;
    expectClose(callLearner("expectation", expectation, pdf, identity, 0, b), 1 / rate, {
      called: describeCall("expectation", [pdf, identity, 0, b]),
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
    const labels = frozen([1, 1, 0, 0]);
    for (const [scores, auc] of [
      [[4, 3, 2, 1], 1],
      [[1, 2, 3, 4], 0],
      [[5, 5, 5, 5], 0.5],
    ] as const) {
      expectClose(callLearner("rocAuc", rocAuc, frozen(scores), labels), auc, {
        called: describeCall("rocAuc", [scores, labels]),
        oracle: "the share of (positive, negative) pairs ranked right, ties counting ½",
        rtol: 1e-12,
        atol: 1e-12,
      });
    }
  });

  it("gives 0.75 for the worked example", () => {
    const scores = frozen([0.9, 0.8, 0.3, 0.1]);
    const labels = frozen([1, 0, 1, 0]);
    expectClose(callLearner("rocAuc", rocAuc, scores, labels), 0.75, {
      called: describeCall("rocAuc", [scores, labels]),
      oracle: "3 of the 4 (positive, negative) pairs are ordered right",
      rtol: 1e-12,
    });
  });

  it("agrees with a brute-force count of ordered pairs on random data with ties", () => {
    const rng = suiteRng("auc random");
    for (let trial = 0; trial < 6; trial++) {
      const n = 20 + rng.int(40);
      const labels = Array.from({ length: n }, (_, i) => (i < 2 ? i : rng.uniform() < 0.4 ? 1 : 0));
      // Positives score higher on average; one decimal place makes ties common.
      const scores = labels.map((y) => Math.round((rng.normal(y, 1) + 5) * 10) / 10);
      const expected = pairCount(scores, labels);
      expectClose(callLearner("rocAuc", rocAuc, frozen(scores), frozen(labels)), expected, {
        called: describeCall("rocAuc", [scores, labels]),
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

  it("refuses mismatched lengths, labels other than 0 and 1, and a single class", () => {
    expectRangeError("rocAuc", rocAuc, [[0.1, 0.2], [1]], "lengths differ");
    expectRangeError(
      "rocAuc",
      rocAuc,
      [
        [0.1, 0.2],
        [1, 2],
      ],
      "labels must be 0 or 1",
    );
    expectRangeError(
      "rocAuc",
      rocAuc,
      [
        [0.1, 0.2],
        [1, 1],
      ],
      "needs both classes",
    );
  });
});

task("cumulative-integral", () => {
  it("accumulates cos into sin", () => {
    const xs = frozen([0, 0.5, 1, 2, 3]);
    const cos = labelled("cos", Math.cos);
    expectVectorClose(callLearner("cumulativeIntegral", cumulativeIntegral, cos, 0, xs), xs.map(Math.sin), {
      called: describeCall("cumulativeIntegral", [cos, 0, xs]),
      oracle: "sin x, the integral of cos from 0 (trapezoid error ≤ x³/(12·200²) < 6e-5)",
      rtol: 0,
      atol: 2e-4,
    });
  });

  it("integrates from a, to the left of a as well as to the right", () => {
    const twice = labelled("t ↦ 2t", (t: number) => 2 * t);
    const xs = frozen([1, 3, -2, 0.5]);
    expectVectorClose(
      callLearner("cumulativeIntegral", cumulativeIntegral, twice, 1, xs),
      xs.map((x) => x * x - 1),
      {
        called: describeCall("cumulativeIntegral", [twice, 1, xs]),
        oracle: "x² − 1, the integral of 2t from 1 to x (exact for a line)",
        rtol: 1e-10,
        atol: 1e-10,
        why: (got, want) => (Math.abs(got - want - 1) < 1e-6 ? "integrate from a, not from 0" : undefined),
      },
    );
  });

  it("gives f back when its result is differentiated (the fundamental theorem)", () => {
    const bell = labelled("t ↦ e^(−t²)", (t: number) => Math.exp(-t * t));
    const rng = suiteRng("fundamental theorem");
    const a = -1 - rng.uniform();
    const h = 1e-3;
    for (const x of [-0.5, 0, 0.7, 1.3]) {
      const [left, right] = callLearner(
        "cumulativeIntegral",
        cumulativeIntegral,
        bell,
        a,
        frozen([x - h, x + h]),
      );
      const slope = ((right as number) - (left as number)) / (2 * h);
      expectClose(slope, bell(x), {
        called: `${describeCall("cumulativeIntegral", [bell, a, [x - h, x + h]])}, then (F(x + h) − F(x − h))/2h`,
        oracle: `f(${formatNumber(x)}), since F′ = f`,
        rtol: 1e-3,
        atol: 1e-4,
      });
    }
  });
});
