/** Known bug: the numerical Hessian built from differences of a numerical gradient, never symmetrised. */
import { numericalGradient, type ScalarField, type Vector } from "@calcml/math";

export * from "../../../../solutions/06-hessians-and-convexity/hessians-and-convexity.ts";
export const knownBug = { task: "numerical-hessian", feedback: /exactly symmetric/i };

export function numericalHessian(f: ScalarField, x: Vector, h = 1e-4): number[][] {
  if (x.length === 0) throw new RangeError("numericalHessian: x is empty");
  const columns = x.map((xj, j) => {
    const s = h * Math.max(1, Math.abs(xj));
    const plus = [...x];
    const minus = [...x];
    plus[j] = xj + s;
    minus[j] = xj - s;
    const gMinus = numericalGradient(f, minus);
    return numericalGradient(f, plus).map((g, i) => (g - gMinus[i]!) / (2 * s));
  });
  return x.map((_, i) => columns.map((column) => column[i]!));
}
