/** Known bug: the local derivative of a/b with respect to b is +a/b² (the sign is lost). */
import { Value } from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";

export * from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";
export const knownBug = { task: "value-backward", feedback: /−a\/b²/ };

// Value is a class: the buggy method replaces the solution's on its prototype, so that every Value the
// solution creates has the bug.
Value.prototype.div = function div(this: Value, other: Value | number): Value {
  const o = other instanceof Value ? other : new Value(other);
  return new Value(this.data / o.data, [
    [this, 1 / o.data],
    [o, this.data / (o.data * o.data)],
  ]);
};
