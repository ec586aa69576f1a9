/** Known bug: the numerical Jacobian is built with one row per input (the transpose of J). */
import type { Vector, VectorField } from "@calcml/math";

export * from "../../../../solutions/05-jacobians/jacobians.ts";
export const knownBug = { task: "numerical-jacobian", feedback: /transposed/i };

export function numericalJacobian(F: VectorField, x: Vector, h = 1e-5): number[][] {
  if (x.length === 0) throw new RangeError("numericalJacobian: x is empty");
  return x.map((xj, j) => {
    const s = h * Math.max(1, Math.abs(xj));
    const plus = [...x];
    const minus = [...x];
    plus[j] = xj + s;
    minus[j] = xj - s;
    const fMinus = F(minus);
    return F(plus).map((value, i) => (value - fMinus[i]!) / (2 * s));
  });
}
