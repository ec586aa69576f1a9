/** Known bug: the vjp returns J·u (sums along rows) instead of uᵀ·J (sums down columns). */
import type { Matrix, Vector } from "@calcml/math";

export * from "../../../../solutions/05-jacobians/jacobians.ts";
export const knownBug = { task: "vjp", feedback: /J·u/ };

export function vjp(J: Matrix, u: Vector): number[] {
  if (J.length === 0) throw new RangeError("vjp: J is empty");
  if (u.length !== J.length)
    throw new RangeError(`vjp: u has ${u.length} entries but J has ${J.length} rows`);
  return J.map((row) => row.reduce((acc, a, j) => acc + a * u[j]!, 0));
}
