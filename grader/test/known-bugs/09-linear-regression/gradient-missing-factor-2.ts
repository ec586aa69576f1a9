/** Known bug: the gradient drops the 2 of the square: gradW = (1/n)·Xᵀr, gradB = (1/n)·Σr. */
import type { Matrix, Vector } from "@calcml/math";
import { linearLossAndGradient as correct } from "../../../../solutions/09-linear-regression/linear-regression.ts";

export * from "../../../../solutions/09-linear-regression/linear-regression.ts";
export const knownBug = { task: "linear-loss-and-gradient", feedback: /factor 2/ };

export function linearLossAndGradient(X: Matrix, y: Vector, w: Vector, b: number) {
  const { loss, gradW, gradB } = correct(X, y, w, b);
  return { loss, gradW: gradW.map((g) => g / 2), gradB: gradB / 2 };
}
