/** Known bug: predictions forget the bias, ŷ = X·w. */
import type { Matrix, Vector } from "@calcml/math";
import { predictLinear as correct } from "../../../../solutions/09-linear-regression/linear-regression.ts";

export * from "../../../../solutions/09-linear-regression/linear-regression.ts";
export const knownBug = { task: "predict-linear", feedback: /bias b is missing/ };

export function predictLinear(X: Matrix, w: Vector, b: number): number[] {
  correct(X, w, b); // keeps the shape checks
  return X.map((row) => row.reduce((s, x, j) => s + x * w[j]!, 0));
}
