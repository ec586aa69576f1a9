/** Known bug: tanh's local derivative is 1 − tanh(x), missing the square. */
import { Value } from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";

export * from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";
export const knownBug = { task: "value-backward", feedback: /square the result/ };

// Value is a class: the buggy method replaces the solution's on its prototype, so that every Value the
// solution creates has the bug.
Value.prototype.tanh = function tanh(this: Value): Value {
  const t = Math.tanh(this.data);
  return new Value(t, [[this, 1 - t]]);
};
