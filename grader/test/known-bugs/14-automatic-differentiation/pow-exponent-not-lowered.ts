/** Known bug: the local derivative of xᵖ is p·xᵖ (the power is not lowered by one). */
import { Value } from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";

export * from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";
export const knownBug = { task: "value-backward", feedback: /lower the power by one/ };

// Value is a class: the buggy method replaces the solution's on its prototype, so that every Value the
// solution creates has the bug.
Value.prototype.pow = function pow(this: Value, p: number): Value {
  return new Value(this.data ** p, [[this, p * this.data ** p]]);
};
