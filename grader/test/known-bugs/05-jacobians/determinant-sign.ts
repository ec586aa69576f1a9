/** Known bug: the determinant computed as b·c − a·d (sign flipped). */
import type { Matrix } from "@calcml/math";

export * from "../../../../solutions/05-jacobians/jacobians.ts";
export const knownBug = { task: "polar-jacobian", feedback: /sign is flipped/i };

export function jacobianDeterminant2x2(J: Matrix): number {
  if (J.length !== 2 || J.some((row) => row.length !== 2)) {
    throw new RangeError("jacobianDeterminant2x2: J must be a 2×2 matrix");
  }
  const [[a, b], [c, d]] = J as [[number, number], [number, number]];
  return b * c - a * d;
}
