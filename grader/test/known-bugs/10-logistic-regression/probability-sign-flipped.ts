/** Known bug: σ(−z) = 1/(1 + e^z), the probability of the other class. */
import type { Matrix, Vector } from "@calcml/math";
import { predictProbability as correct } from "../../../../solutions/10-logistic-regression/logistic-regression.ts";

export * from "../../../../solutions/10-logistic-regression/logistic-regression.ts";
export const knownBug = { task: "predict-probability", feedback: /sign of z is flipped/ };

export function predictProbability(X: Matrix, w: Vector, b: number): number[] {
  return correct(X, w, b).map((p) => 1 - p);
}
