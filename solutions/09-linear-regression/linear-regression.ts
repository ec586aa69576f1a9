/**
 * Lesson 09: least squares with (mini-batch) gradient descent.
 *
 * A linear model predicts `ŷ = X·w + b`. Training it means making the mean squared error small:
 * first by following its gradient (in mini-batches), then in one shot with the normal equations.
 * Run `pnpm grade 09`; stuck on task 3? `pnpm hint 09 3`.
 */
import { createRng, type Matrix, type Rng, solve, type Vector } from "@calcml/math";

/** A fitted linear model: weights `w` (one per feature) and a bias `b`. */
export interface LinearModel {
  w: number[];
  b: number;
}

/** The mean squared error of a model on some data, and its gradient with respect to `w` and `b`. */
export interface LossAndGradient {
  loss: number;
  gradW: number[];
  gradB: number;
}

/** How {@link trainLinearRegression} trains. */
export interface LinearTrainOptions {
  /** The step size γ of every update `w ← w − γ·gradW`, `b ← b − γ·gradB`. Must be > 0. */
  learningRate: number;
  /** How many passes over the data (an integer ≥ 0). */
  epochs: number;
  /** Examples per update; default: all of them (plain, full-batch gradient descent). */
  batchSize?: number | undefined;
  /** Seed of the generator that shuffles the examples; default 0. */
  seed?: number | undefined;
}

/** A trained model and the loss on the whole data after each epoch. */
export interface TrainResult extends LinearModel {
  lossHistory: number[];
}
// BEGIN HIDE

/** Checks that X and y hold n ≥ 1 examples of `features` features each; returns n. */
function checkData(name: string, X: Matrix, y: Vector, features: number): number {
  const n = X.length;
  if (n === 0) throw new RangeError(`${name}: the data is empty (X has no rows)`);
  if (y.length !== n) throw new RangeError(`${name}: X has ${n} rows but y has ${y.length} entries`);
  X.forEach((row, i) => {
    if (row.length !== features) {
      throw new RangeError(`${name}: row ${i} of X has ${row.length} features, expected ${features}`);
    }
  });
  return n;
}
// END HIDE

/**
 * Task 1. Predictions of a linear model: `ŷᵢ = xᵢ·w + b` for every row `xᵢ` of `X`.
 *
 * @param X one example per row (n × d).
 * @param w the d weights.
 * @param b the bias.
 * @returns n predictions (an empty `X` gives `[]`).
 * @throws RangeError when a row of `X` does not have `w.length` entries.
 * @example predictLinear([[1, 2], [3, 4]], [10, 1], 0.5) // [12.5, 34.5]
 */
export function predictLinear(X: Matrix, w: Vector, b: number): number[] {
  // BEGIN SOLUTION: check each row has w.length features, then return each row's dot product with w, plus b.
  return X.map((row, i) => {
    if (row.length !== w.length) {
      throw new RangeError(`predictLinear: row ${i} of X has ${row.length} features but w has ${w.length}`);
    }
    let s = b;
    for (let j = 0; j < row.length; j++) s += row[j]! * w[j]!;
    return s;
  });
  // END SOLUTION
}

/**
 * Task 2. Mean squared error and its gradient. With residuals `rᵢ = ŷᵢ − yᵢ`:
 * `loss = (1/n)·Σ rᵢ²`, `gradW = (2/n)·Xᵀr`, `gradB = (2/n)·Σ rᵢ` (no ½ in the loss).
 *
 * @throws RangeError when the data is empty, `y` has not one entry per row, or a row has not `w.length` entries.
 * @example linearLossAndGradient([[1], [2]], [2, 4], [1], 0) // { loss: 2.5, gradW: [-5], gradB: -3 }
 */
export function linearLossAndGradient(X: Matrix, y: Vector, w: Vector, b: number): LossAndGradient {
  // BEGIN SOLUTION: compute the residuals ŷ − y, then the mean of their squares, (2/n)·Xᵀr and (2/n)·Σr.
  const n = checkData("linearLossAndGradient", X, y, w.length);
  const r = predictLinear(X, w, b).map((p, i) => p - y[i]!);
  let loss = 0;
  let gradB = 0;
  const gradW = new Array<number>(w.length).fill(0);
  r.forEach((ri, i) => {
    loss += ri * ri;
    gradB += ri;
    X[i]!.forEach((xij, j) => {
      gradW[j]! += xij * ri;
    });
  });
  return { loss: loss / n, gradW: gradW.map((g) => (2 * g) / n), gradB: (2 * gradB) / n };
  // END SOLUTION
}

/**
 * Task 3. Shuffled mini-batches: a random partition of the indices `0 … n−1` into consecutive
 * batches of `batchSize`; the last batch holds what is left (it may be shorter). Every index
 * appears exactly once. All randomness comes from `rng`, so the same seed gives the same batches.
 *
 * @throws RangeError when `n` or `batchSize` is not a positive integer.
 * @example miniBatches(5, 2, createRng(0)) // [[1, 4], [2, 0], [3]] when shuffling with rng.shuffle (sizes 2, 2, 1)
 */
export function miniBatches(n: number, batchSize: number, rng: Rng): number[][] {
  // BEGIN SOLUTION: check n and batchSize, shuffle [0, 1, …, n−1] with rng, then cut it into slices of batchSize.
  if (!Number.isInteger(n) || n <= 0)
    throw new RangeError(`miniBatches: n must be a positive integer (got ${n})`);
  if (!Number.isInteger(batchSize) || batchSize <= 0) {
    throw new RangeError(`miniBatches: batchSize must be a positive integer (got ${batchSize})`);
  }
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  const batches: number[][] = [];
  for (let start = 0; start < n; start += batchSize) batches.push(order.slice(start, start + batchSize));
  return batches;
  // END SOLUTION
}

/**
 * Task 4. Mini-batch gradient descent on the mean squared error. Starts from `w = 0`, `b = 0`; one
 * generator `createRng(seed)` shuffles every epoch; each batch takes one step
 * `w ← w − γ·gradW`, `b ← b − γ·gradB` with the gradient of that batch's mean loss. After each
 * epoch, the loss on the **whole** data goes into `lossHistory` (so it has `epochs` entries).
 *
 * @param options `learningRate` γ, `epochs`, `batchSize` (default: all n examples), `seed` (default 0).
 * @throws RangeError on empty or mismatched data, a `learningRate` ≤ 0 or an `epochs` that is not a whole
 * number ≥ 0 (a bad `batchSize` throws from `miniBatches`).
 * @example trainLinearRegression([[0], [1], [2]], [1, 3, 5], { learningRate: 0.1, epochs: 500 }) // w ≈ [2], b ≈ 1
 */
export function trainLinearRegression(X: Matrix, y: Vector, options: LinearTrainOptions): TrainResult {
  // BEGIN SOLUTION: start at zero; per epoch, update on every mini-batch, then push the loss on all the data.
  const d = X[0]?.length ?? 0;
  const n = checkData("trainLinearRegression", X, y, d);
  const { learningRate, epochs, batchSize = n, seed = 0 } = options;
  if (!(learningRate > 0))
    throw new RangeError(`trainLinearRegression: learningRate must be > 0 (got ${learningRate})`);
  if (!Number.isInteger(epochs) || epochs < 0) {
    throw new RangeError(`trainLinearRegression: epochs must be an integer >= 0 (got ${epochs})`);
  }
  const rng = createRng(seed);
  let w = new Array<number>(d).fill(0);
  let b = 0;
  const lossHistory: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const batch of miniBatches(n, batchSize, rng)) {
      const g = linearLossAndGradient(
        batch.map((i) => X[i]!),
        batch.map((i) => y[i]!),
        w,
        b,
      );
      w = w.map((wj, j) => wj - learningRate * g.gradW[j]!);
      b -= learningRate * g.gradB;
    }
    lossHistory.push(linearLossAndGradient(X, y, w, b).loss);
  }
  return { w, b, lossHistory };
  // END SOLUTION
}

/**
 * Task 5. The least-squares fit in closed form. Append a column of ones to `X` (call it `A`, so
 * `θ = [w…, b]`); the best `θ` solves the normal equations `AᵀA·θ = Aᵀy`: `solve(AᵀA, Aᵀy)` from `@calcml/math`.
 *
 * @throws RangeError on empty or mismatched data, or when `AᵀA` is singular (fewer examples than
 * `d + 1`, or a feature that is a combination of the others).
 * @example normalEquation([[0], [1], [2]], [1, 3, 5]) // { w: [2], b: 1 }
 */
export function normalEquation(X: Matrix, y: Vector): LinearModel {
  // BEGIN SOLUTION: build AᵀA and Aᵀy with a column of ones for the bias, solve, then split θ into w and b.
  const d = X[0]?.length ?? 0;
  checkData("normalEquation", X, y, d);
  const A = X.map((row) => [...row, 1]);
  const k = d + 1;
  const AtA = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => A.reduce((s, row) => s + row[i]! * row[j]!, 0)),
  );
  const Aty = Array.from({ length: k }, (_, i) => A.reduce((s, row, r) => s + row[i]! * y[r]!, 0));
  let theta: number[];
  try {
    theta = solve(AtA, Aty);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new RangeError(`normalEquation: XᵀX (with the bias column) is singular (${why})`);
  }
  return { w: theta.slice(0, d), b: theta[d]! };
  // END SOLUTION
}
