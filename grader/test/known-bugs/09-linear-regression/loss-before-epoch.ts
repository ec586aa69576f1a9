/** Known bug: each epoch's loss is recorded before that epoch's updates. */
import { createRng, type Matrix, type Vector } from "@calcml/math";
import {
  trainLinearRegression as correct,
  type LinearTrainOptions,
  linearLossAndGradient,
  miniBatches,
} from "../../../../solutions/09-linear-regression/linear-regression.ts";

export * from "../../../../solutions/09-linear-regression/linear-regression.ts";
export const knownBug = { task: "train-linear-regression", feedback: /before its epoch/ };

export function trainLinearRegression(X: Matrix, y: Vector, options: LinearTrainOptions) {
  const { learningRate, epochs, batchSize = X.length, seed = 0 } = options;
  correct(X, y, { ...options, epochs: 0 }); // keeps the input checks
  const rng = createRng(seed);
  let w = new Array<number>(X[0]!.length).fill(0);
  let b = 0;
  const lossHistory: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    lossHistory.push(linearLossAndGradient(X, y, w, b).loss);
    for (const batch of miniBatches(X.length, batchSize, rng)) {
      const g = linearLossAndGradient(
        batch.map((i) => X[i]!),
        batch.map((i) => y[i]!),
        w,
        b,
      );
      w = w.map((wj, j) => wj - learningRate * g.gradW[j]!);
      b -= learningRate * g.gradB;
    }
  }
  return { w, b, lossHistory };
}
