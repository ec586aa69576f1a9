/** Known bug: the Newton step solves H·p = g (uphill) instead of H·p = −g. */
import { type Matrix, solve, type Vector } from "@calcml/math";

export * from "../../../../solutions/07-newtons-method/newtons-method.ts";
export const knownBug = { task: "newton-step", feedback: /wrong sign|sign is flipped/ };

export function newtonStep(gradient: Vector, hessian: Matrix): number[] {
  if (hessian.length !== gradient.length) throw new RangeError("newtonStep: shape");
  try {
    return solve(hessian, gradient);
  } catch {
    throw new RangeError("newtonStep: singular");
  }
}
