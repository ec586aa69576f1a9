/** Known bug: the condition number computed as λmin/λmax. */
import { eigSym, type Matrix } from "@calcml/math";

export * from "../../../../solutions/06-hessians-and-convexity/hessians-and-convexity.ts";
export const knownBug = { task: "convexity", feedback: /λmin\/λmax/ };

export function conditionNumber(H: Matrix): number {
  if (H.length === 0 || H.some((row) => row.length !== H.length)) {
    throw new RangeError("conditionNumber: H must be square");
  }
  const values = eigSym(H).values;
  const smallest = values[0]!;
  const largest = values[values.length - 1]!;
  if (smallest <= 1e-8 * Math.max(1, largest))
    throw new RangeError("conditionNumber: H is not positive definite");
  return smallest / largest;
}
