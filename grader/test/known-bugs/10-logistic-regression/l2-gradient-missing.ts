/** Known bug: the loss has the L2 penalty but the gradient forgets its l2·w. */
import type { Matrix, Vector } from "@calcml/math";
import { logisticLossAndGradient as correct } from "../../../../solutions/10-logistic-regression/logistic-regression.ts";

export * from "../../../../solutions/10-logistic-regression/logistic-regression.ts";
export const knownBug = { task: "logistic-loss-and-gradient", feedback: /regularisation term missing|l2·w/ };

export function logisticLossAndGradient(X: Matrix, y: Vector, w: Vector, b: number, l2 = 0) {
  const { loss, gradW, gradB } = correct(X, y, w, b, l2);
  return { loss, gradW: gradW.map((g, j) => g - l2 * w[j]!), gradB };
}
