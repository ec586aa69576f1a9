/** Known bug: the errors keep their sign instead of being absolute values. */
import type { ScalarFn, Vector } from "@calcml/math";
import { centralDifference, forwardDifference } from "../../../../solutions/01-derivatives/derivatives.ts";

export * from "../../../../solutions/01-derivatives/derivatives.ts";
export const knownBug = { task: "step-size-errors", feedback: /absolute/i };

export function stepSizeErrors(
  f: ScalarFn,
  df: ScalarFn,
  x: number,
  steps: Vector,
): { forward: number[]; central: number[] } {
  return {
    forward: steps.map((h) => forwardDifference(f, x, h) - df(x)),
    central: steps.map((h) => centralDifference(f, x, h) - df(x)),
  };
}
