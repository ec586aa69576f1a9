/** Known bug: zeroGrad indexes its argument like an array, so a Set or a generator is left untouched. */
import type { Value } from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";

export * from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";
export const knownBug = { task: "zero-grad", feedback: /any iterable/ };

export function zeroGrad(values: Iterable<Value>): void {
  const array = values as Value[];
  for (let i = 0; i < array.length; i++) (array[i] as Value).grad = 0;
}
