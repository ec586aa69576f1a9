/** Known bug: the loss and its gradient sum over the examples instead of averaging. */
import type { Matrix, Vector } from "@calcml/math";
import { linearLossAndGradient as correct } from "../../../../solutions/09-linear-regression/linear-regression.ts";

export * from "../../../../solutions/09-linear-regression/linear-regression.ts";
export const knownBug = { task: "linear-loss-and-gradient", feedback: /sum .*mean|divide by n/ };

export function linearLossAndGradient(X: Matrix, y: Vector, w: Vector, b: number) {
  const n = X.length;
  const { loss, gradW, gradB } = correct(X, y, w, b);
  return { loss: n * loss, gradW: gradW.map((g) => n * g), gradB: n * gradB };
}
