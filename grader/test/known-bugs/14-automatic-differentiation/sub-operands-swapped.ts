/** Known bug: a.sub(b) computes b − a (consistently, derivatives included). */
import { Value } from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";

export * from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";
export const knownBug = {
  task: "value-forward",
  feedback: /operands are swapped/,
  alsoAffects: ["value-backward", "gradient-of"],
};

// Value is a class: the buggy method replaces the solution's on its prototype, so that every Value the
// solution creates has the bug.
Value.prototype.sub = function sub(this: Value, other: Value | number): Value {
  const o = other instanceof Value ? other : new Value(other);
  return new Value(o.data - this.data, [
    [this, -1],
    [o, 1],
  ]);
};
