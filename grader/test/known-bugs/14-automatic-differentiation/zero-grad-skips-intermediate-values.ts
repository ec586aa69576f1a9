/** Known bug: zeroGrad resets only leaves (values with no inputs), so intermediate values keep their grads. */
import type { Value } from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";

export * from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";
export const knownBug = { task: "zero-grad", feedback: /the intermediate ones too/ };

export function zeroGrad(values: Iterable<Value>): void {
  for (const value of values) if (value.inputs.length === 0) value.grad = 0;
}
