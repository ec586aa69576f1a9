/** Known bug: the L2 penalty covers the bias too: ½·l2·(‖w‖² + b²). */
import type { Matrix, Vector } from "@calcml/math";
import { logisticLossAndGradient as correct } from "../../../../solutions/10-logistic-regression/logistic-regression.ts";

export * from "../../../../solutions/10-logistic-regression/logistic-regression.ts";
export const knownBug = { task: "logistic-loss-and-gradient", feedback: /bias is penalised/ };

export function logisticLossAndGradient(X: Matrix, y: Vector, w: Vector, b: number, l2 = 0) {
  const { loss, gradW, gradB } = correct(X, y, w, b, l2);
  return { loss: loss + 0.5 * l2 * b * b, gradW, gradB: gradB + l2 * b };
}
