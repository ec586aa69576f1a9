/** Known bug: the training step shrinks the bias too (b ← b − γ·(gradB + l2·b)). */
import { createRng, type Matrix, type Vector } from "@calcml/math";
import {
  trainLogisticRegression as correct,
  type LogisticTrainOptions,
  logisticLossAndGradient,
} from "../../../../solutions/10-logistic-regression/logistic-regression.ts";

export * from "../../../../solutions/10-logistic-regression/logistic-regression.ts";
export const knownBug = { task: "train-logistic-regression", feedback: /bias is penalised/ };

export function trainLogisticRegression(X: Matrix, y: Vector, options: LogisticTrainOptions) {
  correct(X, y, { ...options, epochs: 0 }); // keeps the input checks
  const { learningRate, epochs, batchSize = X.length, l2 = 0, seed = 0 } = options;
  const rng = createRng(seed);
  const n = X.length;
  let w = new Array<number>(X[0]!.length).fill(0);
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
      b -= learningRate * (g.gradB + l2 * b);
    }
    lossHistory.push(logisticLossAndGradient(X, y, w, b, l2).loss + 0.5 * l2 * b * b);
  }
  return { w, b, lossHistory };
}
