/** Known bug: zeroGrad sets data to 0 instead of grad. */
import type { Value } from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";

export * from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";
export const knownBug = { task: "zero-grad", feedback: /resets grad, not data/ };

export function zeroGrad(values: Iterable<Value>): void {
  for (const value of values) value.data = 0;
}
