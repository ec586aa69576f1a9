/** Known bug: plain Newton steps with a line search, but an indefinite Hessian is never shifted by τI. */
import { norm, type ScalarField, type Vector } from "@calcml/math";
import {
  backtrackingLineSearch,
  type DescentResult,
  type NewtonOptions,
  newtonStep,
} from "../../../../solutions/07-newtons-method/newtons-method.ts";

export * from "../../../../solutions/07-newtons-method/newtons-method.ts";
export const knownBug = { task: "newtons-method", feedback: /τI/ };

export function newtonsMethod(
  f: ScalarField,
  grad: (x: Vector) => number[],
  hess: (x: Vector) => number[][],
  x0: Vector,
  options: NewtonOptions = {},
): DescentResult {
  const { tolerance = 1e-10, maxIterations = 100 } = options;
  let x = x0.slice();
  const path = [x.slice()];
  for (let k = 0; k < maxIterations; k++) {
    const g = grad(x);
    if (norm(g) < tolerance) return { x, iterations: k, converged: true, path };
    const p = newtonStep(g, hess(x));
    const alpha = backtrackingLineSearch(f, g, x, p);
    x = x.map((xi, i) => xi + alpha * p[i]!);
    path.push(x.slice());
  }
  return { x, iterations: maxIterations, converged: norm(grad(x)) < tolerance, path };
}
