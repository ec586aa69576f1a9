/** Known bug: the log-loss and its gradient sum over the examples instead of averaging. */
import type { Matrix, Vector } from "@calcml/math";
import { logisticLossAndGradient as correct } from "../../../../solutions/10-logistic-regression/logistic-regression.ts";

export * from "../../../../solutions/10-logistic-regression/logistic-regression.ts";
export const knownBug = { task: "logistic-loss-and-gradient", feedback: /divide by n/ };

export function logisticLossAndGradient(X: Matrix, y: Vector, w: Vector, b: number, l2 = 0) {
  const n = X.length;
  const { loss, gradW, gradB } = correct(X, y, w, b, 0);
  const penalty = 0.5 * l2 * w.reduce((s, v) => s + v * v, 0);
  return { loss: n * loss + penalty, gradW: gradW.map((g, j) => n * g + l2 * w[j]!), gradB: n * gradB };
}
