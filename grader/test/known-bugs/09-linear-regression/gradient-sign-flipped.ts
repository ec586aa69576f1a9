/** Known bug: the gradient uses the residual y − ŷ, so it points uphill's opposite. */
import type { Matrix, Vector } from "@calcml/math";
import { linearLossAndGradient as correct } from "../../../../solutions/09-linear-regression/linear-regression.ts";

export * from "../../../../solutions/09-linear-regression/linear-regression.ts";
export const knownBug = { task: "linear-loss-and-gradient", feedback: /sign/ };

export function linearLossAndGradient(X: Matrix, y: Vector, w: Vector, b: number) {
  const { loss, gradW, gradB } = correct(X, y, w, b);
  return { loss, gradW: gradW.map((g) => -g), gradB: -gradB };
}
