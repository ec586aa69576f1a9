import type { Vector } from "@calcml/math";
import * as lesson from "@lesson/08-loss-functions";
import { it } from "vitest";
import {
  awayFromKinks,
  type Call,
  check,
  describeValue,
  expectClose,
  expectForAll,
  expectGradient,
  expectVectorClose,
  explained,
  fc,
  finite,
  learnerCalls,
  probePoints,
  suiteRng,
  task,
} from "../src/checks/index.ts";

const learner = learnerCalls(lesson);

/** Loss values are sums of a few Float64 terms: any summation order agrees to this. */
const VALUE_RTOL = 1e-12;
const VALUE_ATOL = 1e-14;
/** σ and the stable losses must be correct to near machine precision, even where naive forms fail. */
const STABLE_RTOL = 1e-12;
/**
 * σ is compared with this absolute floor: a probability correct to ~1e-15 is all any use needs, and it
 * lets correct forms like ½(1 + tanh(z/2)) pass even where they round a tiny σ(z) to 0.
 */
const SIGMOID_ATOL = 1e-15;
/** Logits this large make a naive `log(σ(z))` or `Σ e^z` overflow or take log(0). */
const HUGE_LOGIT = 1000;
/** Ratios within this relative distance count as "the same factor" in a diagnosis. */
const SAME_FACTOR = 1e-6;

// Oracles, written independently of any learner or reference code.

const residuals = (p: Vector, t: Vector): number[] => p.map((pi, i) => pi - t[i]!);
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
/** log(1 + e^u) without overflow: for u > 0 it is u + log(1 + e^(−u)). */
const softplus = (u: number): number => (u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u)));
/** The Huber term of one residual, and the same with the linear branch not scaled by δ (a known bug). */
const huberTerm = (r: number, d: number): number =>
  Math.abs(r) <= d ? 0.5 * r * r : d * (Math.abs(r) - d / 2);
const huberUnscaled = (r: number, d: number): number =>
  Math.abs(r) <= d ? 0.5 * r * r : Math.abs(r) - d / 2;
/** log Σ e^z by shifting by the largest entry (the suite's own code; tests also use naive forms where safe). */
const lse = (z: Vector): number => {
  const m = Math.max(...z);
  return m + Math.log(z.reduce((s, zi) => s + Math.exp(zi - m), 0));
};

const near = (a: number, b: number): boolean =>
  Math.abs(a - b) <= SAME_FACTOR * Math.max(Math.abs(a), Math.abs(b));

/** Diagnoses a batch loss that sums instead of averaging, or that is not finite. */
function batchWhy(n: number): (got: number, want: number) => string | undefined {
  return (got, want) => {
    if (!Number.isFinite(got)) return "the loss is not finite: some intermediate overflowed or took log(0)";
    if (n > 1 && near(got, n * want))
      return `that is the sum over the ${n} examples; the loss is their mean (divide by n)`;
    return undefined;
  };
}

/** One batch-gradient check: the learner's gradient at `at`, the suite's oracle loss, and an oracle gradient. */
interface BatchGradientCheck {
  name: string;
  got: Call<number[]>;
  loss: (p: Vector) => number;
  oracle: (p: Vector) => number[];
  at: number[];
  /** A lesson-specific diagnosis from the learner's and the oracle's gradients. */
  diagnose?: (got: number[], want: number[]) => string | undefined;
}

/**
 * expectGradient (finite differences of the suite's oracle loss), plus a plain-words diagnosis when
 * the learner's gradient is n× or 1/n× the oracle's (the gradient of the sum, or divided twice).
 */
function expectBatchGradient(c: BatchGradientCheck): void {
  const { value: got, called } = c.got;
  explained(
    () => expectGradient(c.loss, { name: c.name, derivative: () => got, at: c.at, called }),
    () => {
      if (!Array.isArray(got)) return undefined;
      const want = c.oracle(c.at);
      const n = c.at.length;
      const ratios = got.map((g, i) => g / want[i]!).filter((r) => Number.isFinite(r));
      const all = (k: number) => ratios.length > 0 && ratios.every((r) => near(r, k));
      if (n > 1 && all(n))
        return `the gradient is ${n}× too large: it is the gradient of the sum; the loss is the mean over n = ${n}, so divide by n`;
      if (n > 1 && all(1 / n)) return `the gradient is 1/${n} of the right one: divide by n once, not twice`;
      return c.diagnose?.(got, want);
    },
  );
}

/** A random batch: predictions, targets, and n between 2 and 8. */
function randomBatch(salt: string): { n: number; pred: number[]; target: number[] } {
  const rng = suiteRng(salt);
  const n = 2 + rng.int(7);
  return { n, pred: rng.normalVector(n, 2), target: rng.normalVector(n, 2) };
}

const rejectsBadBatches = (...fns: { rangeError(problem: string, p: Vector, t: Vector): void }[]): void => {
  for (const fn of fns) {
    fn.rangeError("predictions and targets differ in length", [1, 2, 3], [1, 2]);
    fn.rangeError("an empty batch has no mean", [], []);
  }
};

task("mse", () => {
  it("averages the squared residuals of a small batch", () => {
    const { value, called } = learner.mse([1, 2, 3], [1, 0, 0]);
    expectClose(value, 13 / 3, {
      called,
      oracle: "(0² + 2² + 3²) / 3",
      why: (got, want) =>
        near(got, 3 * want)
          ? "that is the sum 13; mse is the mean, 13/3"
          : near(got, want / 2)
            ? "no ½ in mse"
            : undefined,
    });
  });

  it("matches the mean of squared residuals on random batches", () => {
    for (const salt of ["mse random 1", "mse random 2", "mse random 3"]) {
      const { n, pred, target } = randomBatch(salt);
      const { value, called } = learner.mse(pred, target);
      expectClose(value, mean(residuals(pred, target).map((r) => r * r)), {
        called,
        oracle: "(1/n) Σ (pred − target)²",
        rtol: VALUE_RTOL,
        atol: VALUE_ATOL,
        why: batchWhy(n),
      });
    }
  });

  it("has the gradient of the mean, checked by finite differences", () => {
    const rng = suiteRng("mse gradient");
    for (const at of probePoints(rng, 5)) {
      const target = rng.normalVector(5, 1);
      expectBatchGradient({
        name: "mseGradient",
        got: learner.mseGradient(at, target),
        loss: (p) => mean(residuals(p, target).map((r) => r * r)),
        oracle: (p) => residuals(p, target).map((r) => (2 * r) / p.length),
        at,
      });
    }
  });

  it("has the gradient of the mean at any small batch (property, finite differences)", () => {
    const pairs = fc.array(fc.tuple(finite(-10, 10), finite(-10, 10)), { minLength: 1, maxLength: 5 });
    expectForAll(
      "mse gradient property",
      [pairs],
      (batch) => {
        const [at, target] = [batch.map(([p]) => p), batch.map(([, t]) => t)];
        expectBatchGradient({
          name: "mseGradient",
          got: learner.mseGradient(at, target),
          loss: (p) => mean(residuals(p, target).map((r) => r * r)),
          oracle: (p) => residuals(p, target).map((r) => (2 * r) / p.length),
          at,
        });
      },
      { numRuns: 30 },
    );
  });

  it("rejects batches of different lengths and empty batches", () => {
    rejectsBadBatches(learner.mse, learner.mseGradient);
  });
});

task("mae", () => {
  it("averages the absolute residuals of a small batch", () => {
    const { value, called } = learner.mae([1, 2, 3], [1, 0, 0]);
    expectClose(value, 5 / 3, {
      called,
      oracle: "(0 + 2 + 3) / 3",
      why: batchWhy(3),
    });
  });

  it("matches the mean of absolute residuals on random batches", () => {
    for (const salt of ["mae random 1", "mae random 2", "mae random 3"]) {
      const { n, pred, target } = randomBatch(salt);
      const { value, called } = learner.mae(pred, target);
      expectClose(value, mean(residuals(pred, target).map(Math.abs)), {
        called,
        oracle: "(1/n) Σ |pred − target|",
        rtol: VALUE_RTOL,
        atol: VALUE_ATOL,
        why: batchWhy(n),
      });
    }
  });

  it("has the gradient of the mean away from ties, checked by finite differences", () => {
    const rng = suiteRng("mae gradient");
    for (const r of probePoints(rng, 5)) {
      const target = rng.normalVector(5, 1);
      const at = awayFromKinks(r).map((ri, i) => ri + target[i]!);
      expectBatchGradient({
        name: "maeGradient",
        got: learner.maeGradient(at, target),
        loss: (p) => mean(residuals(p, target).map(Math.abs)),
        oracle: (p) => residuals(p, target).map((ri) => Math.sign(ri) / p.length),
        at,
      });
    }
  });

  it("uses the subgradient 0 where a prediction equals its target", () => {
    const { value, called } = learner.maeGradient([2, -1, 0.5, 3], [2, 1, 0.5, 0]);
    expectVectorClose(value, [0, -0.25, 0, 0.25], {
      called,
      oracle: "sign(pred − target)/n, with 0 at a tie (the minimum-norm subgradient)",
      rtol: 0,
      atol: VALUE_ATOL,
      why: (got, want) =>
        want === 0 && Math.abs(got) === 0.25
          ? "at a tie |r| has a kink: this course uses the subgradient 0 there (Math.sign(0) is 0)"
          : undefined,
    });
  });

  it("rejects batches of different lengths and empty batches", () => {
    rejectsBadBatches(learner.mae, learner.maeGradient);
  });
});

task("huber", () => {
  const unscaledWhy =
    (terms: (d: number) => number, d: number) =>
    (got: number, want: number): string | undefined =>
      near(got, terms(d)) && !near(want, terms(d))
        ? `that is |r| − δ/2 on the linear branch; it must be scaled by δ: δ·(|r| − δ/2) (here δ = ${d})`
        : undefined;

  it("is quadratic for small residuals and linear for large ones (default delta 1)", () => {
    const { value, called } = learner.huber([0.5, 3], [0, 0]);
    expectClose(value, 1.3125, {
      called,
      oracle: "(½·0.5² + 1·(3 − ½)) / 2 = (0.125 + 2.5) / 2",
      why: batchWhy(2),
    });
  });

  it("scales the linear branch by delta", () => {
    const d = 2.5;
    const unscaled = (dd: number) => mean([1, 4, -6].map((r) => huberUnscaled(r, dd)));
    const { value, called } = learner.huber([1, 4, -6], [0, 0, 0], d);
    expectClose(value, 77 / 12, {
      called,
      oracle: "(½·1² + 2.5·(4 − 1.25) + 2.5·(6 − 1.25)) / 3",
      why: unscaledWhy(unscaled, d),
    });
  });

  it("matches the Huber formula on random batches and deltas", () => {
    for (const salt of ["huber random 1", "huber random 2", "huber random 3"]) {
      const { n, pred, target } = randomBatch(salt);
      const d = 0.3 + 2 * suiteRng(`${salt} delta`).uniform();
      const r = residuals(pred, target);
      const { value, called } = learner.huber(pred, target, d);
      expectClose(value, mean(r.map((ri) => huberTerm(ri, d))), {
        called,
        oracle: "(1/n) Σ (½r² if |r| ≤ δ, else δ·(|r| − δ/2))",
        rtol: VALUE_RTOL,
        atol: VALUE_ATOL,
        why: (got, want) =>
          unscaledWhy((dd) => mean(r.map((ri) => huberUnscaled(ri, dd))), d)(got, want) ??
          batchWhy(n)(got, want),
      });
    }
  });

  it("has the gradient of the mean, checked by finite differences", () => {
    const rng = suiteRng("huber gradient");
    for (const d of [1, 0.7, 2.5]) {
      for (const at of probePoints(rng, 6)) {
        const target = rng.normalVector(6, 1);
        const unscaled = (p: Vector) =>
          residuals(p, target).map((r) => (Math.abs(r) <= d ? r : Math.sign(r)) / p.length);
        expectBatchGradient({
          name: "huberGradient",
          got: d === 1 ? learner.huberGradient(at, target) : learner.huberGradient(at, target, d),
          loss: (p) => mean(residuals(p, target).map((r) => huberTerm(r, d))),
          oracle: (p) => residuals(p, target).map((r) => Math.max(-d, Math.min(d, r)) / p.length),
          at,
          diagnose: (got) =>
            unscaled(at).every((u, i) => near(u, got[i]!))
              ? `on the linear branch (|r| > δ) the slope is δ·sign(r)/n, scaled by δ, not sign(r)/n (here δ = ${d})`
              : undefined,
        });
      }
    }
  });

  it("has the gradient clip(r, −δ, δ)/n for any small batch and delta (property)", () => {
    const pairs = fc.array(fc.tuple(finite(-6, 6), finite(-6, 6)), { minLength: 1, maxLength: 5 });
    expectForAll(
      "huber gradient property",
      [pairs, finite(0.1, 3)],
      (batch, d) => {
        const [pred, target] = [batch.map(([p]) => p), batch.map(([, t]) => t)];
        const { value, called } = learner.huberGradient(pred, target, d);
        expectVectorClose(
          value,
          residuals(pred, target).map((r) => Math.max(-d, Math.min(d, r)) / pred.length),
          {
            called,
            oracle: "the residual clipped to [−δ, δ], over n",
            rtol: VALUE_RTOL,
            atol: VALUE_ATOL,
            why: (got, want) =>
              Math.abs(want) === d / pred.length && Math.abs(got) === 1 / pred.length
                ? `on the linear branch (|r| > δ) the slope is δ·sign(r)/n, scaled by δ (here δ = ${d})`
                : undefined,
          },
        );
      },
      { numRuns: 40 },
    );
  });

  it("rejects bad batches and a delta that is not positive", () => {
    rejectsBadBatches(learner.huber, learner.huberGradient);
    for (const fn of [learner.huber, learner.huberGradient]) {
      fn.rangeError("delta must be positive (0 is not)", [1], [0], 0);
      fn.rangeError("delta must be positive", [1], [0], -1);
    }
  });
});

task("sigmoid", () => {
  const sigmoidWhy = (got: number): string | undefined =>
    Number.isNaN(got) || !Number.isFinite(got)
      ? "not finite: e^z overflows to ∞ for large z (∞/∞ is NaN); exponentiate only non-positive numbers, e^(−|z|)"
      : undefined;

  it("matches 1 / (1 + e^(−z)) at moderate z", () => {
    const rng = suiteRng("sigmoid moderate");
    for (const z of [0, 1, -1, ...rng.normalVector(8, 5)]) {
      const { value, called } = learner.sigmoid(z);
      expectClose(value, 1 / (1 + Math.exp(-z)), {
        called,
        oracle: "1 / (1 + e^(−z))",
        rtol: STABLE_RTOL,
        atol: SIGMOID_ATOL,
        why: sigmoidWhy,
      });
    }
  });

  it("stays finite and correct for |z| up to 1e4", () => {
    for (const z of [HUGE_LOGIT, 1e4, 745, 40, -40, -700, -HUGE_LOGIT, -1e4]) {
      // The suite's own 1/(1 + e^(−z)) is accurate while e^(−z) is finite (z > −709); below, σ(z) < 1e-300.
      const want = z > -709 ? 1 / (1 + Math.exp(-z)) : 0;
      const { value, called } = learner.sigmoid(z);
      expectClose(value, want, {
        called,
        oracle: z > -709 ? "1 / (1 + e^(−z)), finite at this z" : "0 (σ(z) < 1e-300)",
        rtol: STABLE_RTOL,
        atol: SIGMOID_ATOL,
        why: sigmoidWhy,
      });
    }
  });

  it("is symmetric: sigmoid(−z) = 1 − sigmoid(z)", () => {
    const rng = suiteRng("sigmoid symmetry");
    for (const z of rng.normalVector(10, 8)) {
      const [plus, minus] = [learner.sigmoid(z), learner.sigmoid(-z)];
      expectClose(plus.value + minus.value, 1, {
        called: `${plus.called} + ${minus.called}`,
        oracle: "σ(z) + σ(−z) = 1",
        rtol: 1e-15,
        atol: 2e-16,
      });
    }
  });

  it("stays in [0, 1] with sigmoid(−z) = 1 − sigmoid(z) for any |z| ≤ 1e4 (property)", () => {
    expectForAll(
      "sigmoid range property",
      [finite(-1e4, 1e4)],
      (z) => {
        const [plus, minus] = [learner.sigmoid(z), learner.sigmoid(-z)];
        check(typeof plus.value === "number" && plus.value >= 0 && plus.value <= 1, {
          called: plus.called,
          got: describeValue(plus.value),
          expected: "a probability in [0, 1]",
          why: sigmoidWhy(plus.value) ?? "σ(z) is a probability: it lies between 0 and 1",
        });
        expectClose(plus.value + minus.value, 1, {
          called: `${plus.called} + ${minus.called}`,
          oracle: "σ(z) + σ(−z) = 1",
          rtol: 1e-15,
          atol: 2e-16,
          why: sigmoidWhy,
        });
      },
      { numRuns: 40 },
    );
  });
});

task("binary-cross-entropy", () => {
  const bce = (z: Vector, y: Vector): number =>
    mean(z.map((zi, i) => y[i]! * softplus(-zi) + (1 - y[i]!) * softplus(zi)));
  const bceGrad = (z: Vector, y: Vector): number[] =>
    z.map((zi, i) => (1 / (1 + Math.exp(-zi)) - y[i]!) / z.length);
  const labelsOf = (salt: string, n: number): number[] => {
    const rng = suiteRng(salt);
    return Array.from({ length: n }, () => (rng.uniform() < 0.5 ? 0 : 1));
  };

  it("gives log 2 for a logit of 0, whatever the label", () => {
    const { value, called } = learner.binaryCrossEntropyWithLogits([0, 0], [1, 0]);
    expectClose(value, Math.LN2, {
      called,
      oracle: "−log σ(0) = −log ½ = log 2 for each example",
      why: batchWhy(2),
    });
  });

  it("matches −[y·log σ(z) + (1 − y)·log(1 − σ(z))] on random batches", () => {
    for (const salt of ["bce random 1", "bce random 2", "bce random 3"]) {
      const { n, pred: z } = randomBatch(salt);
      const y = labelsOf(`${salt} labels`, n);
      // At moderate logits the naive formula is accurate: it is the oracle here.
      const want = mean(
        z.map(
          (zi, i) =>
            -(y[i]! * Math.log(1 / (1 + Math.exp(-zi))) + (1 - y[i]!) * Math.log(1 / (1 + Math.exp(zi)))),
        ),
      );
      const { value, called } = learner.binaryCrossEntropyWithLogits(z, y);
      expectClose(value, want, {
        called,
        oracle: "(1/n) Σ −[y·log σ(z) + (1 − y)·log(1 − σ(z))]",
        rtol: 1e-10,
        atol: VALUE_ATOL,
        why: batchWhy(n),
      });
    }
  });

  it("stays finite and correct at logits of ±1000", () => {
    const z = [HUGE_LOGIT, -HUGE_LOGIT, HUGE_LOGIT, -HUGE_LOGIT];
    const { value, called } = learner.binaryCrossEntropyWithLogits(z, [1, 0, 0, 1]);
    expectClose(value, 500, {
      called,
      oracle: "(0 + 0 + 1000 + 1000) / 4: a confident right answer costs ≈ 0, a confident wrong one ≈ |z|",
      rtol: STABLE_RTOL,
      why: (got) =>
        Number.isFinite(got)
          ? undefined
          : "not finite: σ(−1000) underflows to 0 and log(0) = −∞ (0·∞ is NaN); use max(z, 0) − z·y + log(1 + e^(−|z|))",
    });
  });

  it("has the gradient (σ(z) − y)/n, checked by finite differences, also when saturated", () => {
    const rng = suiteRng("bce gradient");
    const points = [
      ...probePoints(rng, 6),
      rng.normalVector(6, 20),
      [HUGE_LOGIT, -HUGE_LOGIT, 30, -30, HUGE_LOGIT, -HUGE_LOGIT],
    ];
    for (const at of points) {
      const y = labelsOf(`bce gradient labels ${points.indexOf(at)}`, at.length);
      expectBatchGradient({
        name: "binaryCrossEntropyWithLogitsGradient",
        got: learner.binaryCrossEntropyWithLogitsGradient(at, y),
        loss: (z) => bce(z, y),
        oracle: (z) => bceGrad(z, y),
        at,
      });
    }
  });

  it("rejects batches of different lengths and empty batches", () => {
    rejectsBadBatches(learner.binaryCrossEntropyWithLogits, learner.binaryCrossEntropyWithLogitsGradient);
  });
});

task("log-sum-exp", () => {
  const lseWhy = (got: number): string | undefined =>
    Number.isFinite(got)
      ? undefined
      : "not finite: e^1000 overflows (and e^−1000 underflows to 0, log 0 = −∞); subtract the largest entry first";

  it("matches log Σ e^z on small inputs", () => {
    const rng = suiteRng("lse random");
    for (const z of [[0, 0], [1, 2, 3], rng.normalVector(5, 3), rng.normalVector(9, 10)]) {
      const { value, called } = learner.logSumExp(z);
      expectClose(value, Math.log(z.reduce((s, zi) => s + Math.exp(zi), 0)), {
        called,
        oracle: "log Σ e^z, computed naively (safe at these sizes)",
        rtol: VALUE_RTOL,
        atol: VALUE_ATOL,
        why: lseWhy,
      });
    }
  });

  it("stays finite and correct at entries of ±1000", () => {
    const cases: [number[], number, string][] = [
      [[HUGE_LOGIT, HUGE_LOGIT], HUGE_LOGIT + Math.LN2, "1000 + log 2"],
      [[-HUGE_LOGIT, -HUGE_LOGIT, -HUGE_LOGIT], -HUGE_LOGIT + Math.log(3), "−1000 + log 3"],
      [[HUGE_LOGIT, 0, -HUGE_LOGIT], HUGE_LOGIT, "1000 (the other terms are below e^−1000 of it)"],
    ];
    for (const [z, want, oracle] of cases) {
      const { value, called } = learner.logSumExp(z);
      expectClose(value, want, {
        called,
        oracle,
        rtol: STABLE_RTOL,
        why: lseWhy,
      });
    }
  });

  it("shifts with its input: logSumExp(z + c) = logSumExp(z) + c", () => {
    const rng = suiteRng("lse shift");
    const z = rng.normalVector(4, 2);
    for (const c of [500, -800, 2000]) {
      const { value, called } = learner.logSumExp(z.map((zi) => zi + c));
      expectClose(value, lse(z) + c, {
        called,
        oracle: `log Σ e^z ${c < 0 ? "−" : "+"} ${Math.abs(c)}`,
        rtol: STABLE_RTOL,
        why: lseWhy,
      });
    }
  });

  it("rejects an empty vector", () => {
    learner.logSumExp.rangeError("the log of an empty sum is undefined", []);
  });
});

task("softmax-cross-entropy", () => {
  const ceGrad = (z: Vector, label: number): number[] => {
    const l = lse(z);
    return z.map((zi, i) => Math.exp(zi - l) - (i === label ? 1 : 0));
  };

  it("gives log K for equal logits over K classes", () => {
    for (const [z, label] of [
      [[0, 0], 1],
      [[5, 5, 5, 5], 2],
    ] as const) {
      const { value, called } = learner.softmaxCrossEntropy(z, label);
      expectClose(value, Math.log(z.length), { called, oracle: `−log(1/${z.length})` });
    }
  });

  it("matches −log softmax(z)[label] on random logits", () => {
    const rng = suiteRng("ce random");
    for (let k = 0; k < 4; k++) {
      const z = rng.normalVector(2 + rng.int(6), 3);
      const label = rng.int(z.length);
      const want = -Math.log(Math.exp(z[label]!) / z.reduce((s, zi) => s + Math.exp(zi), 0));
      const { value, called } = learner.softmaxCrossEntropy(z, label);
      expectClose(value, want, {
        called,
        oracle: "−log(e^z[label] / Σ e^z), computed naively (safe at these sizes)",
        rtol: 1e-10,
        atol: VALUE_ATOL,
        why: (got, w) =>
          near(got, -w) ? "the sign is flipped: the loss is −log of a probability, so it is ≥ 0" : undefined,
      });
    }
  });

  it("stays finite and correct at logits of ±1000", () => {
    for (const [label, want] of [
      [0, 0],
      [1, 1000],
      [2, 2000],
    ] as const) {
      const { value, called } = learner.softmaxCrossEntropy([HUGE_LOGIT, 0, -HUGE_LOGIT], label);
      expectClose(value, want, {
        called,
        oracle: "logSumExp(z) − z[label], with logSumExp(z) = 1000 to double precision",
        rtol: STABLE_RTOL,
        atol: 1e-12,
        why: (got) =>
          Number.isFinite(got)
            ? undefined
            : "not finite: e^1000 overflows; compute logSumExp(z) − z[label] with the shift",
      });
    }
  });

  it("has the gradient softmax(z) − onehot, checked by finite differences", () => {
    const rng = suiteRng("ce gradient");
    const points = [...probePoints(rng, 5), [HUGE_LOGIT, 0, -HUGE_LOGIT, 3, -2]];
    for (const at of points) {
      const label = rng.int(at.length);
      const { value, called } = learner.softmaxCrossEntropyGradient(at, label);
      expectGradient((z) => lse(z) - z[label]!, {
        name: "softmaxCrossEntropyGradient",
        derivative: () => value,
        at,
        called,
      });
      // The gradient's entries sum to 0 (softmax sums to 1): a quick invariant with an exact oracle.
      expectVectorClose(value, ceGrad(at, label), {
        called,
        oracle: "softmax(z) − onehot(label)",
        rtol: 1e-9,
        atol: 1e-15,
      });
    }
  });

  it("is ≥ 0 with a gradient that sums to 0 for any logits up to ±1000 (property)", () => {
    const cases = fc
      .array(finite(-1000, 1000), { minLength: 1, maxLength: 6 })
      .chain((z) => fc.tuple(fc.constant(z), fc.integer({ min: 0, max: z.length - 1 })));
    expectForAll(
      "softmax cross-entropy property",
      [cases],
      ([z, label]) => {
        const loss = learner.softmaxCrossEntropy(z, label);
        check(typeof loss.value === "number" && loss.value >= 0, {
          called: loss.called,
          got: describeValue(loss.value),
          expected: "a number ≥ 0: −log of a probability",
          why: Number.isFinite(loss.value)
            ? "the loss is −log softmax(z)[label], never negative"
            : "not finite: compute logSumExp(z) − z[label] with the shift by the largest logit",
        });
        expectClose(loss.value, lse(z) - z[label]!, {
          called: loss.called,
          oracle: "logSumExp(z) − z[label], shifted by the largest entry in the suite",
          rtol: 1e-9,
          atol: 1e-9,
        });
        const { value, called } = learner.softmaxCrossEntropyGradient(z, label);
        check(Array.isArray(value) && value.length === z.length, {
          called,
          got: describeValue(value),
          expected: `${z.length} entries, one per logit`,
        });
        expectClose(
          value.reduce((a, b) => a + b, 0),
          0,
          {
            called: `the sum of the entries of ${called}`,
            oracle: "Σ softmax(z) − 1 = 0",
            rtol: 0,
            atol: 1e-12,
            why: "softmax(z) sums to 1, so softmax(z) − onehot(label) sums to 0",
          },
        );
      },
      { numRuns: 40 },
    );
  });

  it("rejects empty logits and a label that is not a class index", () => {
    for (const fn of [learner.softmaxCrossEntropy, learner.softmaxCrossEntropyGradient]) {
      fn.rangeError("no classes", [], 0);
      fn.rangeError("label 3 is out of range for 3 classes", [1, 2, 3], 3);
      fn.rangeError("a negative label", [1, 2, 3], -1);
      fn.rangeError("a label that is not an integer", [1, 2, 3], 1.5);
    }
  });
});
