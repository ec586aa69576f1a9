/** Known bug: the jvp builds the whole Jacobian column by column (2n calls of F), then multiplies. */
import type { Vector, VectorField } from "@calcml/math";
import { numericalJacobian } from "../../../../solutions/05-jacobians/jacobians.ts";

export * from "../../../../solutions/05-jacobians/jacobians.ts";
export const knownBug = { task: "jvp", feedback: /whole Jacobian/i };

export function jvp(F: VectorField, x: Vector, v: Vector, h = 1e-5): number[] {
  if (x.length !== v.length)
    throw new RangeError(`jvp: x and v differ in length (${x.length} vs ${v.length})`);
  return numericalJacobian(F, x, h).map((row) => row.reduce((acc, a, j) => acc + a * v[j]!, 0));
}
