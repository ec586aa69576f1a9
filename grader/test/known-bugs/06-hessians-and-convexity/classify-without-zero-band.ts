/** Known bug: eigenvalues compared with exactly 0, so tiny ones from rounding never count as zero. */
import { eigSym, type Matrix } from "@calcml/math";

export * from "../../../../solutions/06-hessians-and-convexity/hessians-and-convexity.ts";
export const knownBug = { task: "classify-critical-point", feedback: /zero band/i };

export function classifyCriticalPoint(
  H: Matrix,
  _tolerance = 1e-8,
): "minimum" | "maximum" | "saddle" | "degenerate" {
  if (H.length === 0 || H.some((row) => row.length !== H.length)) {
    throw new RangeError("classifyCriticalPoint: H must be square");
  }
  const values = eigSym(H).values;
  const positive = values.some((v) => v > 0);
  const negative = values.some((v) => v < 0);
  if (positive && negative) return "saddle";
  if (values.some((v) => v === 0)) return "degenerate";
  return positive ? "minimum" : "maximum";
}
