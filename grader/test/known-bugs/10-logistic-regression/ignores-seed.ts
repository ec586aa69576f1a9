/** Known bug: the seed option is ignored; every run shuffles as if seed were 0. */
import type { Matrix, Vector } from "@calcml/math";
import {
  trainLogisticRegression as correct,
  type LogisticTrainOptions,
} from "../../../../solutions/10-logistic-regression/logistic-regression.ts";

export * from "../../../../solutions/10-logistic-regression/logistic-regression.ts";
export const knownBug = { task: "train-logistic-regression", feedback: /seed must drive/ };

export function trainLogisticRegression(X: Matrix, y: Vector, options: LogisticTrainOptions) {
  return correct(X, y, { ...options, seed: 0 });
}
