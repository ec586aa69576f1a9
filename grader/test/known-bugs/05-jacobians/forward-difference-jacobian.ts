/** Known bug: a one-sided (forward) difference passed off as the central one. */
import type { Vector, VectorField } from "@calcml/math";

export * from "../../../../solutions/05-jacobians/jacobians.ts";
export const knownBug = { task: "numerical-jacobian", feedback: /one-sided/i };

export function numericalJacobian(F: VectorField, x: Vector, h = 1e-5): number[][] {
  if (x.length === 0) throw new RangeError("numericalJacobian: x is empty");
  const f0 = F(x);
  const columns = x.map((xj, j) => {
    const s = h * Math.max(1, Math.abs(xj));
    const plus = [...x];
    plus[j] = xj + s;
    return F(plus).map((value, i) => (value - f0[i]!) / s);
  });
  return f0.map((_, i) => columns.map((column) => column[i]!));
}
