/** Known bug: backward() overwrites each input's grad (=) instead of adding to it (+=). */
import {
  topologicalOrder,
  Value,
} from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";

export * from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";
export const knownBug = { task: "value-backward", feedback: /never =/, alsoAffects: ["gradient-of"] };

// Value is a class: the buggy method replaces the solution's on its prototype, so that every Value the
// solution creates has the bug.
Value.prototype.backward = function backward(this: Value): void {
  const order = topologicalOrder(this);
  this.grad = 1;
  for (const node of order.reverse()) {
    for (const [input, local] of node.inputs) input.grad = local * node.grad;
  }
};
