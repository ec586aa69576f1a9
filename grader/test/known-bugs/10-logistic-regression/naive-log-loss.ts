/** Known bug: the loss as −[y·log p + (1 − y)·log(1 − p)], which is log(0) at saturated logits. */
import type { Matrix, Vector } from "@calcml/math";
import {
  logisticLossAndGradient as correct,
  predictProbability,
} from "../../../../solutions/10-logistic-regression/logistic-regression.ts";

export * from "../../../../solutions/10-logistic-regression/logistic-regression.ts";
export const knownBug = { task: "logistic-loss-and-gradient", feedback: /log\(0\)/ };

export function logisticLossAndGradient(X: Matrix, y: Vector, w: Vector, b: number, l2 = 0) {
  const { gradW, gradB } = correct(X, y, w, b, l2);
  const p = predictProbability(X, w, b);
  const data =
    p.reduce((s, pi, i) => s - (y[i]! * Math.log(pi) + (1 - y[i]!) * Math.log(1 - pi)), 0) / X.length;
  return { loss: data + 0.5 * l2 * w.reduce((s, v) => s + v * v, 0), gradW, gradB };
}
