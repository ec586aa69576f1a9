/** Known bug: lossHistory starts with the loss at w = 0 (epochs + 1 entries). */
import type { Matrix, Vector } from "@calcml/math";
import {
  trainLinearRegression as correct,
  type LinearTrainOptions,
  linearLossAndGradient,
} from "../../../../solutions/09-linear-regression/linear-regression.ts";

export * from "../../../../solutions/09-linear-regression/linear-regression.ts";
export const knownBug = { task: "train-linear-regression", feedback: /epochs \+ 1 entries/ };

export function trainLinearRegression(X: Matrix, y: Vector, options: LinearTrainOptions) {
  const result = correct(X, y, options);
  const start = linearLossAndGradient(X, y, new Array<number>(X[0]!.length).fill(0), 0).loss;
  return { ...result, lossHistory: [start, ...result.lossHistory] };
}
