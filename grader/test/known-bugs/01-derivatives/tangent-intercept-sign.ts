/** Known bug: the intercept adds slope·x0 instead of subtracting it. */
import type { ScalarFn } from "@calcml/math";

export * from "../../../../solutions/01-derivatives/derivatives.ts";
export const knownBug = { task: "tangent-line", feedback: /sign error/i };

export function tangentLine(f: ScalarFn, df: ScalarFn, x0: number): { slope: number; intercept: number } {
  const slope = df(x0);
  return { slope, intercept: f(x0) + slope * x0 };
}
