/** Known bug: a singular Hessian surfaces as solve's own error, which does not name newtonStep. */
import { type Matrix, solve, type Vector } from "@calcml/math";

export * from "../../../../solutions/07-newtons-method/newtons-method.ts";
export const knownBug = { task: "newton-step", feedback: /starts with newtonStep/ };

export function newtonStep(gradient: Vector, hessian: Matrix): number[] {
  return solve(
    hessian,
    gradient.map((g) => -g),
  );
}
