/** Known bug: σ′ is computed as x·(1 − x) from the input x instead of from the output σ(x). */
import { Value } from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";

export * from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";
export const knownBug = { task: "value-backward", feedback: /uses the input/ };

// Value is a class: the buggy method replaces the solution's on its prototype, so that every Value the
// solution creates has the bug.
Value.prototype.sigmoid = function sigmoid(this: Value): Value {
  const x = this.data;
  const s = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
  return new Value(s, [[this, x * (1 - x)]]);
};
