/**
 * Second solution of lesson 10, written from the README and the stub only: it must earn full marks.
 * Loops and index lists instead of copied sub-matrices; the loss as softplus(z) − y·z.
 */
import { createRng, type Matrix, type Vector } from "@calcml/math";

export interface LossAndGradient {
  loss: number;
  gradW: number[];
  gradB: number;
}

export interface LogisticTrainOptions {
  learningRate: number;
  epochs: number;
  batchSize?: number | undefined;
  l2?: number | undefined;
  seed?: number | undefined;
}

export interface TrainResult {
  w: number[];
  b: number;
  lossHistory: number[];
}

function logit(name: string, row: Vector, w: Vector, b: number): number {
  if (row.length !== w.length)
    throw new RangeError(`${name}: a row has ${row.length} features but w has ${w.length}`);
  let z = b;
  for (let j = 0; j < w.length; j++) z += (row[j] as number) * (w[j] as number);
  return z;
}

function checkLabelled(name: string, X: Matrix, y: Vector): void {
  if (X.length === 0) throw new RangeError(`${name}: no examples`);
  if (y.length !== X.length)
    throw new RangeError(`${name}: X has ${X.length} rows but y has ${y.length} labels`);
}

function sigma(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

export function predictProbability(X: Matrix, w: Vector, b: number): number[] {
  const out: number[] = [];
  for (const row of X) out.push(sigma(logit("predictProbability", row, w, b)));
  return out;
}

/** Loss and gradient on the rows `rows` of X (all of them when undefined). */
function lossOn(
  name: string,
  X: Matrix,
  y: Vector,
  w: Vector,
  b: number,
  l2: number,
  rows: readonly number[],
) {
  const gradW = new Array<number>(w.length).fill(0);
  let gradB = 0;
  let loss = 0;
  for (const i of rows) {
    const row = X[i] as Vector;
    const z = logit(name, row, w, b);
    const yi = y[i] as number;
    loss += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - yi * z;
    const e = sigma(z) - yi;
    for (let j = 0; j < w.length; j++) gradW[j] = (gradW[j] as number) + e * (row[j] as number);
    gradB += e;
  }
  const n = rows.length;
  let penalty = 0;
  for (let j = 0; j < w.length; j++) {
    const wj = w[j] as number;
    penalty += wj * wj;
    gradW[j] = (gradW[j] as number) / n + l2 * wj;
  }
  return { loss: loss / n + 0.5 * l2 * penalty, gradW, gradB: gradB / n };
}

export function logisticLossAndGradient(X: Matrix, y: Vector, w: Vector, b: number, l2 = 0): LossAndGradient {
  checkLabelled("logisticLossAndGradient", X, y);
  if (!(l2 >= 0)) throw new RangeError(`logisticLossAndGradient: l2 must be ≥ 0 (got ${l2})`);
  return lossOn(
    "logisticLossAndGradient",
    X,
    y,
    w,
    b,
    l2,
    X.map((_, i) => i),
  );
}

export function trainLogisticRegression(X: Matrix, y: Vector, options: LogisticTrainOptions): TrainResult {
  const name = "trainLogisticRegression";
  checkLabelled(name, X, y);
  const n = X.length;
  const { learningRate, epochs } = options;
  const batchSize = options.batchSize ?? n;
  const l2 = options.l2 ?? 0;
  if (!(learningRate > 0))
    throw new RangeError(`${name}: learningRate must be positive (got ${learningRate})`);
  if (!(Number.isInteger(epochs) && epochs >= 0))
    throw new RangeError(`${name}: epochs must be a whole number ≥ 0 (got ${epochs})`);
  if (!(Number.isInteger(batchSize) && batchSize > 0))
    throw new RangeError(`${name}: batchSize must be a positive whole number (got ${batchSize})`);
  const d = (X[0] as Vector).length;
  const rng = createRng(options.seed ?? 0);
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const all = X.map((_, i) => i);
  const lossHistory: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = rng.shuffle(all);
    for (let start = 0; start < n; start += batchSize) {
      const g = logisticLossAndGradient(
        order.slice(start, start + batchSize).map((i) => X[i] as Vector),
        order.slice(start, start + batchSize).map((i) => y[i] as number),
        w,
        b,
        l2,
      );
      for (let j = 0; j < d; j++) w[j] = (w[j] as number) - learningRate * (g.gradW[j] as number);
      b -= learningRate * g.gradB;
    }
    lossHistory.push(lossOn(name, X, y, w, b, l2, all).loss);
  }
  return { w: [...w], b, lossHistory };
}

export function accuracy(probabilities: Vector, labels: Vector, threshold = 0.5): number {
  if (probabilities.length === 0) throw new RangeError("accuracy: empty inputs");
  if (probabilities.length !== labels.length)
    throw new RangeError(`accuracy: ${probabilities.length} probabilities but ${labels.length} labels`);
  let right = 0;
  for (let i = 0; i < labels.length; i++) {
    const decision = (probabilities[i] as number) >= threshold ? 1 : 0;
    if (decision === labels[i]) right++;
  }
  return right / labels.length;
}
