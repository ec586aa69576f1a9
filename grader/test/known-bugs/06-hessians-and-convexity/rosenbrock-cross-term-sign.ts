/** Known bug: Rosenbrock's Hessian with the cross term +400x instead of −400x. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/06-hessians-and-convexity/hessians-and-convexity.ts";
export const knownBug = { task: "rosenbrock", feedback: /cross term has the wrong sign/i };

export function rosenbrockHessian(p: Vector): number[][] {
  if (p.length !== 2) throw new RangeError("rosenbrockHessian: p must be [x, y]");
  const [x, y] = p as [number, number];
  return [
    [1200 * x * x - 400 * y + 2, 400 * x],
    [400 * x, 200],
  ];
}
