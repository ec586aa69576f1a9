import { blobs, type Matrix, type Rng, type Vector } from "@calcml/math";
import * as lesson from "@lesson/10-logistic-regression";
import { it } from "vitest";
import {
  check,
  describeValue,
  dot,
  expectClose,
  expectForAll,
  expectGradient,
  expectSeedControl,
  expectVectorClose,
  expectZeroModel,
  explained,
  fail,
  fc,
  finite,
  isClose,
  learnerCalls,
  probePoints,
  replayMiniBatchRun,
  suiteRng,
  task,
} from "../src/checks/index.ts";

const learner = learnerCalls(lesson);

/** Oracles here use other (equally stable) formulas and summation orders: 1e-9 relative. */
const VALUE_RTOL = 1e-9;
const VALUE_ATOL = 1e-12;
/** σ(−1000) underflows to 0 in Float64; anything below this counts as 0. */
const UNDERFLOW_ATOL = 1e-300;
/** Full-batch training against the suite's own gradient descent: rounding only. */
const TRAJECTORY_RTOL = 1e-8;
const TRAJECTORY_ATOL = 1e-10;
/** docs/lesson-contract.md: at least 95 % accuracy on a separable seeded set (the reference reaches ≥ 99 %). */
const MIN_ACCURACY = 0.95;
/** The two classes of the separable set: blob centres this far apart, each blob with this spread. */
const BLOB_DISTANCE = 3;
const BLOB_STD = 0.5;
/** Spread of the midpoint between the blobs (farther out makes the bias slow to learn). */
const MIDPOINT_SPREAD = 0.5;

// Oracles, computed here and never by the lesson.

/** σ(z) through tanh: another formula than 1/(1 + e^(−z)), exact to rounding for every z. */
const sigma = (z: number): number => 0.5 * (1 + Math.tanh(z / 2));
/** log(1 + e^t) as a log-sum-exp of [0, t]. */
const logOnePlusExp = (t: number): number => {
  const m = Math.max(0, t);
  return m + Math.log(Math.exp(-m) + Math.exp(t - m));
};
const logits = (X: Matrix, w: Vector, b: number): number[] => X.map((row) => dot(row, w) + b);

/** Mean log-loss: −log σ(z) = log(1 + e^(−z)) when y = 1, −log(1 − σ(z)) = log(1 + e^z) when y = 0. */
function lossOracle(X: Matrix, y: Vector, w: Vector, b: number, l2 = 0): number {
  const z = logits(X, w, b);
  const data =
    z.reduce((s, zi, i) => s + (y[i] === 1 ? logOnePlusExp(-zi) : logOnePlusExp(zi)), 0) / X.length;
  return data + 0.5 * l2 * dot(w, w);
}

/** [∂/∂w…, ∂/∂b] of {@link lossOracle}; `biasToo` penalises b as well (a wrong variant, for diagnoses). */
function gradientOracle(X: Matrix, y: Vector, w: Vector, b: number, l2 = 0, biasToo = false): number[] {
  const z = logits(X, w, b);
  const g = [...w.map((wj) => l2 * wj), biasToo ? l2 * b : 0];
  X.forEach((row, i) => {
    const e = (sigma(z[i]!) - y[i]!) / X.length;
    row.forEach((x, j) => {
      g[j]! += e * x;
    });
    g[w.length]! += e;
  });
  return g;
}

/** Full-batch gradient descent from zero; losses[k] is the whole-data loss after k epochs. */
function gradientDescentOracle(
  X: Matrix,
  y: Vector,
  lr: number,
  epochs: number,
  l2: number,
  biasToo = false,
) {
  const d = X[0]!.length;
  let theta = new Array<number>(d + 1).fill(0);
  const losses = (l: number) => [lossOracle(X, y, theta.slice(0, d), theta[d]!, l)];
  const regularised = losses(l2);
  const plain = losses(0);
  for (let e = 0; e < epochs; e++) {
    const g = gradientOracle(X, y, theta.slice(0, d), theta[d]!, l2, biasToo);
    theta = theta.map((t, j) => t - lr * g[j]!);
    regularised.push(lossOracle(X, y, theta.slice(0, d), theta[d]!, l2));
    plain.push(lossOracle(X, y, theta.slice(0, d), theta[d]!, 0));
  }
  return { w: theta.slice(0, d), b: theta[d]!, regularised, plain };
}

/**
 * Two Gaussian blobs (math's seeded `blobs`, spread 0.5) with centres 3 apart in a random direction,
 * around a midpoint off the origin so that the bias matters: 3σ to the midline, separable in practice.
 */
function separableData(rng: Rng, n: number) {
  const [mx, my, angle] = [
    rng.normal(0, MIDPOINT_SPREAD),
    rng.normal(0, MIDPOINT_SPREAD),
    2 * Math.PI * rng.uniform(),
  ];
  const [dx, dy] = [(BLOB_DISTANCE / 2) * Math.cos(angle), (BLOB_DISTANCE / 2) * Math.sin(angle)];
  const centers = [
    [mx - dx, my - dy],
    [mx + dx, my + dy],
  ];
  return blobs(rng, { n, centers, std: BLOB_STD });
}

/** Overlapping classes (labels drawn from a true logistic model): a loss that stays away from 0. */
function noisyData(rng: Rng, n: number, d: number): { X: number[][]; y: number[] } {
  const w = rng.normalVector(d);
  const X = Array.from({ length: n }, () => rng.normalVector(d));
  const y = logits(X, w, 0.8).map((z) => (rng.uniform() < sigma(z) ? 1 : 0));
  return { X, y };
}

/** Names a constant factor between a gradient and the true one (sum vs mean, a sign). */
function gradientRatioWhy(got: readonly number[], want: readonly number[], n: number): string | undefined {
  const ratios = want.map((w, k) => (Math.abs(w) > 1e-6 ? got[k]! / w : Number.NaN)).filter(Number.isFinite);
  const r = ratios[0];
  if (r === undefined || !ratios.every((q) => Math.abs(q - r) <= 1e-3 * Math.abs(r))) return undefined;
  if (Math.abs(r - n) <= 1e-3 * n)
    return `the gradient is n = ${n} times too large: the loss is a mean, so divide by n`;
  if (Math.abs(r + 1) <= 1e-3) return "the gradient has the wrong sign: it is (1/n)·Σ (σ(zᵢ) − yᵢ)·xᵢ";
  return undefined;
}

function isCloseVector(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, k) => isClose(x, b[k]!, 1e-8, 1e-12));
}

const notFiniteWhy = (got: number) =>
  Number.isFinite(got)
    ? undefined
    : "the loss is not finite at saturated logits: log(σ(z)) hits log(0); use log(1 + e^z) − y·z with log(1 + e^z) = max(z, 0) + log(1 + e^(−|z|))";

task("predict-probability", () => {
  it("gives σ(x·w + b) on a hand-checked example", () => {
    const { value, called } = learner.predictProbability([[0], [2], [Math.log(3)]], [1], 0);
    expectVectorClose(value, [0.5, 1 / (1 + Math.exp(-2)), 0.75], {
      called,
      oracle: "σ(0) = ½, σ(2) = 1/(1 + e⁻²), σ(log 3) = 3/4",
      why: (a, e) => (isClose(a, 1 - e) ? "that is σ(−z) = 1 − σ(z): the sign of z is flipped" : undefined),
    });
  });

  it("gives σ(x·w + b) on random data", () => {
    const rng = suiteRng("predict-probability random");
    for (const [n, d] of [
      [8, 3],
      [1, 1],
    ] as const) {
      const X = Array.from({ length: n }, () => rng.normalVector(d));
      const w = rng.normalVector(d, 2);
      const b = rng.normal(0, 2);
      const z = logits(X, w, b);
      const { value, called } = learner.predictProbability(X, w, b);
      expectVectorClose(value, z.map(sigma), {
        called,
        oracle: "½·(1 + tanh(z/2)) with z = x·w + b",
        rtol: VALUE_RTOL,
        atol: VALUE_ATOL,
        why: (a, e) => {
          if (z.some((zi) => a === zi))
            return "those are the logits z: squash them with σ(z) = 1/(1 + e^(−z))";
          if (z.some((zi) => isClose(a, sigma(zi - b), 1e-9))) return "the bias b is missing from z";
          return isClose(a, 1 - e) ? "that is σ(−z): the sign of z is flipped" : undefined;
        },
      });
    }
  });

  it("stays finite and correct for logits of ±1000", () => {
    const { value, called } = learner.predictProbability([[1], [-1], [0.5], [-0.745]], [1000], 0);
    expectVectorClose(value, [1, 0, 1, 0], {
      called,
      oracle: "σ(1000) = 1 and σ(−1000) = 0 to Float64 precision",
      rtol: VALUE_RTOL,
      atol: UNDERFLOW_ATOL,
      why: (a) =>
        Number.isFinite(a)
          ? undefined
          : "e^1000 overflows to Infinity (and Infinity/Infinity is NaN): only ever exponentiate −|z|",
    });
  });

  it("gives [] for an X with no rows", () => {
    const { value, called } = learner.predictProbability([], [1, 2], 0.5);
    check(Array.isArray(value) && value.length === 0, {
      called,
      got: describeValue(value),
      expected: "[] (no rows, no probabilities)",
      why: "an X with no rows is not an error for predictProbability: it gives []",
    });
  });

  it("rejects a row whose length differs from w", () => {
    learner.predictProbability.rangeError("a row has the wrong length", [[1, 2], [3]], [1, 1], 0);
  });
});

task("logistic-loss-and-gradient", () => {
  /** One call (l2 left out when undefined), checked for the shape of its result. */
  const evaluate = (X: Matrix, y: Vector, w: Vector, b: number, l2?: number) => {
    const { value: got, called } =
      l2 === undefined
        ? learner.logisticLossAndGradient(X, y, w, b)
        : learner.logisticLossAndGradient(X, y, w, b, l2);
    check(typeof got?.loss === "number" && Array.isArray(got.gradW) && typeof got.gradB === "number", {
      called,
      got: describeValue(got),
      expected: "{ loss: number, gradW: number[] (one entry per weight), gradB: number }",
    });
    return { got, called };
  };
  const lossWhy = (n: number) => (got: number, want: number) =>
    notFiniteWhy(got) ??
    (isClose(got, n * want, 1e-9) ? "that is a sum over the examples: divide by n for the mean" : undefined);

  it("computes log 2 and its gradient at zero weights", () => {
    const { got, called } = evaluate([[1], [-2]], [1, 0], [0], 0);
    expectClose(got.loss, Math.LN2, {
      called: `${called}.loss`,
      oracle: "σ(0) = ½ for both examples: −log ½ = log 2",
      why: lossWhy(2),
    });
    expectVectorClose(got.gradW, [-0.75], {
      called: `${called}.gradW`,
      oracle: "½·[(½ − 1)·1 + (½ − 0)·(−2)]",
      why: (a) =>
        a === 0.75
          ? "the sign is flipped: the error is σ(z) − y"
          : a === -1.5
            ? "a sum: divide by n = 2"
            : undefined,
    });
    expectClose(got.gradB, 0, { called: `${called}.gradB`, oracle: "½·[(½ − 1) + (½ − 0)]" });
  });

  it("computes the mean log-loss on random data", () => {
    const rng = suiteRng("logistic loss random");
    const { X, y } = noisyData(rng, 20, 3);
    const w = rng.normalVector(3);
    const b = rng.normal();
    const { got, called } = evaluate(X, y, w, b);
    expectClose(got.loss, lossOracle(X, y, w, b), {
      called: `${called}.loss`,
      oracle: "−(1/n)·Σ log of the probability given to the true label, computed in the suite",
      rtol: VALUE_RTOL,
      atol: VALUE_ATOL,
      why: lossWhy(20),
    });
  });

  const gradientCheck = (label: string, scale: number, l2: number | undefined) => {
    it(label, () => {
      const rng = suiteRng(label);
      const { X, y } = noisyData(rng, 15, 3);
      const points =
        scale === 1 ? probePoints(rng, 4) : [rng.normalVector(4, scale), rng.normalVector(4, scale)];
      for (const theta of points) {
        const [w, b] = [theta.slice(0, 3), theta[3]!];
        const { got, called } = evaluate(X, y, w, b, l2);
        const flat = [...got.gradW, got.gradB];
        explained(
          () =>
            expectGradient((t) => lossOracle(X, y, t.slice(0, 3), t[3]!, l2), {
              name: "logisticLossAndGradient",
              derivative: () => flat,
              at: theta,
              called: `${called}: [...gradW, gradB]`,
            }),
          () => {
            if (l2 && isCloseVector(flat, gradientOracle(X, y, w, b, l2, true)))
              return "the bias is penalised too: the L2 term adds l2·w to gradW only, never to gradB";
            return gradientRatioWhy(flat, gradientOracle(X, y, w, b, l2), X.length);
          },
        );
      }
    });
  };
  gradientCheck(
    "gives the gradient of the mean log-loss at random weights (finite differences)",
    1,
    undefined,
  );
  gradientCheck(
    "gives the gradient at saturated weights, where |z| reaches 100 (finite differences)",
    25,
    undefined,
  );
  gradientCheck("gives the gradient with an L2 penalty (finite differences)", 1, 0.3);

  it("stays finite and correct when logits reach ±1000", () => {
    const { got, called } = evaluate([[1], [-1], [1], [-1]], [0, 1, 1, 0], [1000], 0);
    expectClose(got.loss, 500, {
      called: `${called}.loss`,
      oracle: "two confident mistakes cost 1000 each, two confident hits cost e^(−1000) ≈ 0: mean 500",
      rtol: VALUE_RTOL,
      why: lossWhy(4),
    });
    expectVectorClose(got.gradW, [0.5], {
      called: `${called}.gradW`,
      oracle: "¼·[(1 − 0)·1 + (0 − 1)·(−1)]",
      why: notFiniteWhy,
    });
    expectClose(got.gradB, 0, {
      called: `${called}.gradB`,
      oracle: "¼·[(1 − 0) + (0 − 1)]",
      why: notFiniteWhy,
    });
  });

  it("the L2 term penalises the weights and not the bias", () => {
    const rng = suiteRng("logistic l2");
    const { X, y } = noisyData(rng, 12, 3);
    const [w, b, l2] = [rng.normalVector(3), 2 + rng.uniform(), 0.3];
    const plain = evaluate(X, y, w, b, 0).got;
    const { got: penalised, called } = evaluate(X, y, w, b, l2);
    const penalty = 0.5 * l2 * dot(w, w);
    expectClose(penalised.loss - plain.loss, penalty, {
      called: `${called}.loss − (the same with l2 = 0)`,
      oracle: "½·l2·‖w‖²",
      rtol: 1e-8,
      atol: 1e-12,
      why: (got) => {
        if (isClose(got, penalty + 0.5 * l2 * b * b, 1e-8))
          return "the bias is penalised too: ‖w‖² covers the weights only";
        if (isClose(got, 2 * penalty, 1e-8)) return "the penalty is l2·‖w‖²: it should be ½·l2·‖w‖²";
        return undefined;
      },
    });
    expectClose(penalised.gradB, plain.gradB, {
      called: `${called}.gradB`,
      oracle: "gradB with l2 = 0: the bias is not penalised",
      rtol: 1e-12,
      atol: 1e-15,
      why: "the bias is penalised too: the L2 term never touches gradB",
    });
    expectVectorClose(
      penalised.gradW.map((g, j) => g - plain.gradW[j]!),
      w.map((wj) => l2 * wj),
      {
        called: `${called}.gradW − (the same with l2 = 0)`,
        oracle: "l2·w, the gradient of ½·l2·‖w‖²",
        rtol: 1e-8,
        atol: 1e-12,
        why: (got, want) => {
          if (isClose(got, 2 * want, 1e-8)) return "that is 2·l2·w: the gradient of ½·l2·‖w‖² is l2·w";
          if (Math.abs(got) <= 1e-9 * Math.abs(want)) return "l2 changes nothing in gradW: add l2·w to it";
          return undefined;
        },
      },
    );
  });

  it("gives (1/n)·Xᵀ(p − y) + l2·w, (1/n)·Σ(p − y) and a loss ≥ 0 on any small data set (property)", () => {
    const data = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }))
      .chain(([n, d]) =>
        fc.tuple(
          fc.array(fc.array(finite(-4, 4), { minLength: d, maxLength: d }), { minLength: n, maxLength: n }),
          fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
          fc.array(finite(-30, 30), { minLength: d, maxLength: d }),
          finite(-30, 30),
          finite(0, 2),
        ),
      );
    expectForAll(
      "logistic loss and gradient property",
      [data],
      ([X, y, w, b, l2]) => {
        const { got, called } = evaluate(X, y, w, b, l2);
        check(got.loss >= 0 && Number.isFinite(got.loss), {
          called: `${called}.loss`,
          got: describeValue(got.loss),
          expected: "a finite number ≥ 0 (a mean of −log p, plus ½·l2·‖w‖²)",
          why: notFiniteWhy(got.loss) ?? "−log of a probability is never negative",
        });
        const flat = [...got.gradW, got.gradB];
        const want = gradientOracle(X, y, w, b, l2);
        explained(
          () =>
            expectVectorClose(flat, want, {
              called: `${called}: [...gradW, gradB]`,
              oracle: "(1/n)·Σᵢ (σ(zᵢ) − yᵢ)·[xᵢ, 1] + l2·[w, 0], computed in the suite",
              rtol: VALUE_RTOL,
              atol: 1e-12 * Math.max(1, ...want.map(Math.abs)),
            }),
          () => {
            if (l2 > 0 && isCloseVector(flat, gradientOracle(X, y, w, b, l2, true)))
              return "the bias is penalised too: the L2 term adds l2·w to gradW only, never to gradB";
            return gradientRatioWhy(flat, want, X.length);
          },
        );
      },
      { numRuns: 40 },
    );
  });

  it("rejects a negative l2", () => {
    learner.logisticLossAndGradient.rangeError("l2 must be ≥ 0", [[1], [2]], [1, 0], [1], 0, -0.1);
  });

  it("rejects empty data and mismatched lengths", () => {
    const { rangeError } = learner.logisticLossAndGradient;
    rangeError("empty data", [], [], [1], 0);
    rangeError("y has the wrong length", [[1], [2]], [1], [1], 0);
    rangeError("w has the wrong length", [[1], [2]], [1, 0], [1, 2], 0);
  });
});

task("train-logistic-regression", () => {
  const train = (X: Matrix, y: Vector, options: object) =>
    learner.trainLogisticRegression(X, y, options as lesson.LogisticTrainOptions);

  for (const [label, l2] of [
    ["without a penalty", undefined],
    ["with an L2 penalty on the weights only", 0.2],
  ] as const) {
    it(`full-batch training ${label} is gradient descent from zero, one loss per epoch after it`, () => {
      const rng = suiteRng(`logistic full batch ${label}`);
      const { X, y } = noisyData(rng, 30, 2);
      const [learningRate, epochs] = [0.5, 20];
      const options = l2 === undefined ? { learningRate, epochs } : { learningRate, epochs, l2 };
      const oracle = gradientDescentOracle(X, y, learningRate, epochs, l2 ?? 0);
      const { value: got, called } = train(X, y, options);
      const tolerance = { rtol: TRAJECTORY_RTOL, atol: TRAJECTORY_ATOL };
      const history = Array.isArray(got?.lossHistory) ? got.lossHistory : [];
      const matches = (want: readonly number[]) =>
        history.length === want.length &&
        history.every((v, k) => isClose(v, want[k]!, TRAJECTORY_RTOL, TRAJECTORY_ATOL));
      const trajectoryWhy = () => {
        if (l2 === undefined) return undefined;
        if (isClose(got.b, gradientDescentOracle(X, y, learningRate, epochs, l2, true).b, 1e-8))
          return "the bias is penalised too: the L2 term pulls on w only";
        const unpenalised = gradientDescentOracle(X, y, learningRate, epochs, 0);
        if (isClose(got.w[0]!, unpenalised.w[0]!, 1e-8))
          return "options.l2 is ignored: pass it on to the loss and gradient";
        return undefined;
      };
      explained(
        () =>
          expectVectorClose(got?.lossHistory, oracle.regularised.slice(1), {
            called: `${called}.lossHistory`,
            oracle:
              "the whole-data loss (½·l2·‖w‖² included) after each epoch of gradient descent from w = 0, b = 0",
            ...tolerance,
          }),
        () => {
          if (history.length === epochs + 1)
            return "lossHistory has epochs + 1 entries: record one loss per epoch, after it";
          if (matches(oracle.regularised.slice(0, -1)) || matches(oracle.plain.slice(0, -1)))
            return "each loss is recorded before its epoch's updates: record it after the epoch";
          if (l2 !== undefined && matches(oracle.plain.slice(1)))
            return "lossHistory holds the plain log-loss: record the whole-data loss with the same l2, penalty ½·l2·‖w‖² included (the number training makes small)";
          return trajectoryWhy();
        },
      );
      const suite = { oracle: "gradient descent computed in the suite", ...tolerance };
      explained(() => expectVectorClose(got.w, oracle.w, { called: `${called}.w`, ...suite }), trajectoryWhy);
      explained(() => expectClose(got.b, oracle.b, { called: `${called}.b`, ...suite }), trajectoryWhy);
    });
  }

  for (const [label, options] of [
    ["mini-batch", { learningRate: 0.5, epochs: 30, batchSize: 16 }],
    ["full-batch", { learningRate: 1, epochs: 100 }],
  ] as const) {
    it(`${label} training reaches at least 95 % accuracy on a separable seeded set`, () => {
      const rng = suiteRng(`logistic accuracy ${label}`);
      const { X, y } = separableData(rng, 200);
      const run = { ...options, seed: rng.int(1000) };
      const { value: got, called } = train(X, y, run);
      const z = logits(X, got?.w ?? [], got?.b ?? Number.NaN);
      const share = z.filter((zi, i) => (zi >= 0 ? 1 : 0) === y[i]).length / X.length;
      expectClose(Math.min(share, MIN_ACCURACY), MIN_ACCURACY, {
        called: `accuracy of ${called}`,
        oracle: `at least ${MIN_ACCURACY * 100} % of the points on the right side of x·w + b = 0 (got ${(share * 100).toFixed(1)} %)`,
        why: "the classes can be split by a line, so gradient descent on the log-loss should find one",
      });
      const losses = got.lossHistory;
      check(Array.isArray(losses) && losses.length === run.epochs && losses.at(-1)! < losses[0]!, {
        called: `${called}.lossHistory`,
        got: describeValue(losses),
        expected: `${run.epochs} losses (one per epoch), ending lower than they start`,
      });
    });
  }

  it("the same seed gives the same weights; another seed gives other ones", () => {
    const rng = suiteRng("logistic seeds");
    const { X, y } = noisyData(rng, 30, 2);
    const fingerprint = (options: object) => {
      const { value } = train(X, y, options);
      return JSON.stringify([value?.w, value?.b]);
    };
    expectSeedControl("trainLogisticRegression", fingerprint, { learningRate: 0.3, epochs: 3, batchSize: 4 });
  });

  it("reproduces the README's worked example: one step with learning rate 1", () => {
    const { value: got, called } = train([[1], [-2]], [1, 0], { learningRate: 1, epochs: 1 });
    expectVectorClose(got?.w, [0.75], {
      called: `${called}.w`,
      oracle: "0 − 1·(−0.75): one full-batch step from w = 0",
      why: (a) => (a === -0.75 ? "the step goes uphill: w ← w − learningRate·gradW" : undefined),
    });
    expectClose(got.b, 0, { called: `${called}.b`, oracle: "gradB = ½·(−½ + ½) = 0", atol: 1e-15 });
    expectVectorClose(got.lossHistory, [(Math.log1p(Math.exp(-0.75)) + Math.log1p(Math.exp(-1.5))) / 2], {
      called: `${called}.lossHistory`,
      oracle: "the loss after the step, ½·[log(1 + e^(−0.75)) + log(1 + e^(−1.5))] ≈ 0.294",
      why: (a) =>
        isClose(a, Math.LN2) ? "that is the loss before the step: record it after the epoch" : undefined,
    });
  });

  it("shuffles fresh batches every epoch from one generator, one step per batch's mean gradient with L2", () => {
    const rng = suiteRng("logistic replay");
    const { X, y } = noisyData(rng, 5, 2);
    const [learningRate, batchSize, epochs, l2] = [0.8, 2, 6, 0.1];
    const options = { learningRate, epochs, batchSize, l2, seed: rng.int(1000) };
    const { value: got, called } = train(X, y, options);
    check(Array.isArray(got?.lossHistory) && got.lossHistory.length === epochs, {
      called: `${called}.lossHistory`,
      got: describeValue(got?.lossHistory),
      expected: `one loss per epoch (${epochs} entries)`,
    });
    const replay = replayMiniBatchRun({
      X,
      y,
      learningRate,
      batchSize,
      history: got.lossHistory,
      gradient: (Xb, yb, w, b) => gradientOracle(Xb, yb, w, b, l2),
      loss: (Xa, ya, w, b) => lossOracle(Xa, ya, w, b, l2),
    });
    if ("unexplained" in replay) {
      fail({
        called: `${called}.lossHistory`,
        got: `${describeValue(got.lossHistory)}: the loss after epoch ${replay.unexplained + 1} comes from no split of the 5 examples into batches of sizes 2, 2, 1`,
        expected:
          "each epoch: shuffle 0 … 4 with rng.shuffle, cut into consecutive batches of batchSize (the last one shorter), one step per batch with that batch's mean gradient (l2·w included), then the whole-data loss with the same l2",
        why: "check the order of the steps: every example once per epoch, a step after each batch (not one per epoch), the gradient of the batch's mean loss with its L2 term, the loss (penalty included) recorded after the epoch",
      });
    }
    const { sameEveryEpoch, finals } = replay as Exclude<typeof replay, { unexplained: number }>;
    check(sameEveryEpoch === undefined, {
      called,
      got: `the same batches in all ${epochs} epochs: ${sameEveryEpoch}`,
      expected: "fresh batches every epoch, shuffled by one generator created once for the whole run",
      why: "create the generator once with createRng(seed), before the first epoch, and shuffle with it every epoch (a generator re-created each epoch, or a shuffle done once, repeats the same order)",
    });
    const theta = [...(Array.isArray(got.w) ? got.w : []), got.b];
    check(
      finals.some(
        (f) =>
          f.length === theta.length &&
          f.every((v, j) => typeof theta[j] === "number" && isClose(theta[j], v, 1e-8, 1e-10)),
      ),
      {
        called: `${called}: [...w, b]`,
        got: describeValue(theta),
        expected: `the weights the recorded losses lead to, e.g. ${describeValue(finals[0])}`,
        why: "return the w and b of the last step",
      },
    );
  });

  it("returns the zero model and an empty lossHistory for epochs: 0", () => {
    const { X, y } = noisyData(suiteRng("logistic zero epochs"), 6, 3);
    expectZeroModel(train(X, y, { learningRate: 0.1, epochs: 0 }), 3);
  });

  it("rejects a learningRate that is not positive, an epochs that is not a whole number ≥ 0 and a bad batchSize", () => {
    const X = [[1], [2], [3]];
    const y = [0, 1, 1];
    const { rangeError } = learner.trainLogisticRegression;
    rangeError("learningRate must be positive", X, y, { learningRate: 0, epochs: 3 });
    rangeError("epochs must be a whole number", X, y, { learningRate: 0.1, epochs: 2.5 });
    rangeError("epochs must be ≥ 0", X, y, { learningRate: 0.1, epochs: -1 });
    rangeError("batchSize must be a positive whole number", X, y, {
      learningRate: 0.1,
      epochs: 2,
      batchSize: 0,
    });
    rangeError("batchSize must be a positive whole number", X, y, {
      learningRate: 0.1,
      epochs: 2,
      batchSize: 1.5,
    });
  });

  it("rejects a negative l2 (from logisticLossAndGradient)", () => {
    const X = [[1], [2], [3]];
    const y = [0, 1, 1];
    const options = { learningRate: 0.1, epochs: 2, l2: -0.5 };
    learner.trainLogisticRegression.anyRangeError(
      "l2 must be ≥ 0 (logisticLossAndGradient's, as soon as the first step computes a gradient)",
      X,
      y,
      options,
    );
  });

  it("rejects empty or mismatched data", () => {
    const options = { learningRate: 0.1, epochs: 1 };
    learner.trainLogisticRegression.rangeError("empty data", [], [], options);
    learner.trainLogisticRegression.rangeError("y has the wrong length", [[1], [2]], [1], options);
  });
});

task("accuracy", () => {
  const countWhy = (n: number) => (got: number, want: number) => {
    if (isClose(got, n * want)) return "that is the number of correct predictions: divide by n for a share";
    if (isClose(got, 1 - want))
      return "that is the share of mistakes: count the predictions that equal the label";
    return undefined;
  };

  it("counts a probability equal to the threshold as class 1", () => {
    const half = learner.accuracy([0.9, 0.4, 0.5, 0.2], [1, 0, 0, 0]);
    expectClose(half.value, 0.75, {
      called: half.called,
      oracle: "predictions 1, 0, 1, 0 against labels 1, 0, 0, 0: three of four right",
      why: (got) => (got === 1 ? "0.5 ≥ 0.5 predicts 1: compare with ≥, not >" : countWhy(4)(got, 0.75)),
    });
    const low = learner.accuracy([0.7, 0.3], [1, 1], 0.3);
    expectClose(low.value, 1, {
      called: low.called,
      oracle: "both probabilities are ≥ 0.3, so both predict 1",
      why: (got) => (got === 0.5 ? "0.3 ≥ 0.3 predicts 1: compare with ≥, not >" : undefined),
    });
  });

  it("matches a direct count on random probabilities and thresholds", () => {
    const rng = suiteRng("accuracy random");
    for (const threshold of [undefined, 0.2 + 0.6 * rng.uniform(), 0.9]) {
      const n = 10 + rng.int(40);
      const p = rng.uniformVector(n);
      const labels = p.map(() => rng.int(2));
      const cut = threshold ?? 0.5;
      const want = p.filter((pi, i) => (pi >= cut ? 1 : 0) === labels[i]).length / n;
      const { value, called } =
        threshold === undefined ? learner.accuracy(p, labels) : learner.accuracy(p, labels, threshold);
      expectClose(value, want, {
        called,
        oracle: `the share of i with (p[i] ≥ ${threshold === undefined ? "0.5, the default" : "threshold"} ? 1 : 0) === labels[i]`,
        rtol: VALUE_RTOL,
        why: countWhy(n),
      });
    }
  });

  it("rejects empty or mismatched inputs", () => {
    learner.accuracy.rangeError("empty inputs", [], []);
    learner.accuracy.rangeError("lengths differ", [0.2, 0.8], [1]);
  });
});
