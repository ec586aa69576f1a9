/** Known bug: the penalty is l2·‖w‖² (its gradient 2·l2·w matches it), not ½·l2·‖w‖². */
import type { Matrix, Vector } from "@calcml/math";
import { logisticLossAndGradient as correct } from "../../../../solutions/10-logistic-regression/logistic-regression.ts";

export * from "../../../../solutions/10-logistic-regression/logistic-regression.ts";
export const knownBug = { task: "logistic-loss-and-gradient", feedback: /should be ½·l2·‖w‖²/ };

export function logisticLossAndGradient(X: Matrix, y: Vector, w: Vector, b: number, l2 = 0) {
  const { loss, gradW, gradB } = correct(X, y, w, b, l2);
  const squaredNorm = w.reduce((s, v) => s + v * v, 0);
  return { loss: loss + 0.5 * l2 * squaredNorm, gradW: gradW.map((g, j) => g + l2 * w[j]!), gradB };
}
