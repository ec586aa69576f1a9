/** Known bug: chained Jacobians multiplied in the wrong order, Jinner·Jouter. */
import type { Matrix } from "@calcml/math";

export * from "../../../../solutions/05-jacobians/jacobians.ts";
export const knownBug = { task: "chain-jacobians", feedback: /wrong order/i };

export function chainJacobians(Jouter: Matrix, Jinner: Matrix): number[][] {
  const m = Jouter.length;
  if (Jinner.some((row) => row.length !== m)) {
    throw new RangeError("chainJacobians: Jinner needs one column per row of Jouter");
  }
  return Jinner.map((row) =>
    Jouter[0]!.map((_, j) => row.reduce((acc, a, k) => acc + a * Jouter[k]![j]!, 0)),
  );
}
