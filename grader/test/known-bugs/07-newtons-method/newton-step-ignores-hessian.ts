/** Known bug: the "Newton" step is the gradient step −g; the Hessian is only used to check shapes. */
import type { Matrix, Vector } from "@calcml/math";

export * from "../../../../solutions/07-newtons-method/newtons-method.ts";
export const knownBug = { task: "newton-step", feedback: /gradient step/ };

export function newtonStep(gradient: Vector, hessian: Matrix): number[] {
  if (hessian.length !== gradient.length) throw new RangeError("newtonStep: shape");
  return gradient.map((g) => -g);
}
