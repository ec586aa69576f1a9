/**
 * Lesson 10: classification by gradient descent.
 *
 * Logistic regression squashes a linear score `z = x·w + b` into a probability `σ(z)` and is trained
 * by gradient descent on the mean log-loss (binary cross-entropy), optionally with an L2 penalty.
 * Run `pnpm grade 10`; stuck on task 2? `pnpm hint 10 2`.
 */
import { createRng, type Matrix, type Vector } from "@calcml/math";

/** The mean log-loss of a model on some data (plus the L2 penalty), and its gradient. */
export interface LossAndGradient {
  loss: number;
  gradW: number[];
  gradB: number;
}

/** How {@link trainLogisticRegression} trains. */
export interface LogisticTrainOptions {
  /** The step size γ of every update. Must be > 0. */
  learningRate: number;
  /** How many passes over the data (an integer ≥ 0). */
  epochs: number;
  /** Examples per update; default: all of them (full-batch gradient descent). */
  batchSize?: number | undefined;
  /** Strength λ of the L2 penalty `½·λ·‖w‖²` (never on the bias); default 0. */
  l2?: number | undefined;
  /** Seed of the generator that shuffles the examples; default 0. */
  seed?: number | undefined;
}

/** A trained classifier and the loss on the whole data after each epoch. */
export interface TrainResult {
  w: number[];
  b: number;
  lossHistory: number[];
}
// BEGIN HIDE

/** σ(z) = 1/(1 + e^(−z)), never computing e to a large positive power. */
function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** log(1 + e^z) without overflow: max(z, 0) + log(1 + e^(−|z|)). */
function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/** The logits x·w + b of every row, after checking the shapes; `name` goes into error messages. */
function logits(name: string, X: Matrix, w: Vector, b: number): number[] {
  return X.map((row, i) => {
    if (row.length !== w.length) {
      throw new RangeError(`${name}: row ${i} of X has ${row.length} features but w has ${w.length}`);
    }
    let z = b;
    for (let j = 0; j < row.length; j++) z += row[j]! * w[j]!;
    return z;
  });
}

/** Checks that X and y hold n ≥ 1 examples; returns n. */
function checkData(name: string, X: Matrix, y: Vector): number {
  if (X.length === 0) throw new RangeError(`${name}: the data is empty (X has no rows)`);
  if (y.length !== X.length)
    throw new RangeError(`${name}: X has ${X.length} rows but y has ${y.length} labels`);
  return X.length;
}
// END HIDE

/**
 * Task 1. Predicted probabilities `pᵢ = σ(xᵢ·w + b)` with `σ(z) = 1 / (1 + e^(−z))`, computed so that
 * no logit, however large (±1000), gives `NaN` or `Infinity`.
 *
 * @returns one probability in [0, 1] per row of `X` (an empty `X` gives `[]`).
 * @throws RangeError when a row of `X` does not have `w.length` entries.
 * @example predictProbability([[0], [2]], [1], 0) // [0.5, 0.8807970779778823]
 */
export function predictProbability(X: Matrix, w: Vector, b: number): number[] {
  // BEGIN SOLUTION: compute each logit z = x·w + b, then a sigmoid that only ever exponentiates −|z|.
  return logits("predictProbability", X, w, b).map(sigmoid);
  // END SOLUTION
}

/**
 * Task 2. Mean log-loss (binary cross-entropy) with an optional L2 penalty, and its gradient.
 * With `zᵢ = xᵢ·w + b`, `pᵢ = σ(zᵢ)` and labels `yᵢ ∈ {0, 1}`:
 * `loss = −(1/n)·Σ [yᵢ·log pᵢ + (1 − yᵢ)·log(1 − pᵢ)] + ½·l2·‖w‖²`,
 * `gradW = (1/n)·Xᵀ(p − y) + l2·w`, `gradB = (1/n)·Σ (pᵢ − yᵢ)` (the bias is never penalised).
 * Stable: the loss stays finite and correct at logits of ±1000 (use `log(1 + e^z)` written safely).
 *
 * @param l2 the penalty strength λ ≥ 0; default 0.
 * @throws RangeError when the data is empty, `y` has not one label per row, a row has not `w.length`
 * entries, or `l2 < 0`.
 * @example logisticLossAndGradient([[1]], [1], [0], 0) // { loss: log 2 ≈ 0.6931, gradW: [-0.5], gradB: -0.5 }
 */
export function logisticLossAndGradient(X: Matrix, y: Vector, w: Vector, b: number, l2 = 0): LossAndGradient {
  // BEGIN SOLUTION: per example, loss log(1 + e^z) − y·z and error σ(z) − y; average; then add the L2 terms to w only.
  const n = checkData("logisticLossAndGradient", X, y);
  if (!(l2 >= 0)) throw new RangeError(`logisticLossAndGradient: l2 must be >= 0 (got ${l2})`);
  const z = logits("logisticLossAndGradient", X, w, b);
  let loss = 0;
  let gradB = 0;
  const gradW = new Array<number>(w.length).fill(0);
  z.forEach((zi, i) => {
    const yi = y[i]!;
    loss += softplus(zi) - yi * zi;
    const error = sigmoid(zi) - yi;
    gradB += error;
    X[i]!.forEach((xij, j) => {
      gradW[j]! += xij * error;
    });
  });
  const squaredNorm = w.reduce((s, wj) => s + wj * wj, 0);
  return {
    loss: loss / n + 0.5 * l2 * squaredNorm,
    gradW: gradW.map((g, j) => g / n + l2 * w[j]!),
    gradB: gradB / n,
  };
  // END SOLUTION
}

/**
 * Task 3. Mini-batch gradient descent on the log-loss, with the conventions of lesson 09's
 * `trainLinearRegression`: start from `w = 0`, `b = 0`; one generator `createRng(seed)` shuffles the
 * examples into batches every epoch; one step per batch with that batch's mean gradient (L2 included);
 * after each epoch, push the loss on the whole data (L2 term included) to `lossHistory`.
 *
 * @param options `learningRate`, `epochs`, `batchSize` (default: all n), `l2` (default 0), `seed` (default 0).
 * @throws RangeError on empty or mismatched data, a `learningRate` ≤ 0, an `epochs` that is not a whole
 * number ≥ 0 or a `batchSize` that is not a positive whole number (a negative `l2` throws from
 * `logisticLossAndGradient`).
 * @example trainLogisticRegression([[-1], [1]], [0, 1], { learningRate: 1, epochs: 100 }).w[0] // > 0
 */
export function trainLogisticRegression(X: Matrix, y: Vector, options: LogisticTrainOptions): TrainResult {
  // BEGIN SOLUTION: start at zero; per epoch, shuffle into batches and step on each; then push the whole-data loss.
  const n = checkData("trainLogisticRegression", X, y);
  const d = X[0]!.length;
  const { learningRate, epochs, batchSize = n, l2 = 0, seed = 0 } = options;
  const where = "trainLogisticRegression";
  if (!(learningRate > 0)) throw new RangeError(`${where}: learningRate must be > 0 (got ${learningRate})`);
  if (!Number.isInteger(epochs) || epochs < 0) {
    throw new RangeError(`${where}: epochs must be an integer >= 0 (got ${epochs})`);
  }
  if (!Number.isInteger(batchSize) || batchSize <= 0) {
    throw new RangeError(`${where}: batchSize must be a positive integer (got ${batchSize})`);
  }
  const rng = createRng(seed);
  let w = new Array<number>(d).fill(0);
  let b = 0;
  const lossHistory: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
    for (let start = 0; start < n; start += batchSize) {
      const batch = order.slice(start, start + batchSize);
      const g = logisticLossAndGradient(
        batch.map((i) => X[i]!),
        batch.map((i) => y[i]!),
        w,
        b,
        l2,
      );
      w = w.map((wj, j) => wj - learningRate * g.gradW[j]!);
      b -= learningRate * g.gradB;
    }
    lossHistory.push(logisticLossAndGradient(X, y, w, b, l2).loss);
  }
  return { w, b, lossHistory };
  // END SOLUTION
}

/**
 * Task 4. The share of examples classified correctly: example i is predicted 1 when
 * `probabilities[i] ≥ threshold`, else 0, and is correct when that equals `labels[i]`.
 *
 * @param threshold default 0.5 (a probability exactly at the threshold predicts 1).
 * @returns a number in [0, 1].
 * @throws RangeError when the inputs are empty or differ in length.
 * @example accuracy([0.9, 0.4, 0.5, 0.2], [1, 0, 0, 0]) // 0.75 (0.5 predicts 1, wrongly)
 */
export function accuracy(probabilities: Vector, labels: Vector, threshold = 0.5): number {
  // BEGIN SOLUTION: check the lengths, threshold each probability, count matches with the labels, divide by n.
  const n = probabilities.length;
  if (n === 0) throw new RangeError("accuracy: no probabilities given");
  if (labels.length !== n) throw new RangeError(`accuracy: ${n} probabilities but ${labels.length} labels`);
  let correct = 0;
  probabilities.forEach((p, i) => {
    if ((p >= threshold ? 1 : 0) === labels[i]) correct += 1;
  });
  return correct / n;
  // END SOLUTION
}
