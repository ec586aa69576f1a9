/** Known bug: the path records each new iterate but not the starting point. */
import type { ScalarField, Vector } from "@calcml/math";
import {
  type DescentResult,
  type NewtonOptions,
  newtonsMethod as reference,
} from "../../../../solutions/07-newtons-method/newtons-method.ts";

export * from "../../../../solutions/07-newtons-method/newtons-method.ts";
export const knownBug = { task: "newtons-method", feedback: /path\[0\]/ };

export function newtonsMethod(
  f: ScalarField,
  grad: (x: Vector) => number[],
  hess: (x: Vector) => number[][],
  x0: Vector,
  options: NewtonOptions = {},
): DescentResult {
  const result = reference(f, grad, hess, x0, options);
  return { ...result, path: result.path.slice(1), iterations: Math.max(0, result.iterations - 1) };
}
