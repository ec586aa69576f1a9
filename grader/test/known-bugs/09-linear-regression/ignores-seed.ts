/** Known bug: the seed option is ignored; every run shuffles as if seed were 0. */
import type { Matrix, Vector } from "@calcml/math";
import {
  trainLinearRegression as correct,
  type LinearTrainOptions,
} from "../../../../solutions/09-linear-regression/linear-regression.ts";

export * from "../../../../solutions/09-linear-regression/linear-regression.ts";
export const knownBug = { task: "train-linear-regression", feedback: /seed must drive/ };

export function trainLinearRegression(X: Matrix, y: Vector, options: LinearTrainOptions) {
  return correct(X, y, { ...options, seed: 0 });
}
