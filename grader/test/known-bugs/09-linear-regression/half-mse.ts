/** Known bug: the loss is ½·MSE (with its matching gradient), not the lesson's plain mean. */
import type { Matrix, Vector } from "@calcml/math";
import { linearLossAndGradient as correct } from "../../../../solutions/09-linear-regression/linear-regression.ts";

export * from "../../../../solutions/09-linear-regression/linear-regression.ts";
export const knownBug = { task: "linear-loss-and-gradient", feedback: /½·MSE/ };

export function linearLossAndGradient(X: Matrix, y: Vector, w: Vector, b: number) {
  const { loss, gradW, gradB } = correct(X, y, w, b);
  return { loss: loss / 2, gradW: gradW.map((g) => g / 2), gradB: gradB / 2 };
}
