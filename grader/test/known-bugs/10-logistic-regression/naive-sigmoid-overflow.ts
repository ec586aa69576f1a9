/** Known bug: σ(z) = e^z / (1 + e^z), which is Infinity/Infinity = NaN once e^z overflows. */
import type { Matrix, Vector } from "@calcml/math";
import { predictProbability as correct } from "../../../../solutions/10-logistic-regression/logistic-regression.ts";

export * from "../../../../solutions/10-logistic-regression/logistic-regression.ts";
export const knownBug = { task: "predict-probability", feedback: /overflows/ };

export function predictProbability(X: Matrix, w: Vector, b: number): number[] {
  correct(X, w, b); // keeps the shape checks
  return X.map((row) => {
    const e = Math.exp(row.reduce((s, x, j) => s + x * w[j]!, b));
    return e / (1 + e);
  });
}
