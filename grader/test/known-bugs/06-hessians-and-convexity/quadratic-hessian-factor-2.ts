/** Known bug: the quadratic's Hessian as A + Aᵀ, twice the right answer (the ½ of f forgotten). */
import type { Matrix } from "@calcml/math";

export * from "../../../../solutions/06-hessians-and-convexity/hessians-and-convexity.ts";
export const knownBug = { task: "quadratic-hessian", feedback: /twice/i };

export function quadraticHessian(A: Matrix): number[][] {
  if (A.length === 0 || A.some((row) => row.length !== A.length)) {
    throw new RangeError("quadraticHessian: A must be square");
  }
  return A.map((row, i) => row.map((a, j) => a + A[j]![i]!));
}
