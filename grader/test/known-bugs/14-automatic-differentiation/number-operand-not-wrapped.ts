/** Known bug: binary operations read other.data without wrapping a plain number in a Value first. */
import { Value } from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";

export * from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";
export const knownBug = {
  task: "value-forward",
  feedback: /wrap it first/,
  alsoAffects: ["value-backward"],
};

// Value is a class: the buggy method replaces the solution's on its prototype, so that every Value the
// solution creates has the bug.
Value.prototype.mul = function mul(this: Value, other: Value | number): Value {
  const o = other as Value;
  return new Value(this.data * o.data, [
    [this, o.data],
    [o, this.data],
  ]);
};
Value.prototype.add = function add(this: Value, other: Value | number): Value {
  const o = other as Value;
  return new Value(this.data + o.data, [
    [this, 1],
    [o, 1],
  ]);
};
