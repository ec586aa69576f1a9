/** Known bug: the polar Jacobian with rows and columns swapped. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/05-jacobians/jacobians.ts";
export const knownBug = { task: "polar-jacobian", feedback: /transposed/i };

export function polarToCartesianJacobian(p: Vector): number[][] {
  if (p.length !== 2) throw new RangeError("polarToCartesianJacobian: p must be [r, θ]");
  const [r, theta] = p as [number, number];
  return [
    [Math.cos(theta), Math.sin(theta)],
    [-r * Math.sin(theta), r * Math.cos(theta)],
  ];
}
