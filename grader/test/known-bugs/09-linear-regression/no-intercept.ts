/** Known bug: the normal equations without the column of ones: XᵀX·w = Xᵀy and b = 0. */
import { type Matrix, solve, type Vector } from "@calcml/math";
import { normalEquation as correct } from "../../../../solutions/09-linear-regression/linear-regression.ts";

export * from "../../../../solutions/09-linear-regression/linear-regression.ts";
export const knownBug = { task: "normal-equation", feedback: /column of ones/ };

export function normalEquation(X: Matrix, y: Vector) {
  correct(X, y); // keeps the input checks
  const d = X[0]!.length;
  const XtX = Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => X.reduce((s, row) => s + row[i]! * row[j]!, 0)),
  );
  const Xty = Array.from({ length: d }, (_, i) => X.reduce((s, row, r) => s + row[i]! * y[r]!, 0));
  return { w: solve(XtX, Xty), b: 0 };
}
