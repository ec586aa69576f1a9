/**
 * Second solution of lesson 09, written from the README and the stub only: it must earn full marks.
 * Its own Fisher–Yates shuffle from `rng.int` (the README accepts any correct shuffle with `rng`),
 * the gradient accumulated per example, and the normal equations built with `matmul`/`transpose`.
 */
import {
  createRng,
  type Matrix,
  matmul,
  matvec,
  type Rng,
  solve,
  transpose,
  type Vector,
} from "@calcml/math";

export interface LinearModel {
  w: number[];
  b: number;
}

export interface LossAndGradient {
  loss: number;
  gradW: number[];
  gradB: number;
}

export interface LinearTrainOptions {
  learningRate: number;
  epochs: number;
  batchSize?: number | undefined;
  seed?: number | undefined;
}

export interface TrainResult extends LinearModel {
  lossHistory: number[];
}

function rowTimes(name: string, row: Vector, w: Vector): number {
  if (row.length !== w.length)
    throw new RangeError(`${name}: a row has ${row.length} features, w has ${w.length}`);
  let s = 0;
  for (let j = 0; j < row.length; j++) s += (row[j] as number) * (w[j] as number);
  return s;
}

function checkData(name: string, X: Matrix, y: Vector): void {
  if (X.length === 0) throw new RangeError(`${name}: no examples`);
  if (y.length !== X.length)
    throw new RangeError(`${name}: X has ${X.length} rows but y has ${y.length} entries`);
}

export function predictLinear(X: Matrix, w: Vector, b: number): number[] {
  return X.map((row) => rowTimes("predictLinear", row, w) + b);
}

export function linearLossAndGradient(X: Matrix, y: Vector, w: Vector, b: number): LossAndGradient {
  const name = "linearLossAndGradient";
  checkData(name, X, y);
  const n = X.length;
  const gradW = new Array<number>(w.length).fill(0);
  let gradB = 0;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const row = X[i] as Vector;
    const r = rowTimes(name, row, w) + b - (y[i] as number);
    loss += r * r;
    for (let j = 0; j < w.length; j++) gradW[j] = (gradW[j] as number) + (2 * r * (row[j] as number)) / n;
    gradB += (2 * r) / n;
  }
  return { loss: loss / n, gradW, gradB };
}

export function miniBatches(n: number, batchSize: number, rng: Rng): number[][] {
  if (!(Number.isInteger(n) && n > 0))
    throw new RangeError(`miniBatches: n must be a positive integer (got ${n})`);
  if (!(Number.isInteger(batchSize) && batchSize > 0))
    throw new RangeError(`miniBatches: batchSize must be a positive integer (got ${batchSize})`);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const batches: number[][] = [];
  let current: number[] = [];
  for (const index of order) {
    current.push(index);
    if (current.length === batchSize) {
      batches.push(current);
      current = [];
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

export function trainLinearRegression(X: Matrix, y: Vector, options: LinearTrainOptions): TrainResult {
  const name = "trainLinearRegression";
  checkData(name, X, y);
  const d = (X[0] as Vector).length;
  for (const row of X) if (row.length !== d) throw new RangeError(`${name}: rows of X differ in length`);
  const { learningRate, epochs } = options;
  if (!(learningRate > 0))
    throw new RangeError(`${name}: learningRate must be positive (got ${learningRate})`);
  if (!(Number.isInteger(epochs) && epochs >= 0))
    throw new RangeError(`${name}: epochs must be a whole number ≥ 0 (got ${epochs})`);
  const rng = createRng(options.seed ?? 0);
  const batchSize = options.batchSize ?? X.length;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const lossHistory: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const batch of miniBatches(X.length, batchSize, rng)) {
      const { gradW, gradB } = linearLossAndGradient(
        batch.map((i) => X[i] as Vector),
        batch.map((i) => y[i] as number),
        w,
        b,
      );
      for (let j = 0; j < d; j++) w[j] = (w[j] as number) - learningRate * (gradW[j] as number);
      b -= learningRate * gradB;
    }
    lossHistory.push(linearLossAndGradient(X, y, w, b).loss);
  }
  return { w: [...w], b, lossHistory };
}

export function normalEquation(X: Matrix, y: Vector): LinearModel {
  checkData("normalEquation", X, y);
  const d = (X[0] as Vector).length;
  for (const row of X)
    if (row.length !== d) throw new RangeError("normalEquation: rows of X differ in length");
  const A = X.map((row) => [...row, 1]);
  const At = transpose(A);
  let theta: number[];
  try {
    theta = solve(matmul(At, A), matvec(At, y));
  } catch {
    throw new RangeError("normalEquation: AᵀA is singular (too few examples, or dependent features)");
  }
  return { w: theta.slice(0, d), b: theta[d] as number };
}
