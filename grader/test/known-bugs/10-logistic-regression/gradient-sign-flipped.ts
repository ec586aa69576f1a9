/** Known bug: the error term is y − σ(z) instead of σ(z) − y. */
import type { Matrix, Vector } from "@calcml/math";
import { logisticLossAndGradient as correct } from "../../../../solutions/10-logistic-regression/logistic-regression.ts";

export * from "../../../../solutions/10-logistic-regression/logistic-regression.ts";
export const knownBug = { task: "logistic-loss-and-gradient", feedback: /sign/ };

export function logisticLossAndGradient(X: Matrix, y: Vector, w: Vector, b: number, l2 = 0) {
  const { loss, gradW, gradB } = correct(X, y, w, b, 0);
  return {
    loss: loss + 0.5 * l2 * w.reduce((s, v) => s + v * v, 0),
    gradW: gradW.map((g, j) => -g + l2 * w[j]!),
    gradB: -gradB,
  };
}
