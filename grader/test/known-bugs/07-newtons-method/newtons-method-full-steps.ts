/** Known bug: Newton steps are always taken in full (α = 1); the line search is never used. */
import { cholesky, norm, type ScalarField, type Vector } from "@calcml/math";
import {
  type DescentResult,
  type NewtonOptions,
  newtonStep,
} from "../../../../solutions/07-newtons-method/newtons-method.ts";

export * from "../../../../solutions/07-newtons-method/newtons-method.ts";
export const knownBug = { task: "newtons-method", feedback: /full Newton step/ };

function shifted(H: number[][]): number[][] {
  for (let tau = 0; ; tau = tau === 0 ? 1e-3 : 2 * tau) {
    const S = H.map((row, i) => row.map((h, j) => (i === j ? h + tau : h)));
    try {
      cholesky(S);
      return S;
    } catch {
      if (tau > 1e30) return S;
    }
  }
}

export function newtonsMethod(
  _f: ScalarField,
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
    if (!g.every(Number.isFinite)) return { x, iterations: k, converged: false, path };
    if (norm(g) < tolerance) return { x, iterations: k, converged: true, path };
    const p = newtonStep(g, shifted(hess(x)));
    x = x.map((xi, i) => xi + p[i]!);
    path.push(x.slice());
  }
  return { x, iterations: maxIterations, converged: false, path };
}
