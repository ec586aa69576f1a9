import { createRng, linearData, type Matrix, type Rng, type Vector } from "@calcml/math";
import * as lesson from "@lesson/09-linear-regression";
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
  learnerCalls,
  matmul,
  matvec,
  probePoints,
  replayMiniBatchRun,
  suiteRng,
  task,
  transpose,
} from "../src/checks/index.ts";

const learner = learnerCalls(lesson);

/** Oracles here are sums of a few hundred terms in another order: agreement to 1e-9 relative. */
const VALUE_RTOL = 1e-9;
const VALUE_ATOL = 1e-12;
/** Full-batch training against the suite's own gradient descent: rounding only, over ≤ 30 epochs. */
const TRAJECTORY_RTOL = 1e-8;
const TRAJECTORY_ATOL = 1e-10;
/** A closed form against the suite's centred least squares (condition numbers below 10 here). */
const CLOSED_FORM_RTOL = 1e-8;
const CLOSED_FORM_ATOL = 1e-9;
/** Mini-batch SGD at a constant learning rate jitters around the optimum; calibrated ≥ 4× below these. */
const SGD_TO_LEAST_SQUARES = 0.05;
const SGD_TO_TRUTH = 0.1;
/** True model of the synthetic data (math's seeded `linearData`: N(0, 1) features, y = X·w + b + noise). */
const TRUE_W = [2, -3, 0.5];
const TRUE_B = 1;
const NOISE = 0.1;

// Oracles, computed here and never by the lesson.

/** Predictions summed from the bias outwards, last feature first (another order than most code). */
function predictOracle(X: Matrix, w: Vector, b: number): number[] {
  return X.map((row) => {
    let s = 0;
    for (let j = row.length - 1; j >= 0; j--) s += row[j]! * w[j]!;
    return s + b;
  });
}

function mseOracle(X: Matrix, y: Vector, w: Vector, b: number): number {
  const p = predictOracle(X, w, b);
  return p.reduce((s, pi, i) => s + (pi - y[i]!) ** 2, 0) / X.length;
}

/** [∂/∂w…, ∂/∂b] of the mean squared error, written as a mean of per-example gradients. */
function mseGradientOracle(X: Matrix, y: Vector, w: Vector, b: number): number[] {
  const p = predictOracle(X, w, b);
  const g = new Array<number>(w.length + 1).fill(0);
  X.forEach((row, i) => {
    const r = 2 * (p[i]! - y[i]!);
    row.forEach((x, j) => {
      g[j]! += (r * x) / X.length;
    });
    g[w.length]! += r / X.length;
  });
  return g;
}

/** Least squares through centred data: w solves (XcᵀXc)·w = Xcᵀyc, then b = ȳ − x̄·w. */
function leastSquares(X: Matrix, y: Vector): { w: number[]; b: number } {
  const mean = (v: Vector) => v.reduce((s, x) => s + x, 0) / v.length;
  const xBar = transpose(X).map(mean);
  const yBar = mean(y);
  const Xc = X.map((row) => row.map((x, j) => x - xBar[j]!));
  const XcT = transpose(Xc);
  const w = gaussianElimination(
    matmul(XcT, Xc),
    matvec(
      XcT,
      y.map((v) => v - yBar),
    ),
  );
  return { w, b: yBar - dot(w, xBar) };
}

/** Solves A·x = b by Gaussian elimination with partial pivoting (small, well-conditioned systems). */
function gaussianElimination(A: Matrix, b: Vector): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = M[r]![c]! / M[c]![c]!;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= M[r]![k]! * x[k]!;
    x[r] = s / M[r]![r]!;
  }
  return x;
}

/** Full-batch gradient descent from zero, recording the whole-data loss after every epoch. */
function gradientDescentOracle(X: Matrix, y: Vector, learningRate: number, epochs: number) {
  let theta = new Array<number>(X[0]!.length + 1).fill(0);
  const split = () => ({ w: theta.slice(0, -1), b: theta[theta.length - 1]! });
  const losses = [mseOracle(X, y, split().w, split().b)];
  for (let e = 0; e < epochs; e++) {
    const g = mseGradientOracle(X, y, split().w, split().b);
    theta = theta.map((t, j) => t - learningRate * g[j]!);
    losses.push(mseOracle(X, y, split().w, split().b));
  }
  return { ...split(), losses };
}

const isNear = (a: unknown, b: number): boolean =>
  typeof a === "number" &&
  Math.abs(a - b) <= TRAJECTORY_RTOL * Math.max(Math.abs(a), Math.abs(b)) + TRAJECTORY_ATOL;

/** How a wrong per-epoch loss history most likely came about. */
function diagnoseHistory(
  got: readonly number[],
  losses: readonly number[],
  epochs: number,
): string | undefined {
  const near = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined && Math.abs(a - b) <= 1e-8 * Math.max(Math.abs(a), Math.abs(b));
  if (got.length === epochs + 1)
    return "lossHistory has epochs + 1 entries: record one loss per epoch, after it, not the starting loss";
  if (got.length !== epochs) return `lossHistory needs exactly one entry per epoch (${epochs})`;
  if (near(got[0], losses[0]) && near(got[1], losses[1]))
    return "each loss is recorded before its epoch's updates: record it after the epoch";
  return undefined;
}

/** Names a constant factor between a gradient and the true one (sum vs mean, the 2, a sign). */
function gradientRatioWhy(got: readonly number[], want: readonly number[], n: number): string | undefined {
  const ratios = want.map((w, k) => (Math.abs(w) > 1e-6 ? got[k]! / w : Number.NaN)).filter(Number.isFinite);
  if (ratios.length === 0) return undefined;
  const r = ratios[0]!;
  if (!ratios.every((q) => Math.abs(q - r) <= 1e-3 * Math.abs(r))) return undefined;
  if (Math.abs(r - n) <= 1e-3 * n)
    return `the gradient is n = ${n} times too large: it sums over the examples; the loss is a mean, so divide by n`;
  if (Math.abs(r - 2 * n) <= 2e-3 * n)
    return `the gradient is 2n = ${2 * n} times too large: a sum where a mean belongs`;
  if (Math.abs(r + 1) <= 1e-3) return "the gradient has the wrong sign: the residual is ŷ − y, not y − ŷ";
  if (Math.abs(r - 0.5) <= 1e-3)
    return "the gradient is half the true one: the derivative of r² is 2r (keep the factor 2)";
  return undefined;
}

/** Checks that `batches` partitions 0..n−1 into batches of `size` with one shorter last batch. */
function expectPartition(batches: unknown, n: number, size: number, called: string): number[] {
  const expectedSizes = Array.from({ length: Math.ceil(n / size) }, (_, k) => Math.min(size, n - k * size));
  check(Array.isArray(batches) && batches.every((batch) => Array.isArray(batch)), {
    called,
    got: describeValue(batches),
    expected: "an array of batches, each an array of indices",
  });
  const list = batches as unknown[][];
  const sizes = list.map((batch) => batch.length);
  const seen = new Array<number>(n).fill(0);
  for (const index of list.flat()) {
    check(Number.isInteger(index) && (index as number) >= 0 && (index as number) < n, {
      called,
      got: `a batch holds ${describeValue(index)}`,
      expected: `indices that are integers from 0 to ${n - 1}`,
    });
    seen[index as number]! += 1;
  }
  const missing = seen.indexOf(0);
  const twice = seen.findIndex((c) => c > 1);
  check(twice === -1, {
    called,
    got: `index ${twice} appears ${seen[twice]} times`,
    expected: `every index 0 … ${n - 1} exactly once`,
    why: "shuffle the list of indices (a permutation) instead of drawing random indices independently",
  });
  check(missing === -1, {
    called,
    got: `index ${missing} never appears (batch sizes ${describeValue(sizes)})`,
    expected: `every index 0 … ${n - 1} exactly once`,
    why:
      sizes.length < expectedSizes.length
        ? "the short last batch was dropped: keep what is left over"
        : "every example belongs to one batch",
  });
  check(sizes.length === expectedSizes.length && sizes.every((s, k) => s === expectedSizes[k]), {
    called,
    got: `batch sizes ${describeValue(sizes)}`,
    expected: `batch sizes ${describeValue(expectedSizes)}`,
    why: sizes.includes(0)
      ? "an empty batch: stop once every index is used"
      : "fill each batch with batchSize indices; only the last may be shorter",
  });
  return list.flat() as number[];
}

task("predict-linear", () => {
  it("predicts x·w + b on a hand-checked example", () => {
    const X = [
      [1, 2],
      [3, 4],
    ];
    const { value, called } = learner.predictLinear(X, [10, 1], 0.5);
    expectVectorClose(value, [12.5, 34.5], {
      called,
      oracle: "1·10 + 2·1 + 0.5 and 3·10 + 4·1 + 0.5",
      why: (a, e) =>
        Math.abs(a - (e - 0.5)) < 1e-9 ? "the bias b is missing: add it to every prediction" : undefined,
    });
  });

  it("predicts x·w + b on random data", () => {
    const rng = suiteRng("predict-linear random");
    for (const [n, d] of [
      [7, 3],
      [1, 1],
      [5, 6],
    ] as const) {
      const X = Array.from({ length: n }, () => rng.normalVector(d, 2));
      const w = rng.normalVector(d, 2);
      const b = rng.normal(0, 2);
      const { value, called } = learner.predictLinear(X, w, b);
      expectVectorClose(value, predictOracle(X, w, b), {
        called,
        oracle: "Σⱼ X[i][j]·w[j] + b, summed in the suite",
        rtol: VALUE_RTOL,
        atol: VALUE_ATOL,
        why: (a, e) =>
          Math.abs(a - (e - b)) < 1e-9 * (1 + Math.abs(e)) ? "the bias b is missing" : undefined,
      });
    }
  });

  it("gives [] for an X with no rows", () => {
    const { value, called } = learner.predictLinear([], [1, 2], 0.5);
    check(Array.isArray(value) && value.length === 0, {
      called,
      got: describeValue(value),
      expected: "[] (no rows, no predictions)",
      why: "an X with no rows is not an error for predictLinear: it gives []",
    });
  });

  it("rejects a row whose length differs from w", () => {
    learner.predictLinear.rangeError("a row of X has the wrong length", [[1, 2], [3]], [1, 1], 0);
  });
});

task("linear-loss-and-gradient", () => {
  const lossWhy = (n: number) => (got: number, want: number) => {
    if (Math.abs(got - n * want) <= 1e-9 * n * want)
      return "that is the sum of squared residuals: divide by n for the mean";
    if (Math.abs(got - want / 2) <= 1e-9 * want)
      return "that is ½·MSE: this lesson's loss is the plain mean of squared residuals, no ½";
    return undefined;
  };

  it("computes the loss and gradient of a hand-checked example", () => {
    const { value: got, called } = learner.linearLossAndGradient([[1], [2], [3]], [2, 3, 6], [1], 0);
    expectClose(got?.loss, 11 / 3, {
      called: `${called}.loss`,
      oracle: "residuals −1, −1, −3: (1 + 1 + 9)/3",
      why: lossWhy(3),
    });
    expectVectorClose(got.gradW, [-8], {
      called: `${called}.gradW`,
      oracle: "(2/3)·(1·(−1) + 2·(−1) + 3·(−3))",
      why: (a) =>
        a === 8
          ? "the sign is flipped: use ŷ − y, not y − ŷ"
          : a === -4
            ? "the factor 2 of the square is missing"
            : undefined,
    });
    expectClose(got.gradB, -10 / 3, { called: `${called}.gradB`, oracle: "(2/3)·(−1 − 1 − 3)" });
  });

  it("computes the mean squared residual on random data", () => {
    const rng = suiteRng("linear-loss random");
    const { X, y } = linearData(rng, { n: 20, weights: TRUE_W, bias: TRUE_B, noise: 1 });
    const w = rng.normalVector(3);
    const b = rng.normal();
    const { value, called } = learner.linearLossAndGradient(X, y, w, b);
    expectClose(value?.loss, mseOracle(X, y, w, b), {
      called: `${called}.loss`,
      oracle: "(1/n)·Σ (ŷᵢ − yᵢ)², computed in the suite",
      rtol: VALUE_RTOL,
      atol: VALUE_ATOL,
      why: lossWhy(20),
    });
  });

  it("gives the gradient of the mean squared error at random weights (finite differences)", () => {
    const rng = suiteRng("linear-gradient fd");
    const { X, y } = linearData(rng, { n: 12, weights: TRUE_W, bias: TRUE_B, noise: 1 });
    for (const theta of probePoints(rng, 4)) {
      const w = theta.slice(0, 3);
      const b = theta[3]!;
      const { value: got, called } = learner.linearLossAndGradient(X, y, w, b);
      check(Array.isArray(got?.gradW) && typeof got.gradB === "number", {
        called,
        got: describeValue(got),
        expected: "{ loss: number, gradW: number[] (one entry per weight), gradB: number }",
      });
      const flat = [...got.gradW, got.gradB];
      explained(
        () =>
          expectGradient((t) => mseOracle(X, y, t.slice(0, 3), t[3]!), {
            name: "linearLossAndGradient",
            derivative: () => flat,
            at: theta,
            called: `${called}: [...gradW, gradB]`,
          }),
        () => gradientRatioWhy(flat, mseGradientOracle(X, y, w, b), X.length),
      );
    }
  });

  it("gives the gradient (2/n)·Xᵀr, (2/n)·Σr and a loss ≥ 0 on any small data set (property)", () => {
    const data = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }))
      .chain(([n, d]) =>
        fc.tuple(
          fc.array(fc.array(finite(-5, 5), { minLength: d, maxLength: d }), { minLength: n, maxLength: n }),
          fc.array(finite(-5, 5), { minLength: n, maxLength: n }),
          fc.array(finite(-3, 3), { minLength: d, maxLength: d }),
          finite(-3, 3),
        ),
      );
    expectForAll(
      "linear loss and gradient property",
      [data],
      ([X, y, w, b]) => {
        const { value: got, called } = learner.linearLossAndGradient(X, y, w, b);
        check(typeof got?.loss === "number" && got.loss >= 0, {
          called: `${called}.loss`,
          got: describeValue(got?.loss),
          expected: "a number ≥ 0 (a mean of squares)",
        });
        const want = mseGradientOracle(X, y, w, b);
        const scale = Math.max(1, ...want.map(Math.abs));
        explained(
          () =>
            expectVectorClose([...(got.gradW ?? []), got.gradB], want, {
              called: `${called}: [...gradW, gradB]`,
              oracle: "(2/n)·Σᵢ rᵢ·[xᵢ, 1], summed in the suite",
              rtol: VALUE_RTOL,
              atol: VALUE_ATOL * scale,
            }),
          () => gradientRatioWhy([...(got.gradW ?? []), got.gradB], want, X.length),
        );
      },
      { numRuns: 40 },
    );
  });

  it("rejects empty data and mismatched lengths", () => {
    const { rangeError } = learner.linearLossAndGradient;
    rangeError("empty data", [], [], [1], 0);
    rangeError("y has the wrong length", [[1], [2]], [1], [1], 0);
    rangeError("w has the wrong length", [[1], [2]], [1, 2], [1, 2], 0);
  });
});

task("mini-batches", () => {
  // The generator is described as "rng" (its description would list every method).
  const batchesOf = (n: number, size: number, rng: Rng) => learner.miniBatches(n, size, rng).value;

  it("covers every index exactly once, in batches of batchSize with a shorter last one", () => {
    const rng = suiteRng("mini-batches partition");
    for (const [n, size] of [
      [23, 5],
      [20, 5],
      [7, 1],
      [6, 10],
      [1, 1],
    ] as const) {
      expectPartition(batchesOf(n, size, rng), n, size, `miniBatches(${n}, ${size}, rng)`);
    }
  });

  it("shuffles the indices", () => {
    const rng = suiteRng("mini-batches shuffle");
    const called = "miniBatches(50, 10, rng)";
    const orders = [0, 1, 2].map(() => expectPartition(batchesOf(50, 10, rng), 50, 10, called));
    for (const order of orders) {
      check(
        order.some((index, k) => index !== k),
        {
          called,
          got: "the indices in their original order 0, 1, 2, …",
          expected: "a random order drawn from rng",
          why: "mini-batches must be shuffled: shuffle [0, …, n−1] with rng.shuffle first",
        },
      );
    }
    check(
      orders[0]!.some((index, k) => index !== orders[1]![k]),
      {
        called: `${called}, twice with the same generator`,
        got: "the same order both times",
        expected: "a fresh shuffle on each call (the generator moves on)",
        why: "draw the permutation from the rng you are given, not from a new generator",
      },
    );
  });

  it("takes all its randomness from rng: the same seed gives the same batches", () => {
    const seed = suiteRng("mini-batches seed").int(1_000_000);
    const [first, second] = [0, 1].map(() => batchesOf(30, 4, createRng(seed)));
    check(JSON.stringify(first) === JSON.stringify(second), {
      called: `miniBatches(30, 4, createRng(${seed})), twice`,
      got: `${describeValue(first)} then ${describeValue(second)}`,
      expected: "the same batches both times",
      why: "use only the rng argument for randomness (Math.random cannot be replayed)",
    });
  });

  it("partitions 0 … n−1 into batches of batchSize for any n and batchSize (property)", () => {
    expectForAll(
      "mini-batches partition property",
      [fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 1e6 })],
      (n, size, seed) => {
        expectPartition(
          batchesOf(n, size, createRng(seed)),
          n,
          size,
          `miniBatches(${n}, ${size}, createRng(${seed}))`,
        );
      },
      { numRuns: 25 },
    );
  });

  it("rejects n ≤ 0 and batchSize ≤ 0", () => {
    const rng = createRng(0);
    learner.miniBatches.rangeError("n must be positive", 0, 3, rng);
    learner.miniBatches.rangeError("batchSize must be positive", 5, 0, rng);
  });

  it("rejects an n or a batchSize that is not an integer", () => {
    const rng = createRng(0);
    learner.miniBatches.rangeError("n must be an integer", 4.5, 2, rng);
    learner.miniBatches.rangeError("batchSize must be an integer", 5, 1.5, rng);
  });
});

task("train-linear-regression", () => {
  it("full-batch training is gradient descent from zero, one loss per epoch after it", () => {
    const rng = suiteRng("train full batch");
    const { X, y } = linearData(rng, { n: 40, weights: TRUE_W, bias: TRUE_B, noise: 0.5 });
    const epochs = 25;
    const oracle = gradientDescentOracle(X, y, 0.1, epochs);
    const tolerance = {
      rtol: TRAJECTORY_RTOL,
      atol: TRAJECTORY_ATOL,
      oracle: "gradient descent computed in the suite",
    };
    for (const options of [
      { learningRate: 0.1, epochs },
      { learningRate: 0.1, epochs, batchSize: 40, seed: 9 },
    ]) {
      const { value: got, called } = learner.trainLinearRegression(X, y, options);
      const history = Array.isArray(got?.lossHistory) ? got.lossHistory : [];
      explained(
        () =>
          expectVectorClose(got?.lossHistory, oracle.losses.slice(1), {
            ...tolerance,
            called: `${called}.lossHistory`,
            oracle: "the whole-data MSE after each epoch of w ← w − γ·∇w, b ← b − γ·∂b from w = 0, b = 0",
          }),
        () => diagnoseHistory(history, oracle.losses, epochs),
      );
      expectVectorClose(got.w, oracle.w, { ...tolerance, called: `${called}.w` });
      expectClose(got.b, oracle.b, { ...tolerance, called: `${called}.b` });
    }
  });

  for (const [label, batchSize, learningRate, epochs] of [
    ["16", 16, 0.05, 40],
    ["1", 1, 0.005, 20],
  ] as const) {
    it(`mini-batch training (batch size ${label}) recovers the weights and lands near the normal equation`, () => {
      const rng = suiteRng(`train recovers ${label}`);
      const { X, y } = linearData(rng, { n: 200, weights: TRUE_W, bias: TRUE_B, noise: NOISE });
      const options = { learningRate, epochs, batchSize, seed: rng.int(1000) };
      const { value: got, called } = learner.trainLinearRegression(X, y, options);
      const best = leastSquares(X, y);
      const near = (tol: number, oracle: string) => ({ rtol: 0, atol: tol, oracle });
      const toBest = near(SGD_TO_LEAST_SQUARES, "least squares, solved in the suite");
      expectVectorClose(got?.w, best.w, { called: `${called}.w`, ...toBest });
      expectClose(got.b, best.b, { called: `${called}.b`, ...toBest });
      expectVectorClose(got.w, TRUE_W, {
        called: `${called}.w`,
        ...near(SGD_TO_TRUTH, "the weights that generated the data"),
      });
      expectClose(got.b, TRUE_B, {
        called: `${called}.b`,
        ...near(SGD_TO_TRUTH, "the bias that generated the data"),
      });
      check(Array.isArray(got.lossHistory) && got.lossHistory.length === epochs, {
        called: `${called}.lossHistory`,
        got: describeValue(got.lossHistory),
        expected: `one loss per epoch (${epochs} entries)`,
      });
    });
  }

  it("the same seed gives the same weights; another seed gives other ones", () => {
    const rng = suiteRng("train seeds");
    const { X, y } = linearData(rng, { n: 30, weights: TRUE_W, bias: TRUE_B, noise: 0.5 });
    expectSeedControl(
      "trainLinearRegression",
      (options) => {
        const { value } = learner.trainLinearRegression(X, y, options as lesson.LinearTrainOptions);
        return JSON.stringify([value?.w, value?.b]);
      },
      { learningRate: 0.05, epochs: 3, batchSize: 4 },
    );
  });

  it("draws fresh batches every epoch from one generator, one step per batch's mean gradient", () => {
    const rng = suiteRng("train replay");
    const { X, y } = linearData(rng, { n: 5, weights: [1.5, -2], bias: 0.5, noise: 0.5 });
    const [learningRate, batchSize, epochs] = [0.15, 2, 6];
    const options = { learningRate, epochs, batchSize, seed: rng.int(1000) };
    const { value: got, called } = learner.trainLinearRegression(X, y, options);
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
      gradient: mseGradientOracle,
      loss: mseOracle,
    });
    if ("unexplained" in replay) {
      fail({
        called: `${called}.lossHistory`,
        got: `${describeValue(got.lossHistory)}: the loss after epoch ${replay.unexplained + 1} comes from no split of the 5 examples into batches of sizes 2, 2, 1`,
        expected:
          "each epoch: shuffle 0 … 4, cut into consecutive batches of batchSize (the last one shorter), one step w ← w − γ·gradW, b ← b − γ·gradB per batch with that batch's mean gradient, then the whole-data loss",
        why: "check the order of the steps: every example once per epoch, a step after each batch (not one per epoch), the gradient of the batch's mean loss (not of the whole data), the loss recorded after the epoch",
      });
    }
    const { sameEveryEpoch, finals } = replay as Exclude<typeof replay, { unexplained: number }>;
    check(sameEveryEpoch === undefined, {
      called,
      got: `the same batches in all ${epochs} epochs: ${sameEveryEpoch}`,
      expected: "fresh batches every epoch, drawn from one generator created once for the whole run",
      why: "create the generator once with createRng(seed), before the first epoch, and draw new batches from it every epoch (a generator re-created each epoch, or batches drawn once, repeats the same order)",
    });
    const d = X[0]!.length;
    const theta = [...(Array.isArray(got.w) ? got.w : []), got.b];
    check(
      finals.some((f) => f.length === theta.length && f.every((v, j) => isNear(theta[j], v))),
      {
        called: `${called}: [...w, b]`,
        got: describeValue(theta),
        expected: `the weights the recorded losses lead to, e.g. ${describeValue(finals[0])} (${d} weights, then b)`,
        why: "return the w and b of the last step",
      },
    );
  });

  it("returns the zero model and an empty lossHistory for epochs: 0", () => {
    const rng = suiteRng("train zero epochs");
    const { X, y } = linearData(rng, { n: 6, weights: TRUE_W, bias: TRUE_B, noise: 0.5 });
    expectZeroModel(learner.trainLinearRegression(X, y, { learningRate: 0.1, epochs: 0 }), 3);
  });

  it("rejects a learningRate that is not positive, an epochs that is not a whole number ≥ 0 and a bad batchSize", () => {
    const X = [[1], [2], [3]];
    const y = [1, 2, 3];
    const { rangeError } = learner.trainLinearRegression;
    rangeError("learningRate must be positive", X, y, { learningRate: 0, epochs: 3 });
    rangeError("learningRate must be positive", X, y, { learningRate: -0.1, epochs: 3 });
    rangeError("epochs must be a whole number", X, y, { learningRate: 0.1, epochs: 2.5 });
    rangeError("epochs must be ≥ 0", X, y, { learningRate: 0.1, epochs: -1 });
    learner.trainLinearRegression.anyRangeError(
      "batchSize must be a positive integer (from miniBatches)",
      X,
      y,
      { learningRate: 0.1, epochs: 2, batchSize: 0 },
    );
  });

  it("rejects empty or mismatched data", () => {
    const options = { learningRate: 0.1, epochs: 1 };
    learner.trainLinearRegression.rangeError("empty data", [], [], options);
    learner.trainLinearRegression.rangeError("y has the wrong length", [[1], [2]], [1], options);
  });
});

task("normal-equation", () => {
  const tolerance = { rtol: CLOSED_FORM_RTOL, atol: CLOSED_FORM_ATOL };
  const interceptWhy = (b: unknown) => () =>
    b === 0 ? "b is exactly 0: append a column of ones to X so that the bias is fitted too" : undefined;

  it("solves a hand-checked line fit", () => {
    const { value: got, called } = learner.normalEquation([[1], [2], [3]], [2, 3, 6]);
    expectVectorClose(got?.w, [2], {
      called: `${called}.w`,
      oracle: "slope Σ(x − x̄)(y − ȳ) / Σ(x − x̄)² = 4/2",
      ...tolerance,
      why: interceptWhy(got?.b),
    });
    expectClose(got.b, -1 / 3, {
      called: `${called}.b`,
      oracle: "ȳ − w·x̄ = 11/3 − 4",
      ...tolerance,
      why: interceptWhy(got.b),
    });
  });

  it("recovers the exact weights of noise-free data", () => {
    const rng = suiteRng("normal equation exact");
    const w = rng.normalVector(3, 2);
    const b = rng.normal(0, 2);
    const { X, y } = linearData(rng, { n: 10, weights: w, bias: b, noise: 0 });
    const { value: got, called } = learner.normalEquation(X, y);
    expectVectorClose(got?.w, w, {
      called: `${called}.w`,
      oracle: "the weights that generated y = X·w + b",
      ...tolerance,
      why: interceptWhy(got?.b),
    });
    expectClose(got.b, b, {
      called: `${called}.b`,
      oracle: "the bias that generated y",
      ...tolerance,
      why: interceptWhy(got.b),
    });
  });

  it("finds the least-squares fit of noisy data", () => {
    const rng = suiteRng("normal equation noisy");
    for (const d of [1, 4]) {
      const { X, y } = linearData(rng, {
        n: 25,
        weights: rng.normalVector(d, 2),
        bias: rng.normal(),
        noise: 1,
      });
      const { value: got, called } = learner.normalEquation(X, y);
      const best = leastSquares(X, y);
      const oracle = "least squares through centred data, solved in the suite";
      expectVectorClose(got?.w, best.w, {
        called: `${called}.w`,
        oracle,
        ...tolerance,
        why: interceptWhy(got?.b),
      });
      expectClose(got.b, best.b, { called: `${called}.b`, oracle, ...tolerance });
    }
  });

  it("rejects empty or mismatched data", () => {
    learner.normalEquation.rangeError("empty data", [], []);
    learner.normalEquation.rangeError("y has the wrong length", [[1], [2], [3]], [1, 2]);
  });

  it("rejects a singular system (a feature that repeats the bias column)", () => {
    const X = [[1], [1], [1]];
    learner.normalEquation.anyRangeError(
      "AᵀA is singular (the feature is constant, so it repeats the column of ones)",
      X,
      [1, 2, 3],
    );
  });
});
