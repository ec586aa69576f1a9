/** Known bug: a probability exactly at the threshold predicts 0 (p > threshold instead of ≥). */
import type { Vector } from "@calcml/math";
import { accuracy as correct } from "../../../../solutions/10-logistic-regression/logistic-regression.ts";

export * from "../../../../solutions/10-logistic-regression/logistic-regression.ts";
export const knownBug = { task: "accuracy", feedback: /≥, not >/ };

export function accuracy(probabilities: Vector, labels: Vector, threshold = 0.5): number {
  correct(probabilities, labels, threshold); // keeps the input checks
  return probabilities.filter((p, i) => (p > threshold ? 1 : 0) === labels[i]).length / probabilities.length;
}
