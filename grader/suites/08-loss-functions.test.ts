import type { Vector } from "@calcml/math";
import * as lesson from "@lesson/08-loss-functions";
import { it } from "vitest";
import {
  awayFromKinks,
  CheckError,
  callLearner,
  describeCall,
  expectClose,
  expectGradient,
  expectRangeError,
  expectVectorClose,
  fail,
  frozen,
  probePoints,
  suiteRng,
  task,
} from "../src/checks/index.ts";

const {
  mse,
  mseGradient,
  mae,
  maeGradient,
  huber,
  huberGradient,
  sigmoid,
  binaryCrossEntropyWithLogits,
  binaryCrossEntropyWithLogitsGradient,
  logSumExp,
  softmaxCrossEntropy,
  softmaxCrossEntropyGradient,
} = lesson;

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

// ---- Oracles: written independently of any learner or reference code ----

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

/** One batch-gradient check: the suite's oracle loss, the learner's gradient, and an oracle gradient. */
interface BatchGradientCheck {
  name: string;
  called: string;
  loss: (p: Vector) => number;
  gradient: (p: Vector) => number[];
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
  try {
    expectGradient(c.loss, { name: c.name, derivative: c.gradient, at: c.at, called: c.called });
  } catch (error) {
    if (!(error instanceof CheckError)) throw error;
    const got: unknown = c.gradient(c.at);
    if (!Array.isArray(got)) throw error;
    const want = c.oracle(c.at);
    const n = c.at.length;
    const ratios = got.map((g, i) => g / want[i]!).filter((r) => Number.isFinite(r));
    const all = (k: number) => ratios.length > 0 && ratios.every((r) => near(r, k));
    const why =
      n > 1 && all(n)
        ? `the gradient is ${n}× too large: it is the gradient of the sum; the loss is the mean over n = ${n}, so divide by n`
        : n > 1 && all(1 / n)
          ? `the gradient is 1/${n} of the right one: divide by n once, not twice`
          : c.diagnose?.(got, want);
    if (why !== undefined) fail(`${error.message}\nWhy:      ${why}`);
    throw error;
  }
}

/** A random batch: predictions, targets, and n between 2 and 8. */
function randomBatch(salt: string): { n: number; pred: number[]; target: number[] } {
  const rng = suiteRng(salt);
  const n = 2 + rng.int(7);
  return { n, pred: rng.normalVector(n, 2), target: rng.normalVector(n, 2) };
}

const rejectsBadBatches = (name: string, fn: (p: Vector, t: Vector) => unknown): void => {
  expectRangeError(name, fn, [frozen([1, 2, 3]), frozen([1, 2])], "predictions and targets differ in length");
  expectRangeError(name, fn, [frozen([]), frozen([])], "an empty batch has no mean");
};

task("mse", () => {
  it("averages the squared residuals of a small batch", () => {
    const [p, t] = [frozen([1, 2, 3]), frozen([1, 0, 0])];
    expectClose(callLearner("mse", mse, p, t), 13 / 3, {
      called: describeCall("mse", [p, t]),
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
      const want = mean(residuals(pred, target).map((r) => r * r));
      expectClose(callLearner("mse", mse, frozen(pred), frozen(target)), want, {
        called: describeCall("mse", [pred, target]),
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
      const target = frozen(rng.normalVector(5, 1));
      expectBatchGradient({
        name: "mseGradient",
        called: describeCall("mseGradient", [at, target]),
        loss: (p) => mean(residuals(p, target).map((r) => r * r)),
        gradient: (p) => callLearner("mseGradient", mseGradient, frozen(p), target),
        oracle: (p) => residuals(p, target).map((r) => (2 * r) / p.length),
        at,
      });
    }
  });

  it("rejects batches of different lengths and empty batches", () => {
    rejectsBadBatches("mse", mse);
    rejectsBadBatches("mseGradient", mseGradient);
  });
});

task("mae", () => {
  it("averages the absolute residuals of a small batch", () => {
    const [p, t] = [frozen([1, 2, 3]), frozen([1, 0, 0])];
    expectClose(callLearner("mae", mae, p, t), 5 / 3, {
      called: describeCall("mae", [p, t]),
      oracle: "(0 + 2 + 3) / 3",
      why: batchWhy(3),
    });
  });

  it("matches the mean of absolute residuals on random batches", () => {
    for (const salt of ["mae random 1", "mae random 2", "mae random 3"]) {
      const { n, pred, target } = randomBatch(salt);
      expectClose(
        callLearner("mae", mae, frozen(pred), frozen(target)),
        mean(residuals(pred, target).map(Math.abs)),
        {
          called: describeCall("mae", [pred, target]),
          oracle: "(1/n) Σ |pred − target|",
          rtol: VALUE_RTOL,
          atol: VALUE_ATOL,
          why: batchWhy(n),
        },
      );
    }
  });

  it("has the gradient of the mean away from ties, checked by finite differences", () => {
    const rng = suiteRng("mae gradient");
    for (const r of probePoints(rng, 5)) {
      const target = frozen(rng.normalVector(5, 1));
      const at = awayFromKinks(r).map((ri, i) => ri + target[i]!);
      expectBatchGradient({
        name: "maeGradient",
        called: describeCall("maeGradient", [at, target]),
        loss: (p) => mean(residuals(p, target).map(Math.abs)),
        gradient: (p) => callLearner("maeGradient", maeGradient, frozen(p), target),
        oracle: (p) => residuals(p, target).map((ri) => Math.sign(ri) / p.length),
        at,
      });
    }
  });

  it("uses the subgradient 0 where a prediction equals its target", () => {
    const [p, t] = [frozen([2, -1, 0.5, 3]), frozen([2, 1, 0.5, 0])];
    expectVectorClose(callLearner("maeGradient", maeGradient, p, t), [0, -0.25, 0, 0.25], {
      called: describeCall("maeGradient", [p, t]),
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
    rejectsBadBatches("mae", mae);
    rejectsBadBatches("maeGradient", maeGradient);
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
    const [p, t] = [frozen([0.5, 3]), frozen([0, 0])];
    expectClose(callLearner("huber", huber, p, t), 1.3125, {
      called: describeCall("huber", [p, t]),
      oracle: "(½·0.5² + 1·(3 − ½)) / 2 = (0.125 + 2.5) / 2",
      why: batchWhy(2),
    });
  });

  it("scales the linear branch by delta", () => {
    const [p, t, d] = [frozen([1, 4, -6]), frozen([0, 0, 0]), 2.5];
    const unscaled = (dd: number) => mean([1, 4, -6].map((r) => huberUnscaled(r, dd)));
    expectClose(callLearner("huber", huber, p, t, d), 77 / 12, {
      called: describeCall("huber", [p, t, d]),
      oracle: "(½·1² + 2.5·(4 − 1.25) + 2.5·(6 − 1.25)) / 3",
      why: unscaledWhy(unscaled, d),
    });
  });

  it("matches the Huber formula on random batches and deltas", () => {
    for (const salt of ["huber random 1", "huber random 2", "huber random 3"]) {
      const { n, pred, target } = randomBatch(salt);
      const d = 0.3 + 2 * suiteRng(`${salt} delta`).uniform();
      const r = residuals(pred, target);
      expectClose(
        callLearner("huber", huber, frozen(pred), frozen(target), d),
        mean(r.map((ri) => huberTerm(ri, d))),
        {
          called: describeCall("huber", [pred, target, d]),
          oracle: "(1/n) Σ (½r² if |r| ≤ δ, else δ·(|r| − δ/2))",
          rtol: VALUE_RTOL,
          atol: VALUE_ATOL,
          why: (got, want) =>
            unscaledWhy((dd) => mean(r.map((ri) => huberUnscaled(ri, dd))), d)(got, want) ??
            batchWhy(n)(got, want),
        },
      );
    }
  });

  it("has the gradient of the mean, checked by finite differences", () => {
    const rng = suiteRng("huber gradient");
    for (const d of [1, 0.7, 2.5]) {
      for (const at of probePoints(rng, 6)) {
        const target = frozen(rng.normalVector(6, 1));
        const unscaled = (p: Vector) =>
          residuals(p, target).map((r) => (Math.abs(r) <= d ? r : Math.sign(r)) / p.length);
        expectBatchGradient({
          name: "huberGradient",
          called: describeCall("huberGradient", d === 1 ? [at, target] : [at, target, d]),
          loss: (p) => mean(residuals(p, target).map((r) => huberTerm(r, d))),
          gradient: (p) =>
            d === 1
              ? callLearner("huberGradient", huberGradient, frozen(p), target)
              : callLearner("huberGradient", huberGradient, frozen(p), target, d),
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

  it("rejects bad batches and a delta that is not positive", () => {
    rejectsBadBatches("huber", huber);
    rejectsBadBatches("huberGradient", huberGradient);
    expectRangeError("huber", huber, [frozen([1]), frozen([0]), 0], "delta must be positive");
    expectRangeError(
      "huberGradient",
      huberGradient,
      [frozen([1]), frozen([0]), -1],
      "delta must be positive",
    );
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
      expectClose(callLearner("sigmoid", sigmoid, z), 1 / (1 + Math.exp(-z)), {
        called: describeCall("sigmoid", [z]),
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
      expectClose(callLearner("sigmoid", sigmoid, z), want, {
        called: describeCall("sigmoid", [z]),
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
      const sum = callLearner("sigmoid", sigmoid, z) + callLearner("sigmoid", sigmoid, -z);
      expectClose(sum, 1, {
        called: `${describeCall("sigmoid", [z])} + ${describeCall("sigmoid", [-z])}`,
        oracle: "σ(z) + σ(−z) = 1",
        rtol: 1e-15,
        atol: 2e-16,
      });
    }
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
    const [z, y] = [frozen([0, 0]), frozen([1, 0])];
    expectClose(callLearner("binaryCrossEntropyWithLogits", binaryCrossEntropyWithLogits, z, y), Math.LN2, {
      called: describeCall("binaryCrossEntropyWithLogits", [z, y]),
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
      expectClose(
        callLearner("binaryCrossEntropyWithLogits", binaryCrossEntropyWithLogits, frozen(z), frozen(y)),
        want,
        {
          called: describeCall("binaryCrossEntropyWithLogits", [z, y]),
          oracle: "(1/n) Σ −[y·log σ(z) + (1 − y)·log(1 − σ(z))]",
          rtol: 1e-10,
          atol: VALUE_ATOL,
          why: batchWhy(n),
        },
      );
    }
  });

  it("stays finite and correct at logits of ±1000", () => {
    const [z, y] = [frozen([HUGE_LOGIT, -HUGE_LOGIT, HUGE_LOGIT, -HUGE_LOGIT]), frozen([1, 0, 0, 1])];
    expectClose(callLearner("binaryCrossEntropyWithLogits", binaryCrossEntropyWithLogits, z, y), 500, {
      called: describeCall("binaryCrossEntropyWithLogits", [z, y]),
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
      const y = frozen(labelsOf(`bce gradient labels ${points.indexOf(at)}`, at.length));
      expectBatchGradient({
        name: "binaryCrossEntropyWithLogitsGradient",
        called: describeCall("binaryCrossEntropyWithLogitsGradient", [at, y]),
        loss: (z) => bce(z, y),
        gradient: (z) =>
          callLearner(
            "binaryCrossEntropyWithLogitsGradient",
            binaryCrossEntropyWithLogitsGradient,
            frozen(z),
            y,
          ),
        oracle: (z) => bceGrad(z, y),
        at,
      });
    }
  });

  it("rejects batches of different lengths and empty batches", () => {
    rejectsBadBatches("binaryCrossEntropyWithLogits", binaryCrossEntropyWithLogits);
    rejectsBadBatches("binaryCrossEntropyWithLogitsGradient", binaryCrossEntropyWithLogitsGradient);
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
      const want = Math.log(z.reduce((s, zi) => s + Math.exp(zi), 0));
      expectClose(callLearner("logSumExp", logSumExp, frozen(z)), want, {
        called: describeCall("logSumExp", [z]),
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
      expectClose(callLearner("logSumExp", logSumExp, frozen(z)), want, {
        called: describeCall("logSumExp", [z]),
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
      const shifted = z.map((zi) => zi + c);
      expectClose(callLearner("logSumExp", logSumExp, frozen(shifted)), lse(z) + c, {
        called: describeCall("logSumExp", [shifted]),
        oracle: `log Σ e^z ${c < 0 ? "−" : "+"} ${Math.abs(c)}`,
        rtol: STABLE_RTOL,
        why: lseWhy,
      });
    }
  });

  it("rejects an empty vector", () => {
    expectRangeError("logSumExp", logSumExp, [frozen([])], "the log of an empty sum is undefined");
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
      expectClose(
        callLearner("softmaxCrossEntropy", softmaxCrossEntropy, frozen(z), label),
        Math.log(z.length),
        {
          called: describeCall("softmaxCrossEntropy", [z, label]),
          oracle: `−log(1/${z.length})`,
        },
      );
    }
  });

  it("matches −log softmax(z)[label] on random logits", () => {
    const rng = suiteRng("ce random");
    for (let k = 0; k < 4; k++) {
      const z = rng.normalVector(2 + rng.int(6), 3);
      const label = rng.int(z.length);
      const want = -Math.log(Math.exp(z[label]!) / z.reduce((s, zi) => s + Math.exp(zi), 0));
      expectClose(callLearner("softmaxCrossEntropy", softmaxCrossEntropy, frozen(z), label), want, {
        called: describeCall("softmaxCrossEntropy", [z, label]),
        oracle: "−log(e^z[label] / Σ e^z), computed naively (safe at these sizes)",
        rtol: 1e-10,
        atol: VALUE_ATOL,
        why: (got, w) =>
          near(got, -w) ? "the sign is flipped: the loss is −log of a probability, so it is ≥ 0" : undefined,
      });
    }
  });

  it("stays finite and correct at logits of ±1000", () => {
    const z = frozen([HUGE_LOGIT, 0, -HUGE_LOGIT]);
    for (const [label, want] of [
      [0, 0],
      [1, 1000],
      [2, 2000],
    ] as const) {
      expectClose(callLearner("softmaxCrossEntropy", softmaxCrossEntropy, z, label), want, {
        called: describeCall("softmaxCrossEntropy", [z, label]),
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
      expectGradient((z) => lse(z) - z[label]!, {
        name: "softmaxCrossEntropyGradient",
        derivative: (z) =>
          callLearner("softmaxCrossEntropyGradient", softmaxCrossEntropyGradient, frozen(z), label),
        at,
        called: describeCall("softmaxCrossEntropyGradient", [at, label]),
      });
      // The gradient's entries sum to 0 (softmax sums to 1): a quick invariant with an exact oracle.
      const g = callLearner("softmaxCrossEntropyGradient", softmaxCrossEntropyGradient, frozen(at), label);
      expectVectorClose(g, ceGrad(at, label), {
        called: describeCall("softmaxCrossEntropyGradient", [at, label]),
        oracle: "softmax(z) − onehot(label)",
        rtol: 1e-9,
        atol: 1e-15,
      });
    }
  });

  it("rejects empty logits and a label that is not a class index", () => {
    for (const [name, fn] of [
      ["softmaxCrossEntropy", softmaxCrossEntropy],
      ["softmaxCrossEntropyGradient", softmaxCrossEntropyGradient],
    ] as const) {
      expectRangeError(name, fn, [frozen([]), 0], "no classes");
      expectRangeError(name, fn, [frozen([1, 2, 3]), 3], "label 3 is out of range for 3 classes");
      expectRangeError(name, fn, [frozen([1, 2, 3]), -1], "a negative label");
      expectRangeError(name, fn, [frozen([1, 2, 3]), 1.5], "a label that is not an integer");
    }
  });
});
