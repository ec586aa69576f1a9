/** Known bug: returns how many predictions are right, not the share. */
import type { Vector } from "@calcml/math";
import { accuracy as correct } from "../../../../solutions/10-logistic-regression/logistic-regression.ts";

export * from "../../../../solutions/10-logistic-regression/logistic-regression.ts";
export const knownBug = { task: "accuracy", feedback: /divide by n/ };

export function accuracy(probabilities: Vector, labels: Vector, threshold = 0.5): number {
  return correct(probabilities, labels, threshold) * probabilities.length;
}
