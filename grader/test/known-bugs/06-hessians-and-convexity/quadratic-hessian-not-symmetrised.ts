/** Known bug: the quadratic's Hessian returned as A itself, wrong whenever A is not symmetric. */
import type { Matrix } from "@calcml/math";

export * from "../../../../solutions/06-hessians-and-convexity/hessians-and-convexity.ts";
export const knownBug = { task: "quadratic-hessian", feedback: /not symmetric|\(A \+ Aᵀ\)\/2/ };

export function quadraticHessian(A: Matrix): number[][] {
  if (A.length === 0 || A.some((row) => row.length !== A.length)) {
    throw new RangeError("quadraticHessian: A must be square");
  }
  return A.map((row) => [...row]);
}
