/** Known bug: critical points classified by the signs of the diagonal entries, so saddles pass as minima. */
import type { Matrix } from "@calcml/math";

export * from "../../../../solutions/06-hessians-and-convexity/hessians-and-convexity.ts";
export const knownBug = { task: "classify-critical-point", feedback: /both signs.*saddle/i };

export function classifyCriticalPoint(
  H: Matrix,
  tolerance = 1e-8,
): "minimum" | "maximum" | "saddle" | "degenerate" {
  if (H.length === 0 || H.some((row) => row.length !== H.length)) {
    throw new RangeError("classifyCriticalPoint: H must be square");
  }
  const diagonal = H.map((row, i) => row[i]!);
  const band = tolerance * Math.max(1, ...diagonal.map(Math.abs));
  if (diagonal.some((v) => v > band) && diagonal.some((v) => v < -band)) return "saddle";
  if (diagonal.some((v) => Math.abs(v) <= band)) return "degenerate";
  return diagonal[0]! > 0 ? "minimum" : "maximum";
}
